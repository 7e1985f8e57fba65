import { describe, expect, it } from 'vitest'
import type { CodeSet } from './code-set.types.js'
import { findCode, findCodeSet, NATIONAL_CODE_SETS } from './code-sets.js'
import { EDUCATION_CODES } from './education-codes.js'
import { ETHNICITY_CODES } from './ethnicity-codes.js'
import { MARITAL_STATUS_CODES } from './marital-status-codes.js'
import { SEX_CODES } from './sex-codes.js'

const codes = (set: CodeSet) => set.entries.map((e) => e.code)

describe('national code sets', () => {
  it('lists the 56 nationalities of GB 3304 as 01–56, each named once', () => {
    const nationalities = ETHNICITY_CODES.entries.filter((e) => Number(e.code) <= 56)
    expect(nationalities).toHaveLength(56)
    expect(nationalities.map((e) => e.code)).toEqual(
      Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')),
    )
    expect(new Set(nationalities.map((e) => e.name.zh)).size).toBe(56)
    expect(nationalities.every((e) => e.name.zh.endsWith('族'))).toBe(true)
    expect(findCode(ETHNICITY_CODES, '01')?.name.zh).toBe('汉族')
    expect(findCode(ETHNICITY_CODES, '56')?.name.zh).toBe('基诺族')
    expect(codes(ETHNICITY_CODES).slice(-2)).toEqual(['97', '98'])
  })

  it('carries GB/T 2261.1 sex and GB/T 2261.2 marital status codes', () => {
    expect(SEX_CODES.entries.map((e) => [e.code, e.name.zh])).toEqual([
      ['0', '未知的性别'],
      ['1', '男性'],
      ['2', '女性'],
      ['9', '未说明的性别'],
    ])
    expect(codes(MARITAL_STATUS_CODES)).toEqual(['10', '20', '21', '22', '23', '30', '40', '90'])
  })

  it('carries the GB/T 4658 levels, each detailed code under an existing level', () => {
    const levels = EDUCATION_CODES.entries.filter((e) => e.parent === undefined)
    expect(levels.map((e) => `${e.code} ${e.name.zh}`)).toEqual([
      '10 研究生教育',
      '20 大学本科教育',
      '30 大学专科教育',
      '40 中等职业教育',
      '60 普通高级中学教育',
      '70 初级中学教育',
      '80 小学教育',
      '90 其他',
    ])
    for (const entry of EDUCATION_CODES.entries) {
      if (entry.parent) expect(entry.code[0]).toBe(entry.parent[0])
    }
    expect(findCode(EDUCATION_CODES, '11')?.name.zh).toBe('博士研究生毕业')
    expect(findCode(EDUCATION_CODES, '49')?.name.zh).toBe('技工学校肄业')
  })

  it('has unique codes and both languages in every set', () => {
    for (const set of Object.values(NATIONAL_CODE_SETS)) {
      expect(new Set(codes(set)).size).toBe(set.entries.length)
      expect(set.entries.every((e) => e.name.zh !== '' && e.name.en !== '')).toBe(true)
    }
  })

  it('finds code sets by id and not by inherited names', () => {
    expect(findCodeSet('ethnicity')).toBe(ETHNICITY_CODES)
    expect(findCodeSet('toString')).toBeUndefined()
  })
})
