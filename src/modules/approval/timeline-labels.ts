const LABELS: Record<string, { zh: string; en: string }> = {
  'case.submitted': { zh: '提交申请', en: 'Submitted' },
  'case.correction_requested': { zh: '要求补正', en: 'Correction requested' },
  'case.correction_resubmitted': { zh: '补正后重新提交', en: 'Correction resubmitted' },
  'case.withdrawn': { zh: '申请人撤回', en: 'Withdrawn by the applicant' },
  'case.urged': { zh: '申请人催办', en: 'Urged by the applicant' },
  'case.licence_issued': { zh: '发放电子证照', en: 'Electronic licence issued' },
  'case.material_attached': {
    zh: '提交材料（含免提交证照）',
    en: 'Material attached (or a licence reused)',
  },
  'case.copied': { zh: '抄送', en: 'Copied to colleagues' },
  'case.extension_requested': { zh: '申请延期', en: 'Extension requested' },
  'case.extension_decided': { zh: '延期审批', en: 'Extension decided' },
  'case.special_procedure_started': {
    zh: '特别程序开始（时限中止）',
    en: 'Special procedure started (clock paused)',
  },
  'case.special_procedure_ended': { zh: '特别程序结束', en: 'Special procedure ended' },
  'case.auto_approval_withheld': {
    zh: '材料不齐，不予超时自动通过',
    en: 'Automatic approval withheld: materials missing',
  },
  'case.sla_alerted': { zh: '时限预警或超期督办', en: 'Time-limit warning or escalation' },
  instance_started: { zh: '开始办理', en: 'Processing started' },
  task_opened: { zh: '环节待办', en: 'Step opened' },
  task_claimed: { zh: '签收', en: 'Claimed' },
  task_reassigned: { zh: '转办/委派', en: 'Reassigned' },
  task_completed: { zh: '环节办结', en: 'Step completed' },
  task_cancelled: { zh: '环节取消', en: 'Step cancelled' },
  token_relocated: { zh: '退回/跳转', en: 'Returned or moved' },
  signer_added: { zh: '加签', en: 'Signer added' },
  signer_removed: { zh: '减签', en: 'Signer removed' },
  service_completed: { zh: '系统处理完成', en: 'Automatic step done' },
  service_failed: { zh: '系统处理失败', en: 'Automatic step failed' },
  incident_raised: { zh: '流程异常', en: 'Process incident' },
  timer_fired: { zh: '时限到期', en: 'Time limit reached' },
  instance_completed: { zh: '办结', en: 'Finished' },
  instance_terminated: { zh: '终止办理', en: 'Terminated' },
}

/** The timeline's label of an action type; null for engine bookkeeping nobody needs to read. */
export function describeAction(type: string): { zh: string; en: string } | null {
  return LABELS[type] ?? null
}
