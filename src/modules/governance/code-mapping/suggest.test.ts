import { describe, expect, it } from 'vitest'
import { EDUCATION_CODES } from './education-codes.js'
import { ETHNICITY_CODES } from './ethnicity-codes.js'
import { MARITAL_STATUS_CODES } from './marital-status-codes.js'
import { SEX_CODES } from './sex-codes.js'
import { similarity, suggestCodes } from './suggest.js'

const first = (...args: Parameters<typeof suggestCodes>) => suggestCodes(...args)[0]

describe('suggestCodes', () => {
  it('suggests the code whose standard name matches exactly, with full confidence', () => {
    expect(first('男性', SEX_CODES)).toMatchObject({ code: '1', basis: 'name', confidence: 1 })
    expect(first('Female', SEX_CODES)).toMatchObject({ code: '2', basis: 'name' })
    expect(first('离婚', MARITAL_STATUS_CODES)).toMatchObject({ code: '40', basis: 'name' })
  })

  it('suggests through the synonyms the code set carries', () => {
    expect(first('男', SEX_CODES)).toMatchObject({ code: '1', basis: 'synonym', confidence: 0.95 })
    expect(first('有配偶', MARITAL_STATUS_CODES)).toMatchObject({ code: '20', basis: 'synonym' })
    expect(first('维族', ETHNICITY_CODES)).toMatchObject({ code: '05', basis: 'synonym' })
    expect(first('大专', EDUCATION_CODES)).toMatchObject({ code: '30', basis: 'synonym' })
  })

  it('suggests through synonyms the caller adds', () => {
    const synonyms = { 搭伙: '20' }
    expect(first('搭伙', MARITAL_STATUS_CODES, { synonyms })).toMatchObject({
      code: '20',
      basis: 'synonym',
    })
  })

  it('recognises a value that is already a standard code', () => {
    expect(first('20', MARITAL_STATUS_CODES)).toMatchObject({
      code: '20',
      basis: 'code',
      confidence: 0.9,
    })
  })

  it('catches a typo typed by sound through pinyin', () => {
    expect(first('已昏', MARITAL_STATUS_CODES)).toMatchObject({
      code: '20',
      basis: 'pinyin',
      confidence: 0.85,
    })
    expect(first('yihun', MARITAL_STATUS_CODES)).toMatchObject({ code: '20', basis: 'pinyin' })
  })

  it('matches names that contain the value or are contained in it', () => {
    const suggestion = first('已婚（有配偶）', MARITAL_STATUS_CODES)
    expect(suggestion).toMatchObject({ code: '20', basis: 'contains' })
    expect(suggestion!.confidence).toBeGreaterThan(0.5)
    expect(suggestion!.confidence).toBeLessThan(0.9)
  })

  it('orders suggestions by confidence and honours the limit', () => {
    const suggestions = suggestCodes('本科毕业', EDUCATION_CODES, { limit: 2 })
    expect(suggestions).toHaveLength(2)
    expect(suggestions.map((s) => s.code)).toEqual(['21', '20'])
    expect(suggestions[0]!.confidence).toBeGreaterThanOrEqual(suggestions[1]!.confidence)
  })

  it('suggests nothing for a blank or unrelated value', () => {
    expect(suggestCodes(' ', SEX_CODES)).toEqual([])
    expect(suggestCodes('增值税发票', MARITAL_STATUS_CODES)).toEqual([])
  })
})

describe('similarity', () => {
  it('is 1 for equal strings and falls with the edit distance', () => {
    expect(similarity('yihun', 'yihun')).toBe(1)
    expect(similarity('abcd', 'abcf')).toBe(0.75)
    expect(similarity('', '')).toBe(1)
  })
})
