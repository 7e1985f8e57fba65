import { describe, expect, it } from 'vitest'
import { generateCandidatePairs, blockingKeys } from './blocking.js'
import { compressPatterns } from './fellegi-sunter.js'
import { prepareField } from './field-comparators.js'
import { monotoneRatioFit } from './monotone.js'
import { PERSON_PRESET } from './presets.js'
import { trainingSessions } from './training-sessions.js'
import type { DedupRecord } from './types.js'
import { estimateU } from './u-sampling.js'

describe('monotoneRatioFit', () => {
  it('returns the observed shares when m/u already falls from the best level to the worst', () => {
    const m = monotoneRatioFit([80, 15, 5], [0.01, 0.09, 0.9])
    expect(m?.map((v) => +v.toFixed(6))).toEqual([0.8, 0.15, 0.05])
  })

  it('pools a level that would weigh more than a better one, keeping u’s proportions in the pool', () => {
    // Observed 0.1 / 0.01 = 10 at the best level and 0.8 / 0.04 = 20 at the next: violated.
    const m = monotoneRatioFit([10, 80, 10], [0.01, 0.04, 0.95]) ?? []
    expect(m[0]! / 0.01).toBeCloseTo(m[1]! / 0.04, 10)
    expect(m[0]! + m[1]!).toBeCloseTo(0.9, 10)
    expect(m[2]).toBeCloseTo(0.1, 10)
  })

  it('never lets disagreement outweigh agreement, whatever the counts', () => {
    const u = [0.001, 0.02, 0.2, 0.779]
    const m = monotoneRatioFit([0, 1, 30, 900], u) ?? []
    const ratios = m.map((v, l) => v / u[l]!)
    ratios.slice(1).forEach((r, l) => expect(r).toBeLessThanOrEqual(ratios[l]! + 1e-12))
    expect(m.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
  })

  it('has nothing to fit without counts', () => {
    expect(monotoneRatioFit([0, 0], [0.5, 0.5])).toBeNull()
  })
})

const person = (id: string, name: string, birthDate: string, idNumber: string): DedupRecord => ({
  id,
  fields: { name, birthDate, idNumber, phone: null, address: null },
})

describe('estimateU', () => {
  const records = [
    person('1', '张伟', '1990-01-01', '110101199001011234'),
    person('2', '张伟', '1990-01-01', '110101199001015678'),
    person('3', '李娜', '1985-05-05', '110101198505054321'),
    person('4', '王芳', '1970-07-07', '320102197007071111'),
  ]
  const fields = ['name', 'birthDate'].map((name) =>
    prepareField(name, PERSON_PRESET.fields[name]!, records),
  )

  it('counts every pair of a small file, smoothed by half a pair per level', () => {
    const [name, birthDate] = estimateU(fields, records.length)
    // Six pairs, one of them the same name and date: (1 + 0.5) / (6 + 2.5).
    expect(name?.[0]).toBeCloseTo(1.5 / 8.5, 12)
    expect(birthDate?.[0]).toBeCloseTo(1.5 / 8.5, 12)
    expect(name?.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
  })

  it('draws the same random pairs each time for a larger file', () => {
    expect(estimateU(fields, records.length, 3)).toEqual(estimateU(fields, records.length, 3))
  })
})

describe('trainingSessions', () => {
  const records = [
    person('1', '张伟', '1990-01-01', '110101199001011234'),
    person('2', '张伟', '1990-01-01', '110101199001011234'),
    person('3', '张卫', '1990-03-01', '110101199003011234'),
  ]
  const fields = Object.entries(PERSON_PRESET.fields).map(([name, spec]) =>
    prepareField(name, spec, records),
  )
  const byName = new Map(fields.map((f) => [f.name, f]))
  const keys = PERSON_PRESET.blocking.map((rule) => blockingKeys(rule, byName, records.length))
  const { pairs, skippedKeys } = generateCandidatePairs(
    keys,
    PERSON_PRESET.blocking.map((r) => r.name),
    1000,
  )
  const vectors = new Uint8Array(pairs.left.length * fields.length)
  const patterns = compressPatterns(vectors, fields.length)
  const sessions = trainingSessions(
    PERSON_PRESET.blocking,
    keys,
    skippedKeys,
    pairs,
    patterns,
    fields,
  )
  const excludedNames = (rule: string) =>
    [...(sessions.find((s) => s.name === rule)?.excluded ?? [])].map((f) => fields[f]?.name)

  it('counts every pair agreeing on a rule’s key, whichever rule produced it', () => {
    const pairCount = (rule: string) =>
      sessions.find((s) => s.name === rule)?.counts.reduce((a, b) => a + b, 0)
    expect(pairCount('id-number')).toBe(1)
    expect(pairCount('surname-birth-year')).toBe(3)
  })

  it('leaves out the fields the key reads and the fields related to them', () => {
    // The ID number holds the birth date and is issued where the person is registered.
    expect(excludedNames('id-number')).toEqual(['birthDate', 'idNumber', 'address'])
    expect(excludedNames('surname-birth-year')).toEqual(['name', 'birthDate', 'idNumber'])
    expect(excludedNames('phone')).toEqual(['phone'])
  })
})
