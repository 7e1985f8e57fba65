import { describe, expect, it } from 'vitest'
import { MARITAL_STATUS_CODES } from './marital-status-codes.js'
import { createCodeMapper } from './mapping.js'
import { createUnmappedTally } from './unmapped-tally.js'

const mapper = createCodeMapper(
  { source: 'hukou-2015', codeSetId: 'marital-status', entries: { 已婚: '20', 未婚: '10' } },
  MARITAL_STATUS_CODES,
)

describe('createUnmappedTally', () => {
  it('counts the values nobody mapped, most frequent first, with suggestions', () => {
    const tally = createUnmappedTally(mapper)
    const column = ['已婚', '有配偶', '未婚', '离异', '有配偶', null, '', '有 配偶', '已昏']
    for (const value of column) tally.add(value)
    const report = tally.report()
    expect(report).toMatchObject({
      source: 'hukou-2015',
      codeSetId: 'marital-status',
      total: 9,
      mapped: 2,
      empty: 2,
      unmapped: 5,
      untracked: 0,
    })
    expect(report.values.map((v) => [v.value, v.count])).toEqual([
      ['有配偶', 2],
      ['已昏', 1],
      ['有 配偶', 1],
      ['离异', 1],
    ])
    expect(report.values.find((v) => v.value === '离异')?.suggestions[0]?.code).toBe('40')
  })

  it('keeps memory bounded: values past maxDistinct are only counted', () => {
    const tally = createUnmappedTally(mapper, { maxDistinct: 2, suggestions: 0 })
    for (const value of ['a', 'b', 'c', 'a', 'd']) tally.add(value)
    const report = tally.report()
    expect(report.values).toEqual([
      { value: 'a', count: 2, suggestions: [] },
      { value: 'b', count: 1, suggestions: [] },
    ])
    expect(report).toMatchObject({ unmapped: 5, untracked: 2 })
  })
})
