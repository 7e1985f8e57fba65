import { describe, expect, it } from 'vitest'
import {
  computeCreditCodeCheckChar,
  CREDIT_CODE_REASON_MESSAGES,
  validateCreditCode,
} from './credit-code.js'

const make = (first17: string): string => first17 + computeCreditCodeCheckChar(first17)

describe('computeCreditCodeCheckChar', () => {
  it('matches a well-known valid code', () => {
    expect(computeCreditCodeCheckChar('91350100M000100Y4')).toBe('3')
  })

  it('maps a weighted sum divisible by 31 to 0', () => {
    expect(computeCreditCodeCheckChar('00000000000000000')).toBe('0')
    // 1 * weight 1 = 1, so 31 - 1 = 30 → 'Y' (alphabet index 30).
    expect(computeCreditCodeCheckChar('10000000000000000')).toBe('Y')
  })

  it('rejects bodies outside the alphabet or of the wrong length', () => {
    expect(() => computeCreditCodeCheckChar('91350100M000100I4')).toThrow(RangeError)
    expect(() => computeCreditCodeCheckChar('91350100M000100Y')).toThrow(RangeError)
  })
})

describe('validateCreditCode', () => {
  it('parses a valid enterprise code', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: {
        creditCode: '91350100M000100Y43',
        authority: { code: '9', name: '工商' },
        category: { code: '1', name: '企业' },
        divisionCode: '350100',
      },
    })
  })

  it('normalises lowercase and surrounding whitespace', () => {
    const result = validateCreditCode(' 91350100m000100y43 ')
    expect(result.ok && result.value.creditCode).toBe('91350100M000100Y43')
  })

  it('names civil-affairs categories and leaves unknown ones null', () => {
    const social = validateCreditCode(make('53330106MJ0000001'))
    expect(social.ok && social.value.authority).toEqual({ code: '5', name: '民政' })
    expect(social.ok && social.value.category).toEqual({ code: '3', name: '基金会' })
    const other = validateCreditCode(make('Y2330106MJ0000001'))
    expect(other.ok && other.value.category).toEqual({ code: '2', name: null })
  })

  it('accepts the national-level division code 100000', () => {
    expect(validateCreditCode(make('11100000000000001')).ok).toBe(true)
  })

  it('reports the length', () => {
    expect(validateCreditCode('91350100M000100Y4')).toEqual({ ok: false, reason: 'bad_length' })
  })

  it('reports the excluded letters I, O, Z, S and V', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(validateCreditCode(`91350100M000100${letter}43`)).toEqual({
        ok: false,
        reason: 'bad_characters',
      })
    }
    expect(validateCreditCode('91350100M000100-43')).toEqual({
      ok: false,
      reason: 'bad_characters',
    })
  })

  it('reports a wrong check character', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      reason: 'bad_check_digit',
    })
  })

  it('reports an unknown division', () => {
    expect(validateCreditCode(make('91999999MA0000001'))).toEqual({
      ok: false,
      reason: 'unknown_division',
    })
  })
})

describe('CREDIT_CODE_REASON_MESSAGES', () => {
  it('gives Chinese and English text for every reason', () => {
    for (const message of Object.values(CREDIT_CODE_REASON_MESSAGES)) {
      expect(message.zh).toMatch(/统一社会信用代码/)
      expect(message.en.length).toBeGreaterThan(0)
    }
  })
})
