import { describe, expect, it } from 'vitest'
import {
  computeIdCheckChar,
  ID_NUMBER_REASON_MESSAGES,
  maskIdNumber,
  validateIdNumber,
} from './id-number.js'

const today = new Date('2024-06-01T04:00:00Z')

/** Builds a valid ID number from its parts, as demo-data generators would. */
const makeId = (division: string, birth: string, sequence: string): string => {
  const first17 = `${division}${birth}${sequence}`
  return first17 + computeIdCheckChar(first17)
}

describe('computeIdCheckChar', () => {
  it('matches the GB 11643-1999 examples', () => {
    expect(computeIdCheckChar('11010519491231002')).toBe('X')
    expect(computeIdCheckChar('44052418800101001')).toBe('4')
  })

  it('maps the weighted sum mod 11 through 1 0 X 9 8 7 6 5 4 3 2', () => {
    expect(computeIdCheckChar('00000000000000000')).toBe('1') // sum 0
    expect(computeIdCheckChar('00000000000000001')).toBe('X') // sum 2 (last weight)
    expect(computeIdCheckChar('10000000000000000')).toBe('5') // sum 7 (first weight)
    expect(computeIdCheckChar('00000000000000002')).toBe('8') // sum 4
  })

  it('rejects bodies that are not 17 digits', () => {
    expect(() => computeIdCheckChar('1101011990010100')).toThrow(RangeError)
    expect(() => computeIdCheckChar('1101011990010100X')).toThrow(RangeError)
  })
})

describe('validateIdNumber', () => {
  it('parses a valid number', () => {
    const id = makeId('330106', '19900307', '123')
    expect(validateIdNumber(id, { today })).toEqual({
      ok: true,
      value: { idNumber: id, divisionCode: '330106', birthDate: '1990-03-07', sex: 'male' },
    })
  })

  it('reads sex from the 17th digit', () => {
    const female = validateIdNumber(makeId('110101', '20000229', '024'), { today })
    expect(female.ok && female.value.sex).toBe('female')
  })

  it('accepts lowercase x and full-width input, normalising them', () => {
    expect(validateIdNumber(' 11010519491231002x ', { today })).toMatchObject({
      ok: true,
      value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' },
    })
    expect(validateIdNumber('１１０１０５１９４９１２３１００２Ｘ', { today }).ok).toBe(true)
  })

  it('accepts province- and city-level division codes', () => {
    expect(validateIdNumber(makeId('330000', '19800101', '001'), { today }).ok).toBe(true)
    expect(validateIdNumber(makeId('330100', '19800101', '001'), { today }).ok).toBe(true)
  })

  it('reports the length', () => {
    expect(validateIdNumber('11010519491231002', { today })).toEqual({
      ok: false,
      reason: 'bad_length',
    })
    expect(validateIdNumber('', { today })).toEqual({ ok: false, reason: 'bad_length' })
  })

  it('reports bad characters, including X before the last position', () => {
    expect(validateIdNumber('1101051949123100X2', { today })).toEqual({
      ok: false,
      reason: 'bad_characters',
    })
    expect(validateIdNumber('11010519491231002Y', { today })).toEqual({
      ok: false,
      reason: 'bad_characters',
    })
  })

  it('reports a wrong check character', () => {
    expect(validateIdNumber('110105194912310021', { today })).toEqual({
      ok: false,
      reason: 'bad_check_digit',
    })
  })

  it('reports impossible birth dates', () => {
    expect(validateIdNumber(makeId('110101', '19900230', '001'), { today })).toEqual({
      ok: false,
      reason: 'invalid_birth_date',
    })
    expect(validateIdNumber(makeId('110101', '19901301', '001'), { today })).toEqual({
      ok: false,
      reason: 'invalid_birth_date',
    })
  })

  it('reports birth dates after today in China time', () => {
    expect(validateIdNumber(makeId('110101', '20240602', '001'), { today })).toEqual({
      ok: false,
      reason: 'birth_date_in_future',
    })
    expect(validateIdNumber(makeId('110101', '20240601', '001'), { today }).ok).toBe(true)
  })

  it('reports birth dates before 1900', () => {
    expect(validateIdNumber('440524188001010014', { today })).toEqual({
      ok: false,
      reason: 'birth_date_too_early',
    })
  })

  it('reports unknown division codes', () => {
    expect(validateIdNumber(makeId('999999', '19900101', '001'), { today })).toEqual({
      ok: false,
      reason: 'unknown_division',
    })
  })

  it('defaults today to the current time', () => {
    const nextYear = new Date().getUTCFullYear() + 1
    expect(validateIdNumber(makeId('110101', `${nextYear}0101`, '001')).ok).toBe(false)
  })
})

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X')
  })

  it('stars malformed input entirely', () => {
    expect(maskIdNumber('1101051949')).toBe('**********')
  })
})

describe('ID_NUMBER_REASON_MESSAGES', () => {
  it('gives Chinese and English text for every reason', () => {
    for (const message of Object.values(ID_NUMBER_REASON_MESSAGES)) {
      expect(message.zh).toMatch(/身份证/)
      expect(message.en.length).toBeGreaterThan(0)
    }
  })
})
