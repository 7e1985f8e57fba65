import { defineErrors } from '../../platform/errors.js'

export const INSIGHT_ERRORS = defineErrors({
  INSIGHT_LOG_REFUSED: {
    status: 400,
    zh: '文件不能作为事件日志：{reasonZh}',
    en: 'The file cannot be used as an event log: {reason}',
  },
  INSIGHT_LOG_TOO_LARGE: {
    status: 413,
    zh: '事件日志文件超过 {limit} 字节的上限',
    en: 'The event log exceeds the limit of {limit} bytes',
  },
  INSIGHT_LOG_NOT_FOUND: {
    status: 404,
    zh: '事件日志 {id} 不存在',
    en: 'Event log {id} does not exist',
  },
  INSIGHT_ANALYSIS_NOT_FOUND: {
    status: 404,
    zh: '分析 {id} 不存在',
    en: 'Analysis {id} does not exist',
  },
  INSIGHT_ANALYSIS_INVALID: {
    status: 400,
    zh: '分析请求有误，请检查标出的字段',
    en: 'The analysis request has errors in the marked fields',
  },
  INSIGHT_ANALYSIS_NOT_DONE: {
    status: 409,
    zh: '分析 {id} 尚未完成（状态：{status}）',
    en: 'Analysis {id} is not done (status: {status})',
  },
  INSIGHT_MODEL_NOT_DISCOVERED: {
    status: 404,
    zh: '分析 {id} 没有发现流程模型（未请求或日志为空）',
    en: 'Analysis {id} has no discovered model (not asked for, or the log was empty)',
  },
  INSIGHT_DEPARTMENT_UNKNOWN: {
    status: 400,
    zh: '部门 {code} 不存在',
    en: 'Department {code} does not exist',
  },
  INSIGHT_NO_DEPARTMENT: {
    status: 400,
    zh: '请指定分析所属的部门（departmentCode）',
    en: 'Name the department the analysis is for (departmentCode)',
  },
  INSIGHT_ANALYSIS_INTERNAL: {
    status: 500,
    zh: '分析因系统错误未能完成',
    en: 'The analysis could not be completed because of a system fault',
  },
})

export const INSIGHT_FIELD_ERRORS = defineErrors({
  INSIGHT_ITEM_UNKNOWN: {
    status: 400,
    zh: '事项 {code} 不存在或没有已发布的流程',
    en: 'Item {code} does not exist or has no published process',
  },
})
