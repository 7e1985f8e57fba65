import type { PrincipalKind } from './types.js'
import type { RoleScope } from './roles.js'

export const NAMESPACE = 'Tongban'
export const ACTION_TYPE = `${NAMESPACE}::Action`
export const RESOURCE_TYPE = `${NAMESPACE}::Resource`

/** Cedar entity type per principal kind; each scope of role is valid for exactly one kind. */
export const PRINCIPAL_TYPES = {
  person: `${NAMESPACE}::Person`,
  staff: `${NAMESPACE}::Staff`,
  admin: `${NAMESPACE}::Admin`,
} as const satisfies Record<PrincipalKind, string>

export const SCOPE_PRINCIPAL_KIND = {
  self: 'person',
  department: 'staff',
  platform: 'admin',
} as const satisfies Record<RoleScope, PrincipalKind>

/** Policy id of the one permit generated for a role; returned as a decision reason. */
export function policyIdOf(role: string): string {
  return `role.${role}`
}
