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

const DECISIONS_KEPT = 20_000

export function createGuard(authorizer: Authorizer): Guard {
  // The generated policies read only the principal's kind and grants, the action, the resource's
  // department and whether the principal owns it (see authz/policies.ts), so a decision is a
  // pure function of that key and is kept: Cedar costs ~70–150 µs a call, the key ~1 µs.
  const decisions = new Map<string, boolean>()
  const allows = (actor: Actor, action: Action, resource: AuthzResource): boolean => {
    const principal = actor.principal
    if (!principal) return false
    const key = decisionKey(principal, action, resource)
    const known = decisions.get(key)
    if (known !== undefined) return known
    const allowed = authorizer.authorize({
      principal: toAuthz(principal),
      action,
      resource,
    }).allowed
    if (decisions.size >= DECISIONS_KEPT) decisions.delete(decisions.keys().next().value ?? key)
    decisions.set(key, allowed)
    return allowed
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

function decisionKey(principal: Principal, action: Action, resource: AuthzResource): string {
  const grants = principal.assignments.map((a) => `${a.role}@${a.departmentId ?? ''}`).sort()
  const owner =
    resource.ownerId === undefined || resource.ownerId === null
      ? '-'
      : resource.ownerId === principal.id
        ? 'self'
        : 'other'
  return `${principal.kind}|${grants.join(',')}|${action}|${resource.departmentId ?? '-'}|${owner}`
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
