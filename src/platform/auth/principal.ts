export type Channel = 'web' | 'app' | 'miniprogram' | 'counter'
export const CHANNELS: readonly Channel[] = ['web', 'app', 'miniprogram', 'counter']

export type PrincipalKind = 'person' | 'staff'

export interface RoleAssignment {
  role: string
  /** null for platform-wide roles (system admin, security admin, auditor) and citizens. */
  departmentId: string | null
}

/** Who is calling: resolved from a verified access token and a live session. */
export interface Principal {
  id: string
  kind: PrincipalKind
  sessionId: string
  channel: Channel
  assignments: RoleAssignment[]
}

/** The caller as services see it; `null` principal for public routes and system jobs. */
export interface Actor {
  principal: Principal | null
  requestId: string
  channel: Channel | 'system'
}

export function systemActor(requestId = 'system'): Actor {
  return { principal: null, requestId, channel: 'system' }
}
