import { DomainError, fieldError, validationFailed } from '../../platform/errors.js'
import type { EngineError, EngineErrorCode } from './engine/index.js'

const REASONS: Partial<Record<EngineErrorCode, [zh: string, en: string]>> = {
  instance_not_running: ['办件已办结或已终止', 'the case has finished'],
  task_suspended: ['任务正等待加签人处理', 'the task waits for an added signer'],
  task_delegated: [
    '任务已委派，须由被委派人处理后交回',
    'the task is delegated; the delegate resolves it first',
  ],
  not_delegated: ['任务未被委派', 'the task is not delegated'],
  approval_required: ['须给出同意或不同意', 'approve or reject must be given'],
  unknown_node: ['流程中没有该环节', 'the process has no such step'],
  illegal_target: ['不能退回或跳转到该环节', 'the task cannot be returned or moved to that step'],
  invalid_signer: ['加签人无效', 'the signer is not valid'],
  unknown_signer: ['没有该会签人', 'no such signer'],
  last_signer: ['不能减去最后一位签批人', 'the last signer cannot be removed'],
  not_supported: ['该环节不支持此操作', 'the step does not support this action'],
  timer_not_pending: ['计时器已触发或已取消', 'the timer has fired or been cancelled'],
  service_not_failed: ['服务任务未失败', 'the service task has not failed'],
  incident_not_open: ['异常已处理', 'the incident is already resolved'],
}

/** Engine refusals as the domain errors users see. */
export function engineErrorToDomain(error: EngineError): DomainError {
  const code = error.code
  if (code === 'task_not_open' || code === 'task_not_found')
    return new DomainError('APPROVAL_TASK_ALREADY_DECIDED')
  if (code === 'not_assignee' || code === 'not_claimable')
    return new DomainError('APPROVAL_TASK_TAKEN')
  if (code === 'reason_required')
    return validationFailed([
      fieldError('/reason', 'required', { zh: '须填写理由', en: 'A reason is required' }),
    ])
  const [zh, en] = REASONS[code] ?? ['流程不允许', `the process does not allow it (${code})`]
  return new DomainError('APPROVAL_ACTION_NOT_ALLOWED', { reasonZh: zh, reason: en })
}
