import { describe, expect, it } from 'vitest'
import { createAuthorizer } from './authorizer.js'
import { buildPolicySet } from './policies.js'
import { citizen, inDept, request, staff } from './test-fixtures.js'
import type { Assignment } from './types.js'

const { authorize } = createAuthorizer()

describe('createAuthorizer', () => {
  it('rejects an unknown action at the type level and at runtime', () => {
    // @ts-expect-error 'catalog.item.delete' is not an Action
    const typed = request(citizen('p1'), 'catalog.item.delete', inDept('A'))
    expect(authorize(typed)).toEqual({
      allowed: false,
      reasons: [],
      errors: ['AUTHZ_ACTION_UNKNOWN: catalog.item.delete'],
    })
  })

  it('rejects an unknown principal kind at runtime', () => {
    const principal = { ...citizen('p1'), kind: 'robot' as 'person' }
    const decision = authorize(request(principal, 'identity.self.read', inDept(null)))
    expect(decision.errors).toEqual(['AUTHZ_PRINCIPAL_KIND_UNKNOWN: robot'])
  })

  it('drops malformed grants with coded errors and keeps the valid ones', () => {
    const grants = [
      { role: 'catalog_editor', departmentId: null },
      { role: 'auditor', departmentId: 'A' },
      { role: 'superuser', departmentId: 'A' } as unknown as Assignment,
      { role: 'catalog_editor', departmentId: 'A' },
    ] satisfies Assignment[]
    const decision = authorize(request(staff('s1', ...grants), 'catalog.item.create', inDept('A')))
    expect(decision).toEqual({
      allowed: true,
      reasons: ['role.catalog_editor'],
      errors: [
        'AUTHZ_ASSIGNMENT_DEPARTMENT_MISSING: catalog_editor',
        'AUTHZ_ASSIGNMENT_DEPARTMENT_UNEXPECTED: auditor',
        'AUTHZ_ROLE_UNKNOWN: superuser',
      ],
    })
  })

  it('denies a principal without grants', () => {
    expect(authorize(request(staff('s1'), 'catalog.item.read', inDept('A')))).toEqual({
      allowed: false,
      reasons: [],
      errors: [],
    })
  })

  it('throws at creation for an unparsable policy set', () => {
    expect(() => createAuthorizer({ policies: { broken: 'permit (' } })).toThrow(
      /AUTHZ_POLICY_INVALID/,
    )
  })

  it('accepts a custom policy set', () => {
    const onlyCitizen = { 'role.citizen': buildPolicySet()['role.citizen'] ?? '' }
    const custom = createAuthorizer({ policies: onlyCitizen })
    const editor = staff('s1', { role: 'catalog_editor', departmentId: 'A' })
    expect(custom.authorize(request(editor, 'catalog.item.read', inDept('A'))).allowed).toBe(false)
  })
})
