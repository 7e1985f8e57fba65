/** Every action the platform authorises, `<module>.<subject>.<verb>`. */
export const ACTIONS = [
  'identity.self.read',
  'identity.self.update',
  'identity.staff.read',
  'identity.staff.manage',
  'identity.staff.lock',
  'identity.role.read',
  'identity.role.assign',
  'identity.department.manage',
  'identity.colleague.read',
  'enterprise.profile.read',
  'enterprise.profile.update',
  'application.submit',
  'application.counter.submit',
  'application.read',
  'application.withdraw',
  'application.task.read',
  'application.task.handle',
  'application.task.decide',
  'application.case.administer',
  'approval.statistics.read',
  'catalog.item.read',
  'catalog.item.create',
  'catalog.item.update',
  'catalog.item.publish',
  'policy.manage',
  'policy.grant.decide',
  'policy.stats.read',
  'policy.match.read',
  'policy.facts.declare',
  'policy.facts.import',
  'policy.notice.opt_out',
  'governance.dataset.manage',
  'governance.check.run',
  'governance.result.read',
  'governance.cluster.review',
  'governance.alert.ack',
  'insight.analysis.run',
  'insight.analysis.read',
  'insight.history.read',
  'calendar.load',
  'system.config.read',
  'system.config.update',
  'audit.read',
  'audit.verify',
] as const

export type Action = (typeof ACTIONS)[number]

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS)

/** Narrows an untrusted string (route parameter, DB row) to an Action. */
export function isAction(value: string): value is Action {
  return ACTION_SET.has(value)
}
