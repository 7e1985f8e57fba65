import { describe, expect, it } from 'vitest'
import { MARITAL_STATUS_CODES } from './marital-status-codes.js'
import {
  createCodeMapper,
  InvalidCodeMappingError,
  validateMapping,
  type CodeMapping,
} from './mapping.js'
import { SEX_CODES } from './sex-codes.js'

const civilAffairs: CodeMapping = {
  source: 'civil-affairs-2009',
  codeSetId: 'marital-status',
  entries: { 已婚: '20', '1': '20', 有配偶: '20', 未婚: '10', 离异: '40' },
}

describe('createCodeMapper', () => {
  const mapper = createCodeMapper(civilAffairs, MARITAL_STATUS_CODES)

  it('maps each local value to its standard code and name', () => {
    for (const value of ['已婚', '1', '有配偶']) {
      expect(mapper.map(value)).toEqual({
        status: 'mapped',
        value,
        code: '20',
        name: { zh: '已婚', en: 'Married' },
      })
    }
  })

  it('matches after folding full-width characters and spaces', () => {
    expect(mapper.map(' １ ')).toMatchObject({ status: 'mapped', code: '20' })
    expect(mapper.map('离异 ')).toMatchObject({ status: 'mapped', code: '40' })
  })

  it('returns an unmapped result for a value the mapping does not know', () => {
    expect(mapper.map('同居')).toEqual({ status: 'unmapped', value: '同居' })
  })

  it('treats null and blank values as empty', () => {
    expect(mapper.map(null)).toEqual({ status: 'empty' })
    expect(mapper.map('  ')).toEqual({ status: 'empty' })
  })

  it('refuses a mapping that does not validate', () => {
    const bad = { ...civilAffairs, entries: { 已婚: '25' } }
    expect(() => createCodeMapper(bad, MARITAL_STATUS_CODES)).toThrow(InvalidCodeMappingError)
  })
})

describe('validateMapping', () => {
  it('accepts a mapping whose every target exists', () => {
    expect(validateMapping(civilAffairs, MARITAL_STATUS_CODES)).toEqual({ ok: true })
  })

  it('names the local value and the code that is not in the code set', () => {
    const result = validateMapping(
      { ...civilAffairs, entries: { 已婚: '20', 同居: '50' } },
      MARITAL_STATUS_CODES,
    )
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          kind: 'unknown-code',
          localValue: '同居',
          code: '50',
          message: {
            zh: '本地值「同居」映射到的代码 50 不在 GB/T 2261.2-2003 中',
            en: 'Local value "同居" maps to code 50, which is not in GB/T 2261.2-2003',
          },
        },
      ],
    })
  })

  it('reports local values that read the same but map to different codes', () => {
    const result = validateMapping(
      { source: 's', codeSetId: 'sex', entries: { M: '1', ' m': '2' } },
      SEX_CODES,
    )
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.issues.map((i) => [i.kind, i.localValue])).toEqual([
        ['conflicting-local-value', ' m'],
      ])
  })

  it('reports a mapping checked against another code set', () => {
    const result = validateMapping(civilAffairs, SEX_CODES)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.kind)).toContain('wrong-code-set')
  })
})
