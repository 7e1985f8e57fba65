import { describe, expect, it } from 'vitest'
import { allPairsCount, blockingKeys, generateCandidatePairs } from './blocking.js'
import { prepareField } from './field-comparators.js'
import type { DedupRecord } from './types.js'

const pairsOf = (result: ReturnType<typeof generateCandidatePairs>): string[] =>
  Array.from(result.pairs.left, (i, p) => `${i}-${result.pairs.right[p]}`)

describe('candidate pair generation', () => {
  it('pairs records that share a key, and only those', () => {
    const result = generateCandidatePairs([['a', 'b', 'a', null, 'b']], ['rule'], 10)
    expect(pairsOf(result)).toEqual(['0-2', '1-4'])
    expect(result.stats[0]).toMatchObject({ rule: 'rule', blocks: 2, pairs: 2, largestBlock: 2 })
  })

  it('emits a pair found by several rules once', () => {
    const result = generateCandidatePairs(
      [
        ['x', 'x', 'y'],
        ['p', 'p', 'p'],
      ],
      ['first', 'second'],
      10,
    )
    expect(pairsOf(result)).toEqual(['0-1', '0-2', '1-2'])
    expect(result.stats.map((s) => s.pairs)).toEqual([1, 2])
  })

  it('skips and reports blocks above the size cap, leaving their pairs to other rules', () => {
    const result = generateCandidatePairs(
      [
        ['big', 'big', 'big', 'small', 'small'],
        ['k', 'k', null, null, null],
      ],
      ['coarse', 'fine'],
      2,
    )
    expect(pairsOf(result)).toEqual(['3-4', '0-1'])
    expect(result.stats[0]).toMatchObject({ skippedBlocks: 1, skipped: [{ key: 'big', size: 3 }] })
  })

  it('counts the pairs brute force would compare', () => {
    expect(allPairsCount(5000)).toBe(12_497_500)
  })
})

describe('blocking keys', () => {
  const records: DedupRecord[] = [
    { id: '1', fields: { name: '张伟', birth: '1990-03-05' } },
    { id: '2', fields: { name: '章玮', birth: '1990年5月3日' } },
    { id: '3', fields: { name: 'Wei Zhang', birth: null } },
  ]
  const fields = new Map([
    ['name', prepareField('name', { comparator: 'name' }, records)],
    ['birth', prepareField('birth', { comparator: 'date' }, records)],
  ])

  it('joins the parts of a rule, pinyin surname and birth year here', () => {
    const keys = blockingKeys(
      {
        name: 'surname-year',
        parts: [
          { field: 'name', transform: 'surname' },
          { field: 'birth', transform: 'year' },
        ],
      },
      fields,
      records.length,
    )
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).toBeNull()
  })

  it('cuts a part to its prefix', () => {
    const keys = blockingKeys(
      { name: 'given', parts: [{ field: 'name', transform: 'given', prefix: 2 }] },
      fields,
      records.length,
    )
    expect(keys).toEqual(['we\u0001', 'we\u0001', 'we\u0001'])
  })

  it('puts every record in one block for a rule without parts (brute force)', () => {
    expect(blockingKeys({ name: 'all', parts: [] }, fields, 3)).toEqual(['', '', ''])
  })
})
