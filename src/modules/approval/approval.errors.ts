import { defineErrors } from '../../platform/errors.js'

export const APPROVAL_ERRORS = defineErrors({
  APPROVAL_SUBJECT_NOT_FOUND: {
    status: 404,
    zh: '事项或“一件事”不存在或未发布：{code}',
    en: 'No published item or bundle {code}',
  },
  APPROVAL_APPLICATION_NOT_FOUND: { status: 404, zh: '申请不存在', en: 'Application not found' },
  APPROVAL_CASE_NOT_FOUND: { status: 404, zh: '办件不存在', en: 'Case not found' },
  APPROVAL_TASK_NOT_FOUND: { status: 404, zh: '任务不存在', en: 'Task not found' },
  APPROVAL_LICENCE_NOT_FOUND: { status: 404, zh: '证照不存在', en: 'Licence not found' },
  APPROVAL_LICENCE_TYPE_UNKNOWN: {
    status: 422,
    zh: '流程要求发放的证照类型不存在',
    en: 'The process names an unknown licence type',
  },
  APPROVAL_LICENCE_HOLDER_UNKNOWN: {
    status: 422,
    zh: '无法确定持证主体',
    en: 'The licence holder cannot be determined',
  },
  APPROVAL_ALREADY_RATED: {
    status: 409,
    zh: '该办件已评价',
    en: 'The case has already been rated',
  },
  APPROVAL_WORK_ORDER_NOT_FOUND: { status: 404, zh: '整改工单不存在', en: 'Work order not found' },
  APPROVAL_COPY_NOT_FOUND: { status: 404, zh: '抄送不存在', en: 'Copy not found' },
  APPROVAL_NOT_AGENT: {
    status: 403,
    zh: '您不是该企业的经办人，不能以企业名义申请',
    en: 'You are not an agent of this enterprise',
  },
  APPROVAL_NO_MEMBER_APPLIES: {
    status: 422,
    zh: '按所填信息，“一件事”中没有需要办理的事项',
    en: 'With this form, no item of the bundle applies',
  },
  APPROVAL_TASK_ALREADY_DECIDED: {
    status: 409,
    zh: '任务已办理或已取消',
    en: 'The task has already been decided or cancelled',
  },
  APPROVAL_TASK_TAKEN: {
    status: 409,
    zh: '任务已由他人签收',
    en: 'The task is assigned to someone else',
  },
  APPROVAL_CONCURRENT_CHANGE: {
    status: 409,
    zh: '办件已被他人更新，请刷新后重试',
    en: 'The case was changed by someone else; reload and retry',
  },
  APPROVAL_ACTION_NOT_ALLOWED: {
    status: 409,
    zh: '当前状态下不能执行此操作：{reasonZh}',
    en: 'This action is not allowed now: {reason}',
  },
  APPROVAL_MATERIALS_MISSING: {
    status: 409,
    zh: '必须提交的申请材料尚未齐全，不能作出同意的决定；可要求申请人补正（所缺材料见 errors）',
    en: 'Required materials are missing, so the task cannot be approved; ask for a correction (see errors)',
  },
  APPROVAL_NOTHING_TO_CORRECT: {
    status: 409,
    zh: '没有待补正的事项',
    en: 'Nothing is waiting for a correction',
  },
})
