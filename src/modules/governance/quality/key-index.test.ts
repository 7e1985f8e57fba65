import { describe, expect, it } from 'vitest'
import { createHashLineTable } from './hash-line-table.js'
import { createKeyIndex, createRandom, createReservoir } from './index.js'

describe('key index', () => {
  it('keeps first lines exactly, then carries them over to hashes', () => {
    const index = createKeyIndex({ exactLimit: 3, hashLimit: 1_000 })
    expect(['a', 'b', 'c'].map((key, i) => index.firstLine(key, i + 1))).toEqual([
      undefined,
      undefined,
      undefined,
    ])
    expect(index.mode).toBe('exact')
    expect(index.firstLine('d', 4)).toBeUndefined()
    expect(index.mode).toBe('hashed')
    expect(index.firstLine('a', 5)).toBe(1)
    expect(index.firstLine('d', 6)).toBe(4)
    expect(index.truncated).toBe(false)
  })

  it('finds every duplicate among 100,000 hashed keys and no false one', () => {
    const index = createKeyIndex({ exactLimit: 0, hashLimit: 1_000_000 })
    let duplicates = 0
    for (let i = 0; i < 100_000; i++)
      if (index.firstLine(`key-${i}`, i + 1) !== undefined) duplicates++
    for (let i = 0; i < 100_000; i += 7) {
      if (index.firstLine(`key-${i}`, 200_000 + i) === i + 1) duplicates++
    }
    expect(duplicates).toBe(Math.ceil(100_000 / 7))
  })

  it('stops remembering new keys at the hash limit and says so', () => {
    const index = createKeyIndex({ exactLimit: 0, hashLimit: 2 })
    index.firstLine('a', 1)
    index.firstLine('b', 2)
    expect(index.truncated).toBe(false)
    expect(index.firstLine('c', 3)).toBeUndefined()
    expect(index.firstLine('c', 4)).toBeUndefined()
    expect(index.firstLine('a', 5)).toBe(1)
    expect(index.truncated).toBe(true)
  })

  it('grows the hash table past its initial capacity, keeping line 0', () => {
    const table = createHashLineTable(10_000, 4)
    for (let i = 0; i < 1_000; i++) table.firstLine(i * 2654435761, i, i)
    expect(table.size).toBe(1_000)
    expect(table.firstLine(0, 0, 99)).toBe(0)
    expect(table.firstLine(999 * 2654435761, 999, 5)).toBe(999)
  })
})

describe('reservoir', () => {
  it('keeps a bounded, roughly uniform sample', () => {
    const counts = new Array<number>(10).fill(0)
    for (let trial = 0; trial < 2_000; trial++) {
      const reservoir = createReservoir<number>(2, createRandom(trial))
      for (let i = 0; i < 10; i++) reservoir.offer(() => i)
      expect(reservoir.items()).toHaveLength(2)
      for (const item of reservoir.items()) counts[item] = (counts[item] ?? 0) + 1
    }
    // Each item is kept with probability 2/10: 400 of 2,000 trials, give or take.
    for (const count of counts) expect(count).toBeGreaterThan(320)
    for (const count of counts) expect(count).toBeLessThan(480)
  })
})
