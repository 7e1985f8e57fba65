import { describe, expect, it } from 'vitest'
import { ACTIONS, isAction } from './actions.js'
import { ROLE_DEFINITIONS, ROLES, isRole, rolesOfScope } from './roles.js'
import type { Role } from './roles.js'

const actionsOf = (role: Role): readonly string[] => ROLE_DEFINITIONS[role].actions
const holders = (prefix: string): Role[] =>
  ROLES.filter((role) => actionsOf(role).some((action) => action.startsWith(prefix)))

describe('ROLE_DEFINITIONS', () => {
  it('grants only known actions', () => {
    for (const role of ROLES) expect(actionsOf(role).every(isAction)).toBe(true)
  })

  it('leaves no action unreachable', () => {
    const granted = new Set(ROLES.flatMap(actionsOf))
    expect(ACTIONS.filter((action) => !granted.has(action))).toEqual([])
  })

  it('gives audit actions to the auditor alone, and the auditor nothing else', () => {
    expect(holders('audit.')).toEqual(['auditor'])
    expect(actionsOf('auditor').every((action) => action.startsWith('audit.'))).toBe(true)
  })

  it('gives role assignment to the security admin alone', () => {
    expect(holders('identity.role.assign')).toEqual(['security_admin'])
  })

  it('keeps business data out of reach of every platform role', () => {
    const business = ['catalog.', 'application.', 'enterprise.']
    for (const role of rolesOfScope('platform')) {
      const touched = actionsOf(role).filter((a) => business.some((p) => a.startsWith(p)))
      expect(touched, role).toEqual([])
    }
  })

  it('splits roles into the three scopes', () => {
    expect(rolesOfScope('self')).toEqual(['citizen', 'enterprise_agent'])
    expect(rolesOfScope('platform')).toEqual(['system_admin', 'security_admin', 'auditor'])
    expect(rolesOfScope('department')).toHaveLength(8)
  })

  it('recognises role names at runtime', () => {
    expect(isRole('auditor')).toBe(true)
    expect(isRole('toString')).toBe(false)
  })
})
