import { describe, expect, it } from 'vitest'
import { POPULATION_STANDARD, UnknownStandardError } from '../standards/index.js'
import { checkRules, createQualityRun, QualityRuleError, standardRules } from './index.js'
import type { QualityRuleSpec } from './index.js'

const runAt = new Date('2024-06-30T02:00:00Z')

function issuesOf(action: () => unknown): QualityRuleError {
  try {
    action()
  } catch (error) {
    if (error instanceof QualityRuleError) return error
    throw error
  }
  throw new Error('expected a QualityRuleError')
}

describe('compiling a rule set', () => {
  it('derives completeness, validity, consistency and uniqueness rules from a standard', () => {
    const ids = standardRules(POPULATION_STANDARD).map((rule) => rule.id)
    expect(ids).toEqual(
      expect.arrayContaining([
        'name.required',
        'id_number.valid',
        'phone.valid',
        'id_birth_date_match',
        'id_sex_match',
        'address_division_match',
        'id_number.unique',
      ]),
    )
    expect(ids).not.toContain('phone.required')
    expect(checkRules(POPULATION_STANDARD, standardRules(POPULATION_STANDARD))).toEqual([])
  })

  it('refuses a FEEL syntax error, naming the rule and the position', () => {
    const rules: QualityRuleSpec[] = [
      {
        kind: 'feel',
        id: 'adult',
        dimension: 'validity',
        expression: 'birth_date <= "2006-06-30" and',
      },
    ]
    const error = issuesOf(() => createQualityRun('population', rules, { runAt }))
    expect(error.issues).toHaveLength(1)
    expect(error.issues[0]).toMatchObject({
      code: 'rule.feel_syntax',
      rule: 'adult',
      position: { line: 1, column: 31 },
    })
    expect(error.en).toMatch(/^Rule "adult": FEEL syntax error at line 1, column 31: /)
    expect(error.zh).toContain('规则“adult”')
    expect(error.issues[0]?.snippet).toContain('^')
  })

  it('names the rule and the field for an unknown element, a duplicate id and a bad limit', () => {
    const rules: QualityRuleSpec[] = [
      { kind: 'required', id: 'r1', element: 'nickname' },
      { kind: 'valid', id: 'r1', element: 'name' },
      { kind: 'unique', id: 'u', fields: [], exactLimit: -1 },
      { kind: 'timely', id: 't', element: 'name', maxAgeDays: 30 },
    ]
    const codes = checkRules(POPULATION_STANDARD, rules).map((i) => [i.code, i.rule, i.field])
    expect(codes).toEqual([
      ['rule.unknown_element', 'r1', 'nickname'],
      ['rule.duplicate_id', 'r1', null],
      ['rule.no_fields', 'u', null],
      ['rule.bad_limit', 'u', null],
      ['rule.not_a_date', 't', 'name'],
    ])
  })

  it('refuses a code mapping to a code that does not exist, naming the field', () => {
    const codeMappings = {
      marital_status: {
        source: 'civil-2009',
        codeSetId: 'marital-status',
        entries: { 已婚: '20', 离异: '41' },
      },
    }
    const error = issuesOf(() => createQualityRun('population', [], { runAt, codeMappings }))
    expect(error.issues[0]).toMatchObject({ code: 'mapping.unknown-code', field: 'marital_status' })
    expect(error.en).toContain('Code mapping of element "marital_status"')
    expect(error.en).toContain('41')
  })

  it('refuses an unknown standard, listing the known ones', () => {
    expect(() => createQualityRun('people', [], { runAt })).toThrow(UnknownStandardError)
    expect(() => createQualityRun('people', [], { runAt })).toThrow(
      /known: population, legal_person/,
    )
  })

  it('refuses a column map naming an unknown element', () => {
    const error = issuesOf(() =>
      createQualityRun('population', [], { runAt, columns: { surname: '姓' } }),
    )
    expect(error.issues[0]).toMatchObject({ code: 'columns.unknown_element', field: 'surname' })
  })
})
