import { describe, expect, it } from 'vitest'
import { discoverProcessTree } from '../../../src/modules/insight/mining/inductive-miner.js'
import { canonicalTree, formatTree } from '../../../src/modules/insight/mining/process-tree.js'
import type { Variant } from '../../../src/modules/insight/log/variants.js'

/** 'abcd' → ⟨a, b, c, d⟩ (one letter per activity). */
const log = (...entries: [string, number][]): Variant[] =>
  entries.map(([trace, count]) => ({ activities: [...trace], count }))

const mined = (variants: Variant[], noiseThreshold = 0) =>
  canonicalTree(discoverProcessTree(variants, { noiseThreshold }))

describe('Inductive Miner – infrequent', () => {
  it('finds sequence, choice and parallel in the IM paper log', () => {
    expect(mined(log(['abcd', 3], ['acbd', 2], ['aed', 1]))).toBe('→(a, ×(e, ∧(b, c)), d)')
  })

  it('finds the loop of the running example (van der Aalst, Process Mining, table 1.1)', () => {
    // r register request, t/c examine thoroughly/casually, k check ticket, d decide,
    // i reinitiate request, j reject request, p pay compensation
    const cases = ['rtkdj', 'rkcdp', 'rckditkdp', 'rktdj', 'rckdikcdickdj', 'rckdp']
    const variants = log(...cases.map((c): [string, number] => [c, 1]))
    expect(mined(variants)).toBe('→(r, ↺(→(∧(k, ×(c, t)), d), i), ×(j, p))')
  })

  it('splits a log by counts of variants, not by cases', () => {
    const many = log(['abcd', 300_000], ['acbd', 200_000], ['aed', 100_000])
    expect(mined(many)).toBe('→(a, ×(e, ∧(b, c)), d)')
  })

  it('keeps a rare path with noise 0 and drops it with noise 0.2', () => {
    const noisy = log(['ab', 50], ['cd', 50], ['ad', 1])
    expect(mined(noisy, 0.2)).toBe('×(→(a, b), →(c, d))')
    expect(mined(noisy, 0)).not.toBe('×(→(a, b), →(c, d))')
  })

  it('drops a rare swap only where no cut is found without filtering', () => {
    // b ⇄ c both ways is a parallel cut, so IMf keeps it even though ⟨c, b⟩ is rare.
    expect(mined(log(['abc', 50], ['acb', 1]), 0.2)).toBe('→(a, ∧(b, c))')
  })

  it('makes frequent empty traces an optional model and ignores rare ones', () => {
    expect(mined(log(['', 3], ['ab', 2]))).toBe('×(τ, →(a, b))')
    expect(mined(log(['', 1], ['ab', 20]), 0.2)).toBe('→(a, b)')
    expect(mined(log(['', 1], ['ab', 20]), 0)).toBe('×(τ, →(a, b))')
  })

  it('loops a repeated single activity, unless the repetition is rare and filtered', () => {
    expect(mined(log(['a', 5], ['aa', 1]))).toBe('↺(a, τ)')
    expect(mined(log(['a', 50], ['aa', 1]), 0.2)).toBe('a')
  })

  it('finds a strict τ loop when the end activity is directly followed by the start', () => {
    expect(mined(log(['abcd', 1], ['abcbcd', 1]))).toBe('→(a, ↺(→(b, c), τ), d)')
  })

  it('puts an activity occurring once in every trace in parallel with the rest', () => {
    // No cut: a and b follow each other both ways, b repeats, and a ends and starts traces.
    const tree = mined(log(['ab', 1], ['bab', 1], ['bba', 1]))
    expect(tree).toMatch(/^∧\(a, /)
  })

  it('falls back to the flower model when nothing else applies', () => {
    const tree = discoverProcessTree(log(['abc', 1], ['cab', 1], ['bca', 1], ['acb', 1]), {
      noiseThreshold: 0,
    })
    expect(formatTree(tree)).toMatch(/[↺∧]/)
  })

  it('returns τ for a log without events and rejects a noise threshold outside 0…1', () => {
    expect(mined([])).toBe('τ')
    expect(mined(log(['', 4]))).toBe('τ')
    expect(() => discoverProcessTree([], { noiseThreshold: 1.5 })).toThrow(RangeError)
    expect(() => discoverProcessTree([], { noiseThreshold: Number.NaN })).toThrow(RangeError)
  })
})
