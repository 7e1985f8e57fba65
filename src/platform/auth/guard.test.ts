import { describe, expect, it } from 'vitest'
import { ACTIONS, ROLE_DEFINITIONS, ROLES, createAuthorizer } from '../authz/index.js'
import { createGuard } from './guard.js'
import type { Actor, Principal } from './principal.js'

const DEPARTMENTS = ['d1', 'd2', 'd3']

function randomPrincipal(seed: number): Principal {
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T
  const assignments = Array.from({ length: seed % 3 }, (_, i) => {
    const role = pick(ROLES, seed * 7 + i * 13)
    return {
      role,
      departmentId:
        ROLE_DEFINITIONS[role].scope === 'department' ? pick(DEPARTMENTS, seed + i) : null,
    }
  })
  return {
    id: `p${seed % 5}`,
    kind: seed % 2 === 0 ? 'person' : 'staff',
    sessionId: 's',
    channel: 'web',
    assignments,
  }
}

describe('the guard’s remembered decisions', () => {
  it('answer exactly as the policy engine does, for every kind of request', () => {
    const authorizer = createAuthorizer()
    const guard = createGuard(authorizer)
    let allowed = 0
    for (let seed = 0; seed < 3000; seed++) {
      const principal = randomPrincipal(seed)
      const actor: Actor = { principal, requestId: 'r', channel: 'web' }
      const action = ACTIONS[(seed * 31) % ACTIONS.length] ?? 'application.read'
      const ownerId = [null, undefined, principal.id, 'someone-else'][seed % 4]
      const resource = {
        type: 'application',
        id: `r${seed}`,
        departmentId: DEPARTMENTS[seed % 4] ?? null,
        ownerId,
      }
      // A guard with nothing remembered asks the policy engine itself.
      const fresh = { allowed: createGuard(authorizer).allows(actor, action, resource) }
      // Asked twice: the second answer comes from memory.
      expect(guard.allows(actor, action, resource)).toBe(fresh.allowed)
      expect(guard.allows(actor, action, resource)).toBe(fresh.allowed)
      if (fresh.allowed) allowed++
    }
    // Both answers occur often enough to matter, however many actions and roles there are.
    expect(allowed).toBeGreaterThan(30)
    expect(allowed).toBeLessThan(3000 - 30)
  })
})
