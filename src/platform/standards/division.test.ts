import { describe, expect, it } from 'vitest'
import { findDivision, isKnownDivisionPrefix } from './division.js'

describe('findDivision', () => {
  it('finds a county with its full name and ancestry', () => {
    expect(findDivision('330106')).toEqual({
      code: '330106',
      name: '西湖区',
      fullName: '浙江省杭州市西湖区',
      level: 'county',
      provinceCode: '330000',
      cityCode: '330100',
    })
  })

  it('pads province and city codes to 6 digits', () => {
    expect(findDivision('330000')).toMatchObject({
      name: '浙江省',
      level: 'province',
      cityCode: null,
    })
    expect(findDivision('330100')).toMatchObject({ fullName: '浙江省杭州市', level: 'city' })
  })

  it('skips placeholder names such as 市辖区 in descendants', () => {
    expect(findDivision('110101')?.fullName).toBe('北京市东城区')
    expect(findDivision('110100')).toMatchObject({ name: '市辖区', level: 'city' })
    expect(findDivision('469001')?.fullName).toBe('海南省五指山市')
  })

  it('includes cities without counties but not their 9-digit townships', () => {
    expect(findDivision('441900')).toMatchObject({ name: '东莞市', level: 'city' })
    expect(findDivision('441900003')).toBeUndefined()
  })

  it('supplements Hong Kong, Macao and Taiwan', () => {
    expect(findDivision('810000')?.name).toBe('香港特别行政区')
    expect(findDivision('820000')?.name).toBe('澳门特别行政区')
    expect(findDivision('710000')?.name).toBe('台湾省')
    expect(findDivision('830000')?.level).toBe('province')
  })

  it('returns frozen records', () => {
    expect(Object.isFrozen(findDivision('330106'))).toBe(true)
  })
})

describe('isKnownDivisionPrefix', () => {
  it('accepts codes at every level', () => {
    expect(['110000', '110100', '110101', '330106'].map(isKnownDivisionPrefix)).toEqual([
      true,
      true,
      true,
      true,
    ])
  })

  it('rejects unknown, malformed and pre-2023 abolished codes', () => {
    expect(isKnownDivisionPrefix('999999')).toBe(false)
    expect(isKnownDivisionPrefix('33010')).toBe(false)
    expect(isKnownDivisionPrefix('33')).toBe(false)
    // 下城区 merged into 上城区/拱墅区 in 2021: a documented dataset limitation.
    expect(isKnownDivisionPrefix('330103')).toBe(false)
  })
})
