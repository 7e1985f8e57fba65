import { systemActor, type Actor, type RoleAssignment } from '../platform/auth/principal.js'

/**
 * The operator at the command line as an actor: whoever runs `tongban` already holds the
 * database, so a CLI command acts as a `cli` staff principal holding just the roles it needs.
 */
export function cliActor(assignments: RoleAssignment[]): Actor {
  return {
    ...systemActor('cli'),
    principal: { id: 'cli', kind: 'staff', sessionId: 'cli', channel: 'counter', assignments },
  }
}
