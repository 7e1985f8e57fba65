import type { Actor } from '../../platform/auth/principal.js'
import type { Action } from '../../platform/authz/index.js'
import type { PolicyDeps } from './policy.deps.js'

/**
 * The resource an enterprise's own data is: its agents own it (self scope); a data officer acts
 * on it from the department where they hold the role (department scope).
 */
export async function requireEnterpriseAccess(
  deps: Pick<PolicyDeps, 'guard' | 'parties'>,
  actor: Actor,
  action: Action,
  enterprise: { id: string | null; creditCode: string },
) {
  const principal = actor.principal
  const isAgent =
    principal !== null &&
    enterprise.id !== null &&
    (await deps.parties.isAgent(enterprise.id, principal.id))
  const officerDepartment = principal?.assignments.find((a) =>
    deps.guard.mayPerform({ ...principal, assignments: [a] }, action),
  )?.departmentId
  return deps.guard.require(actor, action, {
    type: 'enterprise',
    id: enterprise.creditCode,
    ownerId: isAgent ? principal.id : null,
    departmentId: officerDepartment ?? null,
  })
}
