import type { Action } from './actions.js'

/**
 * Where a role applies. `department`: only on resources of the departments it was granted in
 * (held by staff). `platform`: everywhere (held by admin accounts). `self`: only on resources
 * the principal owns (held by citizens and enterprise agents).
 */
export type RoleScope = 'department' | 'platform' | 'self'

export type RoleDefinition = {
  scope: RoleScope
  actions: readonly Action[]
  label: { zh: string; en: string }
}

const SELF_SERVICE = [
  'identity.self.read',
  'identity.self.update',
  'application.submit',
  'application.read',
  'application.withdraw',
] as const satisfies readonly Action[]

/**
 * The role table; Cedar policies and schema are generated from it. The three platform roles
 * follow 三员分立 (GB/T 22239 level 3): the system admin runs accounts and configuration but
 * never sees audit; the security admin grants roles and locks accounts but touches no business
 * data; the auditor reads and verifies audit and changes nothing. Role assignment is kept
 * with the security admin, so dept_admin manages staff accounts but not their roles.
 */
export const ROLE_DEFINITIONS = {
  citizen: {
    scope: 'self',
    actions: SELF_SERVICE,
    label: { zh: '个人用户', en: 'Citizen' },
  },
  enterprise_agent: {
    scope: 'self',
    actions: [
      ...SELF_SERVICE,
      'enterprise.profile.read',
      'enterprise.profile.update',
      'policy.match.read',
      'policy.facts.declare',
      'policy.notice.opt_out',
    ],
    label: { zh: '企业经办人', en: 'Enterprise agent' },
  },
  dept_staff: {
    scope: 'department',
    actions: [
      'identity.colleague.read',
      'catalog.item.read',
      'application.counter.submit',
      'application.read',
      'application.task.read',
      'application.task.handle',
    ],
    label: { zh: '窗口工作人员', en: 'Department staff' },
  },
  dept_approver: {
    scope: 'department',
    actions: [
      'identity.colleague.read',
      'catalog.item.read',
      'application.read',
      'application.task.read',
      'application.task.decide',
    ],
    label: { zh: '审批人员', en: 'Department approver' },
  },
  catalog_editor: {
    scope: 'department',
    actions: ['catalog.item.read', 'catalog.item.create', 'catalog.item.update'],
    label: { zh: '事项编辑', en: 'Catalog editor' },
  },
  catalog_publisher: {
    scope: 'department',
    actions: ['catalog.item.read', 'catalog.item.publish'],
    label: { zh: '事项发布', en: 'Catalog publisher' },
  },
  policy_officer: {
    scope: 'department',
    actions: ['policy.manage', 'policy.grant.decide', 'policy.stats.read'],
    label: { zh: '惠企政策管理员', en: 'Policy officer' },
  },
  data_officer: {
    scope: 'department',
    actions: [
      'policy.facts.import',
      'policy.match.read',
      'policy.stats.read',
      'governance.dataset.manage',
      'governance.check.run',
      'governance.result.read',
      'governance.cluster.review',
      'governance.alert.ack',
    ],
    label: { zh: '数据专员', en: 'Data officer' },
  },
  process_analyst: {
    scope: 'department',
    actions: ['insight.analysis.run', 'insight.analysis.read', 'insight.history.read'],
    label: { zh: '流程分析员', en: 'Process analyst' },
  },
  dept_admin: {
    scope: 'department',
    actions: [
      'identity.colleague.read',
      'identity.staff.read',
      'identity.staff.manage',
      'catalog.item.read',
      'application.read',
      'application.task.read',
      'application.case.administer',
    ],
    label: { zh: '部门管理员', en: 'Department administrator' },
  },
  system_admin: {
    scope: 'platform',
    actions: [
      'identity.staff.read',
      'identity.staff.manage',
      'identity.department.manage',
      'calendar.load',
      'approval.statistics.read',
      'system.config.read',
      'system.config.update',
    ],
    label: { zh: '系统管理员', en: 'System administrator' },
  },
  security_admin: {
    scope: 'platform',
    actions: [
      'identity.staff.read',
      'identity.staff.lock',
      'identity.role.read',
      'identity.role.assign',
    ],
    label: { zh: '安全管理员', en: 'Security administrator' },
  },
  auditor: {
    scope: 'platform',
    actions: ['audit.read', 'audit.verify'],
    label: { zh: '审计管理员', en: 'Auditor' },
  },
} as const satisfies Record<string, RoleDefinition>

export type Role = keyof typeof ROLE_DEFINITIONS

export const ROLES = Object.keys(ROLE_DEFINITIONS) as Role[]

/** Narrows an untrusted string (DB row) to a Role. */
export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLE_DEFINITIONS, value)
}

/** The roles of one scope, in table order. */
export function rolesOfScope(scope: RoleScope): Role[] {
  return ROLES.filter((role) => ROLE_DEFINITIONS[role].scope === scope)
}
