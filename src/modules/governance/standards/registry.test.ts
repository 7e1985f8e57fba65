import { describe, expect, it } from 'vitest'
import {
  checkStandard,
  createStandardRegistry,
  defineStandard,
  findStandard,
  listStandards,
  POPULATION_STANDARD,
  StandardDefinitionError,
  UnknownStandardError,
  validateElementValue,
} from './index.js'
import type { DataStandard } from './index.js'

const context = { today: '2024-06-30' }

describe('standards registry', () => {
  it('ships the population and legal-person standards, each well defined', () => {
    expect(listStandards().map((s) => s.code)).toEqual(['population', 'legal_person'])
    for (const standard of listStandards()) expect(checkStandard(standard)).toEqual([])
    expect(findStandard('population').name.zh).toBe('人口基础信息')
    expect(findStandard('legal_person').elements.map((e) => e.key)).toContain('credit_code')
  })

  it('refuses an unknown standard with a message listing the known codes', () => {
    expect(() => findStandard('populaton')).toThrow(UnknownStandardError)
    try {
      findStandard('populaton')
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownStandardError)
      if (error instanceof UnknownStandardError) {
        expect(error.en).toBe('Unknown data standard "populaton" (known: population, legal_person)')
        expect(error.zh).toContain('populaton')
      }
    }
  })

  it('names the element with an unknown code set or format', () => {
    const broken: DataStandard = {
      ...POPULATION_STANDARD,
      code: 'broken',
      elements: [
        {
          key: 'sex',
          name: { zh: '性别', en: 'Sex' },
          type: 'code',
          required: true,
          codeSet: 'gender',
        },
        {
          key: 'phone',
          name: { zh: '电话', en: 'Phone' },
          type: 'string',
          required: false,
          format: 'fax' as never,
        },
      ],
    }
    const issues = checkStandard(broken)
    expect(issues.map((i) => [i.code, i.element])).toEqual(
      expect.arrayContaining([
        ['element.unknown_code_set', 'sex'],
        ['element.unknown_format', 'phone'],
        ['id_birth_date_match.unknown_field', 'id_number'],
        ['unique_key.unknown_field', 'id_number'],
      ]),
    )
    expect(() => defineStandard(broken)).toThrow(/Element "sex": unknown code set "gender"/)
  })

  it('refuses two standards with one code', () => {
    expect(() => createStandardRegistry([POPULATION_STANDARD, POPULATION_STANDARD])).toThrow(
      StandardDefinitionError,
    )
  })
})

describe('element values', () => {
  const element = (key: string) => POPULATION_STANDARD.elements.find((e) => e.key === key)!

  it('checks a code against its national code set', () => {
    expect(validateElementValue(element('ethnicity'), '01', context).ok).toBe(true)
    expect(validateElementValue(element('ethnicity'), '99', context)).toMatchObject({
      ok: false,
      reason: 'code.unknown',
      message: { en: 'Code "99" is not in GB 3304-1991 Ethnic groups (nationalities)' },
    })
  })

  it('checks the length in characters and passes empty values to completeness', () => {
    expect(validateElementValue(element('name'), '张'.repeat(50), context).ok).toBe(true)
    expect(validateElementValue(element('name'), '张'.repeat(51), context)).toMatchObject({
      reason: 'string.too_long',
    })
    expect(validateElementValue(element('name'), null, context).ok).toBe(true)
  })

  it('checks a division element against GB/T 2260', () => {
    expect(validateElementValue(element('household_division'), '330106', context).ok).toBe(true)
    expect(validateElementValue(element('household_division'), '330199', context)).toMatchObject({
      reason: 'division.unknown',
    })
  })
})
