import type { Actor } from '../../src/platform/auth/principal.js'

/** A staff member holding `roles` in one department, built by hand as the kernel bench does. */
export function staffActor(id: string, departmentId: string, roles: string[]): Actor {
  return {
    principal: {
      id,
      kind: 'staff',
      sessionId: 'bench',
      channel: 'web',
      assignments: roles.map((role) => ({ role, departmentId })),
    },
    requestId: 'bench',
    channel: 'web',
  }
}

/** A signed-in citizen (role `citizen`, no department). */
export function personActor(id: string): Actor {
  return {
    principal: {
      id,
      kind: 'person',
      sessionId: 'bench',
      channel: 'app',
      assignments: [{ role: 'citizen', departmentId: null }],
    },
    requestId: 'bench',
    channel: 'app',
  }
}
