import {
  ACTION_TYPE,
  PRINCIPAL_TYPES,
  RESOURCE_TYPE,
  SCOPE_PRINCIPAL_KIND,
  policyIdOf,
} from './cedar-names.js'
import { ROLE_DEFINITIONS, ROLES } from './roles.js'
import type { Role } from './roles.js'

/** Policy id → Cedar policy text. */
export type PolicyMap = Record<string, string>

/**
 * One `permit` per role, generated from ROLE_DEFINITIONS. The set stays this small whatever
 * the number of staff: assignments travel with each request as principal attributes.
 * Invariant relied on by principalEntity's projection: a policy reads `principal.roleDepts`
 * only as `.contains(resource.department)`.
 */
export function buildPolicySet(): PolicyMap {
  return Object.fromEntries(ROLES.map((role) => [policyIdOf(role), policyFor(role)]))
}

/** Cedar text of the permit for one role. */
export function policyFor(role: Role): string {
  const definition = ROLE_DEFINITIONS[role]
  const principalType = PRINCIPAL_TYPES[SCOPE_PRINCIPAL_KIND[definition.scope]]
  const actions = definition.actions.map((action) => `${ACTION_TYPE}::${JSON.stringify(action)}`)
  return [
    'permit (',
    `  principal is ${principalType},`,
    `  action in [${actions.join(', ')}],`,
    `  resource is ${RESOURCE_TYPE}`,
    `) when { ${conditionFor(role)} };`,
  ].join('\n')
}

function conditionFor(role: Role): string {
  switch (ROLE_DEFINITIONS[role].scope) {
    case 'department':
      return [
        'resource has department',
        `principal.roleDepts has ${role}`,
        `principal.roleDepts.${role}.contains(resource.department)`,
      ].join(' && ')
    case 'platform':
      return `principal.roles.contains(${JSON.stringify(role)})`
    case 'self':
      return [
        `principal.roles.contains(${JSON.stringify(role)})`,
        'resource has owner',
        'resource.owner == principal',
      ].join(' && ')
  }
}
