import { describe, expect, it } from 'vitest'
import { detectOutliers } from './outliers.js'
import { checkOutlierRise } from './outlier-rise.js'
import { createOutlierTally } from './outlier-tally.js'

const rows = Array.from({ length: 200 }, (_, i) => ({
  division: i % 2 === 0 ? '330102' : '330106',
  // Division 330106 earns about ten times more: 90 000 is normal there, an outlier in 330102.
  base: String((i % 2 === 0 ? 8000 : 80_000) + (i % 7) * 100),
}))
rows[10] = { division: '330102', base: '90000' }
rows[11] = { division: '330106', base: '800' }
rows[12] = { division: '330102', base: 'n/a' }

describe('createOutlierTally', () => {
  const tally = createOutlierTally({ fields: ['base'], groupBy: ['division'], sampleSize: 5 })
  rows.forEach((row, i) => tally.add(i + 2, row))
  const [base] = tally.finish()

  it('flags per group what is far from that group’s median, as detectOutliers does in memory', () => {
    const inMemory = detectOutliers(rows, { field: 'base', groupBy: 'division' })
    const flaggedRows = new Set(inMemory.outliers.map((o) => o.row + 2))
    expect(base).toMatchObject({ values: 199, skipped: 1, groups: 2, assessedGroups: 2 })
    expect(base?.outliers).toBe(flaggedRows.size)
    expect(base?.sample.map((e) => e.line).sort()).toEqual([12, 13])
    expect(base?.sample[0]).toMatchObject({ group: '330102', value: 90_000, direction: 'high' })
    expect(base?.sample[0]?.reason.zh).toContain('330102')
  })

  it('keeps only the most extreme examples', () => {
    const wide = createOutlierTally({ fields: ['v'], groupBy: [], sampleSize: 3 })
    for (let i = 0; i < 1000; i++) wide.add(i, { v: String(i % 10 === 0 ? 1000 + i : 5 + (i % 3)) })
    const [v] = wide.finish()
    expect(v?.outliers).toBe(100)
    expect(v?.sample.map((e) => e.value)).toEqual([1990, 1980, 1970])
  })
})

describe('checkOutlierRise', () => {
  const earlier = [
    { values: 1000, outliers: 10 },
    { values: 1200, outliers: 14 },
  ]

  it('says nothing while the rate stays near the earlier runs', () => {
    expect(checkOutlierRise(earlier, { values: 1000, outliers: 15 })).toBeNull()
  })

  it('warns when the rate doubles well beyond chance, and is critical when it jumps', () => {
    expect(checkOutlierRise(earlier, { values: 1000, outliers: 40 })).toMatchObject({
      severity: 'warning',
    })
    const jump = checkOutlierRise(earlier, { values: 1000, outliers: 120 })
    expect(jump?.severity).toBe('critical')
    expect(jump?.reason.zh).toContain('12%')
  })

  it('needs earlier runs to compare with, and a rise beyond chance on a small file', () => {
    expect(checkOutlierRise([], { values: 1000, outliers: 500 })).toBeNull()
    expect(checkOutlierRise(earlier, { values: 30, outliers: 2 })).toBeNull()
  })
})
