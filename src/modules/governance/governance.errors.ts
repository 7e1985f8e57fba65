import { defineErrors } from '../../platform/errors.js'

export const GOVERNANCE_ERRORS = defineErrors({
  GOVERNANCE_DATASET_NOT_FOUND: {
    status: 404,
    zh: '数据集 {code} 不存在',
    en: 'Dataset {code} does not exist',
  },
  GOVERNANCE_DATASET_EXISTS: {
    status: 409,
    zh: '数据集 {code} 已登记',
    en: 'Dataset {code} is already registered',
  },
  GOVERNANCE_DATASET_INVALID: {
    status: 400,
    zh: '数据集登记信息有误，请检查标出的字段',
    en: 'The dataset registration has errors in the marked fields',
  },
  GOVERNANCE_FILE_REFUSED: {
    status: 400,
    zh: '文件不能用于数据检查：{reasonZh}',
    en: 'The file cannot be checked: {reason}',
  },
  GOVERNANCE_FILE_TOO_LARGE: {
    status: 413,
    zh: '文件超过 {limit} 字节的上限',
    en: 'The file exceeds the limit of {limit} bytes',
  },
  GOVERNANCE_FILE_NOT_FOUND: {
    status: 404,
    zh: '数据集 {code} 没有收到过该文件',
    en: 'Dataset {code} has received no such file',
  },
  GOVERNANCE_RUN_NOT_FOUND: {
    status: 404,
    zh: '运行记录 {id} 不存在',
    en: 'Run {id} does not exist',
  },
  GOVERNANCE_DEDUP_UNSUPPORTED: {
    status: 409,
    zh: '数据标准 {standard} 不是人口或法人数据，不能查重',
    en: 'Standard {standard} holds neither persons nor enterprises; duplicates cannot be searched',
  },
  GOVERNANCE_RUN_NOT_DONE: {
    status: 409,
    zh: '运行 {id} 尚未完成（{status}）',
    en: 'Run {id} has not finished ({status})',
  },
  GOVERNANCE_CLUSTER_NOT_FOUND: {
    status: 404,
    zh: '运行 {runId} 中没有疑似重复组 {clusterId}（可能已被拆分）',
    en: 'Run {runId} has no cluster {clusterId} (it may have been split)',
  },
  GOVERNANCE_DECISION_INVALID: {
    status: 400,
    zh: '审核决定有误，请检查标出的字段',
    en: 'The review decision has errors in the marked fields',
  },
  GOVERNANCE_ALERT_NOT_FOUND: {
    status: 404,
    zh: '告警 {id} 不存在',
    en: 'Alert {id} does not exist',
  },
  GOVERNANCE_ALERT_ACKNOWLEDGED: {
    status: 409,
    zh: '告警 {id} 已确认',
    en: 'Alert {id} has already been acknowledged',
  },
})
