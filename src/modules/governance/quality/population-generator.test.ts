import { describe, expect, it } from 'vitest'
import { validateIdNumber } from '../../../platform/standards/index.js'
import { POPULATION_STANDARD, checkAddressInDivision } from '../standards/index.js'
import { generatePopulationRows, PLANTED_ERROR_KINDS, toCsvLine } from './index.js'

const today = new Date('2024-06-30T02:00:00Z')

describe('population generator', () => {
  it('gives the same rows for the same seed and others for another', () => {
    const take = (seed: number) => [...generatePopulationRows({ count: 50, seed, errorRate: 0.2 })]
    expect(take(1)).toEqual(take(1))
    expect(take(1)).not.toEqual(take(2))
  })

  it('makes clean rows whose ID number, birth date, sex and address agree', () => {
    const ids = new Set<string>()
    for (const { row, planted } of generatePopulationRows({
      count: 2_000,
      seed: 3,
      errorRate: 0,
    })) {
      expect(planted).toEqual([])
      const id = validateIdNumber(row.id_number ?? '', { today })
      expect(id.ok).toBe(true)
      if (!id.ok) continue
      expect(row.birth_date).toBe(id.value.birthDate)
      expect(row.sex).toBe(id.value.sex === 'male' ? '1' : '2')
      expect(
        checkAddressInDivision(row.household_address ?? '', row.household_division ?? '').ok,
      ).toBe(true)
      expect(Object.keys(row)).toEqual(POPULATION_STANDARD.elements.map((e) => e.key))
      ids.add(id.value.idNumber)
    }
    expect(ids.size).toBe(2_000)
  })

  it('plants every kind of error at about the error rate, one per row', () => {
    const rows = [...generatePopulationRows({ count: 4_000, seed: 5, errorRate: 0.25 })]
    const planted = rows.flatMap((r) => r.planted)
    expect(rows.every((r) => r.planted.length <= 1)).toBe(true)
    expect(planted.length).toBeGreaterThan(900)
    expect(planted.length).toBeLessThan(1_100)
    expect(new Set(planted.map((p) => p.kind))).toEqual(new Set(PLANTED_ERROR_KINDS))
  })

  it('writes rows as CSV records, quoting where needed', () => {
    expect(toCsvLine(['a', null, 'b,c', 'say "hi"'])).toBe('a,,"b,c","say ""hi"""')
  })
})
