import { describe, expect, it } from 'vitest'
import {
  computeCreditCodeCheckChar,
  computeIdCheckChar,
} from '../../../platform/standards/index.js'
import {
  checkAddressInDivision,
  checkAmount,
  checkCreditCode,
  checkDate,
  checkDivisionCode,
  checkIdNumber,
  checkIndustryCode,
  checkLandline,
  checkMobile,
  checkPhone,
  normaliseDate,
} from './index.js'
import type { ValueCheck } from './index.js'

const context = { today: '2024-06-30' }
const withCheck = (first17: string): string => first17 + computeIdCheckChar(first17)
const VALID_ID = withCheck('33010619900307123')
const VALID_CREDIT = ((first17: string) => first17 + computeCreditCodeCheckChar(first17))(
  '91330106MA2AB1C2D',
)

const reasonOf = (check: ValueCheck): string | null => (check.ok ? null : check.reason)

describe('identity validators', () => {
  it('accepts a GB 11643 ID number and names each way one fails', () => {
    expect(checkIdNumber(VALID_ID, context)).toEqual({ ok: true })
    const badCheck = VALID_ID.slice(0, 17) + (VALID_ID.endsWith('0') ? '1' : '0')
    expect(reasonOf(checkIdNumber(badCheck, context))).toBe('gb11643.bad_check_digit')
    expect(reasonOf(checkIdNumber('3301061990', context))).toBe('gb11643.bad_length')
    const future = withCheck('33010620250101123')
    expect(reasonOf(checkIdNumber(future, context))).toBe('gb11643.birth_date_in_future')
    expect(reasonOf(checkIdNumber(withCheck('99999919900307123'), context))).toBe(
      'gb11643.unknown_division',
    )
  })

  it('gives each failure a message in both languages', () => {
    const result = checkIdNumber('abc', context)
    expect(result).toMatchObject({ ok: false, message: { zh: expect.any(String) } })
    if (!result.ok) expect(result.message.en).toMatch(/18 characters/)
  })

  it('accepts a GB 32100 credit code and refuses a bad check character', () => {
    expect(checkCreditCode(VALID_CREDIT)).toEqual({ ok: true })
    const bad = VALID_CREDIT.slice(0, 17) + (VALID_CREDIT.endsWith('0') ? '1' : '0')
    expect(reasonOf(checkCreditCode(bad))).toBe('gb32100.bad_check_digit')
    expect(reasonOf(checkCreditCode('91330106MA2AB1C2DI'))).toBe('gb32100.bad_characters')
  })
})

describe('phone validators', () => {
  it.each([
    ['13812345678', null],
    ['+86 138 1234 5678', null],
    ['12812345678', 'mobile.bad_prefix'],
    ['1381234567', 'mobile.bad_length'],
  ])('checks mobile %s', (value, reason) => {
    expect(reasonOf(checkMobile(value))).toBe(reason)
  })

  it.each([
    ['0571-88881234', null],
    ['010 6512 3456', null],
    ['571-88881234', 'landline.bad_area_code'],
    ['0571-0888123', 'landline.bad_local_number'],
  ])('checks landline %s', (value, reason) => {
    expect(reasonOf(checkLandline(value))).toBe(reason)
  })

  it('takes a mobile or a landline as a phone', () => {
    expect(checkPhone('13812345678').ok).toBe(true)
    expect(checkPhone('0571-88881234').ok).toBe(true)
    expect(reasonOf(checkPhone('2381234567'))).toMatch(/^phone\./)
  })
})

describe('date and amount validators', () => {
  it.each([
    ['1990-03-07', null],
    ['19900307', null],
    ['2024-02-29', null],
    ['2023-02-29', 'date.not_a_date'],
    ['1990/03/07', 'date.bad_format'],
    ['1990-0307', 'date.bad_format'],
    ['2024-07-01', 'date.in_future'],
    ['2024-06-30', null],
  ])('checks date %s', (value, reason) => {
    expect(reasonOf(checkDate(value, context))).toBe(reason)
  })

  it('normalises both date forms to YYYY-MM-DD', () => {
    expect(normaliseDate('19900307')).toBe('1990-03-07')
    expect(normaliseDate('1990-03-07')).toBe('1990-03-07')
    expect(normaliseDate('1990-13-07')).toBeUndefined()
  })

  it.each([
    ['0', null],
    ['100', null],
    ['100.5', null],
    ['100.50', null],
    ['-0', null],
    ['100.505', 'amount.too_many_decimals'],
    ['-5', 'amount.negative'],
    ['1,000', 'amount.bad_format'],
    ['1e5', 'amount.bad_format'],
    ['100万', 'amount.bad_format'],
    ['.5', 'amount.bad_format'],
  ])('checks amount %s', (value, reason) => {
    expect(reasonOf(checkAmount(value))).toBe(reason)
  })
})

describe('division validators', () => {
  it('accepts known GB/T 2260 codes at every level', () => {
    for (const code of ['330000', '330100', '330106']) expect(checkDivisionCode(code).ok).toBe(true)
    expect(reasonOf(checkDivisionCode('33010'))).toBe('division.bad_format')
    expect(reasonOf(checkDivisionCode('999999'))).toBe('division.unknown')
  })

  it.each([
    ['浙江省杭州市西湖区文三路 90 号', '330106', null],
    ['杭州市西湖区文三路 90 号', '330106', null],
    ['西湖区文三路 90 号', '330106', null],
    ['浙江杭州文三路 90 号', '330106', null],
    ['北京市东城区东华门大街 1 号', '110101', null],
    ['上海市徐汇区漕溪北路 1 号', '330106', 'address.division_mismatch'],
    ['广西南宁青秀区民族大道 1 号', '450103', null],
    ['文三路 90 号', '330106', 'address.division_mismatch'],
    ['浙江省杭州市', '999999', 'division.unknown'],
  ])('checks that %s lies in %s', (address, code, reason) => {
    expect(reasonOf(checkAddressInDivision(address, code))).toBe(reason)
  })

  it('does not take the placeholder 市辖区 as a name to look for', () => {
    expect(reasonOf(checkAddressInDivision('市辖区某路 1 号', '110101'))).toBe(
      'address.division_mismatch',
    )
  })
})

describe('industry codes', () => {
  it.each([
    ['C', null],
    ['C35', null],
    ['C3511', null],
    ['c3511', null],
    ['A0111', null],
    ['T97', null],
    ['A35', 'gb4754.section_mismatch'],
    ['3511', 'gb4754.bad_format'],
    ['Z35', 'gb4754.bad_format'],
    ['C35111', 'gb4754.bad_format'],
  ])('checks %s', (value, reason) => {
    expect(reasonOf(checkIndustryCode(value))).toBe(reason)
  })
})
