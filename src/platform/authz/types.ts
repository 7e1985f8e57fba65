import type { Action } from './actions.js'
import type { Role } from './roles.js'

/** One staff–role grant; departmentId is null for platform and self-service roles. */
export type Assignment = { role: Role; departmentId: string | null }

export type PrincipalKind = 'person' | 'staff' | 'admin'

export type AuthzPrincipal = {
  id: string
  kind: PrincipalKind
  assignments: readonly Assignment[]
}

/** The object acted on; departmentId null/absent means platform-wide. */
export type AuthzResource = {
  type: string
  id: string
  departmentId?: string | null
  ownerId?: string | null
}

export type AuthzRequest = {
  principal: AuthzPrincipal
  action: Action
  resource: AuthzResource
}

/** reasons: ids of the policies that permitted; errors: stable-coded diagnostics. */
export type AuthzDecision = { allowed: boolean; reasons: string[]; errors: string[] }

export type Authorizer = {
  authorize(request: AuthzRequest): AuthzDecision
}
