import { describe, expect, it } from 'vitest'
import type { DedupModel } from '../dedup/index.js'
import { invertedFields, modelWarnings } from './dedup-warnings.js'

const model = (weights: DedupModel['weights'], lambda: number): DedupModel => ({
  m: {},
  u: {},
  weights,
  lambda,
  iterations: 10,
  converged: true,
})

describe('dedup model warnings', () => {
  it('names the fields whose exact agreement weighs less than disagreement', () => {
    const flipped = model(
      {
        name: { exact: 6.6, different: -1 },
        birthDate: { exact: -8.9, different: 6.7 },
        idNumber: { exact: -15.6, close: 0, different: 6.7 },
        phone: { exact: 0, different: 0 },
      },
      0.998,
    )
    expect(invertedFields(flipped)).toEqual(['birthDate', 'idNumber'])
    expect(modelWarnings(flipped)[0]?.en).toContain('for birthDate, idNumber, exact agreement')
  })

  it('says nothing about a sound model', () => {
    const sound = model(
      { name: { exact: 6, different: -2 }, idNumber: { exact: 11, different: -3 } },
      0.1,
    )
    expect(modelWarnings(sound)).toEqual([])
  })
})
