import { describe, expect, it } from 'vitest'
import { detectOutliers, readNumber } from './outliers.js'

// Twelve ordinary monthly salaries and one planted 50 000 in row 12.
const salaries = [7800, 8000, 8100, 8200, 7900, 8300, 8050, 7950, 8150, 8250, 7850, 8000, 50000]
const salaryRows = salaries.map((salary, i) => ({ person: `P${i}`, salary: String(salary) }))

describe('detectOutliers on one field', () => {
  it('flags the planted salary by both methods with their scores', () => {
    const report = detectOutliers(salaryRows, { field: 'salary', idField: 'person' })
    expect(report.outliers.map((o) => [o.row, o.id, o.method, o.direction])).toEqual([
      [12, 'P12', 'iqr', 'high'],
      [12, 'P12', 'robust-z', 'high'],
    ])
    const [iqr, robust] = report.outliers
    // median 8050, MAD 150: 0.6745 × 41 950 / 150
    expect(robust?.score).toBeCloseTo(188.635, 3)
    // Q1 7950, Q3 8200, IQR 250: (50 000 − 8200) / 250
    expect(iqr?.score).toBeCloseTo(167.2, 6)
    expect(report.groups[0]?.fences).toMatchObject({ q1: 7950, q3: 8200, upper: 8575 })
  })

  it('explains each flag in Chinese and English', () => {
    const [iqr, robust] = detectOutliers(salaryRows, { field: 'salary' }).outliers
    expect(robust?.reason).toEqual({
      zh: '修正 Z 分数 188.64 的绝对值超过阈值 3.5（中位数 8050，MAD 150）',
      en: 'modified z-score 188.64 is beyond ±3.5 (median 8050, MAD 150)',
    })
    expect(iqr?.reason.zh).toBe('50000 高于上限 8575（Q3 8200 + 1.5 × IQR 250）')
  })

  it('runs only the methods asked for and honours a stricter threshold', () => {
    const report = detectOutliers(salaryRows, { field: 'salary', methods: ['robust-z'] })
    expect(report.outliers.map((o) => o.method)).toEqual(['robust-z'])
    expect(report.groups[0]?.fences).toBeNull()
    const strict = detectOutliers(salaryRows, { field: 'salary', methods: ['iqr'], iqrK: 200 })
    expect(strict.outliers).toEqual([])
  })

  it('does not crash on a constant column and flags nothing in it', () => {
    const rows = Array.from({ length: 10 }, () => ({ base: 5000 }))
    const report = detectOutliers(rows, { field: 'base' })
    expect(report.outliers).toEqual([])
    expect(report.groups[0]?.robust).toMatchObject({ mad: 0, spread: 'none' })
  })

  it('falls back to the mean absolute deviation when MAD is 0', () => {
    const rows = [...Array.from({ length: 9 }, () => ({ base: 5000 })), { base: 9000 }]
    const report = detectOutliers(rows, { field: 'base' })
    const robust = report.outliers.find((o) => o.method === 'robust-z')
    // MeanAD = 4000 / 10 = 400; 4000 / (1.253314 × 400)
    expect(robust?.score).toBeCloseTo(7.979, 3)
    expect(robust?.reason.en).toContain('MAD is 0, mean absolute deviation 400 used')
    expect(report.outliers.find((o) => o.method === 'iqr')?.score).toBeNull()
  })

  it('skips values that are missing or not numbers', () => {
    const rows = [...salaryRows, { salary: 'n/a' }, { salary: null }, {}]
    expect(detectOutliers(rows, { field: 'salary' }).skipped).toBe(3)
  })
})

describe('detectOutliers per group', () => {
  const bases = {
    西湖区: [6000, 6100, 5900, 6050, 5950, 6020, 12000],
    滨江区: [12000, 12100, 11900, 12050, 11950, 12020],
    上城区: [3000, 3100],
  }
  const rows = Object.entries(bases).flatMap(([district, values]) =>
    values.map((base) => ({ district, base })),
  )

  it('judges each district against its own statistics', () => {
    const report = detectOutliers(rows, { field: 'base', groupBy: 'district' })
    expect(report.outliers.map((o) => [o.row, o.group, o.value])).toEqual([
      [6, '西湖区', 12000],
      [6, '西湖区', 12000],
    ])
    expect(report.outliers[0]?.reason.zh.startsWith('分组「西湖区」：')).toBe(true)
  })

  it('describes but does not judge a group below the minimum size', () => {
    const report = detectOutliers(rows, { field: 'base', groupBy: ['district'] })
    const small = report.groups.find((g) => g.group === '上城区')
    expect(small).toMatchObject({ count: 2, assessed: false })
    expect(small?.robust?.median).toBe(3050)
  })

  it('keys a group by several fields', () => {
    const report = detectOutliers([{ city: '杭州', district: '西湖区', base: 1 }], {
      field: 'base',
      groupBy: ['city', 'district'],
    })
    expect(report.groups.map((g) => g.group)).toEqual(['杭州 / 西湖区'])
  })
})

describe('readNumber', () => {
  it('reads numbers and numeric text, and nothing else', () => {
    expect([8000, ' 8000 ', '-1.5', '', 'n/a', null, Number.NaN].map(readNumber)).toEqual([
      8000,
      8000,
      -1.5,
      null,
      null,
      null,
      null,
    ])
  })
})
