import { describe, expect, it } from 'vitest'
import type { ColumnProfile, DatasetProfile } from './profile.types.js'
import { createProfiler, profileRows, profileRowStream, type ProfileRow } from './profiler.js'

const column = (profile: DatasetProfile, name: string): ColumnProfile => {
  const found = profile.columns.find((c) => c.name === name)
  if (!found) throw new Error(`no column ${name}`)
  return found
}

const residents: ProfileRow[] = [
  { id: '11010519491231002X', sex: '男', salary: '8000', born: '1949-12-31', note: null },
  { id: '110105198001010014', sex: '女', salary: '9500.5', born: '1980-01-01', note: '' },
  { id: '110105199002020027', sex: '男', salary: '7200', born: '1990-02-02', note: '  ' },
  { id: '110105200003030010', sex: '男', salary: '12000', born: '2000-03-03', note: 'VIP客户' },
]

describe('profileRows', () => {
  it('counts nulls, empty strings and distinct values per column', () => {
    const note = column(profileRows(residents), 'note')
    expect(note).toMatchObject({ count: 4, nullCount: 1, emptyCount: 2, nullRate: 0.25 })
    expect(note.emptyRate).toBe(0.5)
    expect(note.distinct).toEqual({ count: 1, exact: true, standardError: 0 })
  })

  it('reports the top values with their counts, most frequent first', () => {
    const sex = column(profileRows(residents, { topK: 1 }), 'sex')
    expect(sex.topValues).toEqual({ entries: [{ value: '男', count: 3 }], maxUndercount: 0 })
  })

  it('reports value patterns: ID numbers share 99999999999999999A and 999999999999999999', () => {
    const id = column(profileRows(residents), 'id')
    expect(id.topPatterns.entries).toEqual([
      { value: '999999999999999999', count: 3 },
      { value: '99999999999999999A', count: 1 },
    ])
    expect(id.type).toBe('text')
    expect(column(profileRows(residents), 'note').topPatterns.entries).toEqual([
      { value: 'AAA汉汉', count: 1 },
    ])
  })

  it('infers decimal for a mix of integers and decimals, with min, max, mean and stddev', () => {
    const salary = column(profileRows(residents), 'salary')
    expect(salary.type).toBe('decimal')
    expect(salary.kinds).toEqual({ integer: 3, decimal: 1, date: 0, text: 0 })
    expect(salary.numbers).toMatchObject({ count: 4, min: 7200, max: 12000, mean: 9175.125 })
    expect(salary.numbers?.stddev).toBeCloseTo(2110.91, 2)
  })

  it('infers dates and their range', () => {
    const born = column(profileRows(residents), 'born')
    expect(born.type).toBe('date')
    expect(born.dates).toEqual({ count: 4, min: '1949-12-31', max: '2000-03-03' })
    expect(born.numbers).toBeNull()
  })

  it('tolerates a few stray values below the type threshold', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ n: i === 7 ? 'N/A' : String(i) }))
    expect(column(profileRows(rows), 'n').type).toBe('integer')
    expect(column(profileRows(rows, { typeThreshold: 1 }), 'n').type).toBe('text')
  })

  it('treats codes with leading zeros and invalid dates as text', () => {
    const rows = [
      { code: '01', day: '2023-02-29' },
      { code: '02', day: '2023-13-01' },
    ]
    const profile = profileRows(rows)
    expect(column(profile, 'code').type).toBe('text')
    expect(column(profile, 'day').type).toBe('text')
  })

  it('counts a column missing from earlier rows as null there', () => {
    const profile = profileRows([{ a: '1' }, { a: '2' }, { a: '3', late: 'x' }])
    expect(column(profile, 'late')).toMatchObject({ count: 3, nullCount: 2 })
  })

  it('reports an all-null column as empty without number or date summaries', () => {
    const blank = column(profileRows([{ b: null }, { b: '' }]), 'b')
    expect(blank).toMatchObject({ type: 'empty', numbers: null, dates: null })
    expect(blank.topValues.entries).toEqual([])
  })

  it('produces a profile that survives a JSON round trip', () => {
    const profile = profileRows(residents)
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile)
  })

  it('ignores columns beyond maxColumns and names them', () => {
    const profile = profileRows([{ a: '1', b: '2', c: '3' }], { maxColumns: 2 })
    expect(profile.columns.map((c) => c.name)).toEqual(['a', 'b'])
    expect(profile.ignoredColumns).toEqual(['c'])
  })
})

describe('createProfiler on a large stream', () => {
  it('switches to an estimate past the exact limit and keeps heavy hitters', () => {
    const profiler = createProfiler({ exactDistinctLimit: 1000, topK: 3 })
    for (let i = 0; i < 100_000; i++) {
      const district = i % 10 === 0 ? '西湖区' : i % 10 === 1 ? '上城区' : `区${i}`
      profiler.add({ person: `P${i}`, district, age: String(18 + (i % 60)) })
    }
    const profile = profiler.snapshot()
    const person = column(profile, 'person')
    expect(person.distinct.exact).toBe(false)
    expect(Math.abs(person.distinct.count - 100_000) / 100_000).toBeLessThan(0.03)
    const top = column(profile, 'district').topValues.entries.map((e) => e.value)
    expect(top.slice(0, 2).sort()).toEqual(['上城区', '西湖区'])
    expect(column(profile, 'age').numbers).toMatchObject({ min: 18, max: 77, count: 100_000 })
    expect(column(profile, 'age').distinct).toEqual({ count: 60, exact: true, standardError: 0 })
  })

  it('profiles an async stream of rows', async () => {
    async function* rows() {
      yield { x: '1' }
      yield { x: '2' }
    }
    const profile = await profileRowStream(rows())
    expect(profile.rowCount).toBe(2)
    expect(column(profile, 'x').numbers?.mean).toBe(1.5)
  })
})
