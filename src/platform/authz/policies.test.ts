import { checkParsePolicySet, checkParseSchema, validate } from '@cedar-policy/cedar-wasm/nodejs'
import { describe, expect, it } from 'vitest'
import { buildPolicySet, policyFor } from './policies.js'
import { ROLES } from './roles.js'
import { buildCedarSchema } from './schema.js'

describe('buildPolicySet', () => {
  it('has one permit per role keyed role.<name>', () => {
    expect(Object.keys(buildPolicySet())).toEqual(ROLES.map((role) => `role.${role}`))
  })

  it('parses as Cedar', () => {
    expect(checkParsePolicySet({ staticPolicies: buildPolicySet() })).toEqual({ type: 'success' })
  })

  it('validates strictly against the generated schema', () => {
    const answer = validate({
      schema: buildCedarSchema(),
      policies: { staticPolicies: buildPolicySet() },
      validationSettings: { mode: 'strict' },
    })
    expect(answer.type).toBe('success')
    if (answer.type !== 'success') return
    expect(answer.validationErrors).toEqual([])
    expect(answer.validationWarnings).toEqual([])
  })

  it('scopes a department role by the resource department', () => {
    expect(policyFor('catalog_editor')).toContain(
      'principal.roleDepts.catalog_editor.contains(resource.department)',
    )
  })

  it('scopes a self-service role by ownership', () => {
    expect(policyFor('citizen')).toContain('resource.owner == principal')
  })
})

describe('buildCedarSchema', () => {
  it('parses as a Cedar schema', () => {
    expect(checkParseSchema(buildCedarSchema())).toEqual({ type: 'success' })
  })
})
