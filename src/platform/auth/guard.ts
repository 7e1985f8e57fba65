import { DomainError } from '../errors.js'
import {
  ROLE_DEFINITIONS,
  isAction,
  isRole,
  type Action,
  type Assignment,
  type Authorizer,
  type AuthzResource,
} from '../authz/index.js'
import type { Actor, Principal } from './principal.js'

/** Services ask the guard; it asks the policy engine and throws PLATFORM_FORBIDDEN on a deny. */
export interface Guard {
  require(actor: Actor, action: Action, resource: AuthzResource): Principal
  allows(actor: Actor, action: Action, resource: AuthzResource): boolean
  /** Coarse door check: does any of the caller's roles carry the action at all? */
  mayPerform(principal: Principal, action: string): boolean
}

export function createGuard(authorizer: Authorizer): Guard {
  const allows = (actor: Actor, action: Action, resource: AuthzResource): boolean => {
    const principal = actor.principal
    if (!principal) return false
    return authorizer.authorize({ principal: toAuthz(principal), action, resource }).allowed
  }
  return {
    allows,
    require(actor, action, resource) {
      if (!actor.principal) throw new DomainError('PLATFORM_UNAUTHENTICATED')
      if (!allows(actor, action, resource)) throw new DomainError('PLATFORM_FORBIDDEN')
      return actor.principal
    },
    mayPerform(principal, action) {
      if (!isAction(action)) return false
      return principal.assignments.some(
        (a) =>
          isRole(a.role) &&
          (ROLE_DEFINITIONS[a.role].actions as readonly string[]).includes(action),
      )
    },
  }
}

function toAuthz(principal: Principal) {
  const assignments: Assignment[] = principal.assignments.flatMap((a) =>
    isRole(a.role) ? [{ role: a.role, departmentId: a.departmentId }] : [],
  )
  // Platform roles (三员) belong to dedicated admin accounts; Cedar models those as `Admin`.
  const admin =
    principal.kind === 'staff' &&
    assignments.some((a) => ROLE_DEFINITIONS[a.role].scope === 'platform')
  return { id: principal.id, kind: admin ? ('admin' as const) : principal.kind, assignments }
}
