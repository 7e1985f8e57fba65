import { describe, expect, it } from 'vitest'
import { mod37_36CheckCharacter, mod37_36IsValid } from './mod37-36.js'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const valueOf = (char: string): number => ALPHABET.indexOf(char)

/** Deterministic strings over the alphabet (mulberry32, so failures reproduce). */
const sampleStrings = (count: number, length: number): string[] => {
  let state = 20260302
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) % ALPHABET.length
  }
  return Array.from({ length: count }, () =>
    Array.from({ length }, () => ALPHABET.charAt(next())).join(''),
  )
}

const withCheck = (body: string): string => body + mod37_36CheckCharacter(body)

const substitutions = (s: string): string[] =>
  [...s].flatMap((original, i) =>
    [...ALPHABET].filter((c) => c !== original).map((c) => s.slice(0, i) + c + s.slice(i + 1)),
  )

describe('mod37_36CheckCharacter', () => {
  // Published examples: GRid (A1-2425G-ABC1234002-M) and ISAN (ISO 15706) check characters.
  it.each([
    ['A12425GABC1234002', 'M'],
    ['00000000D07A0090', 'Q'],
    ['00000000D07A009000000000', 'X'],
    ['000000018CFA0000', 'I'],
    ['000000018CFA000000000000', 'K'],
    ['B159D8FA01240000', 'K'],
  ])('gives %s the published check character %s', (body, check) => {
    expect(mod37_36CheckCharacter(body)).toBe(check)
  })

  it('makes the recursive check end in 1 for the chosen character and no other', () => {
    for (const body of sampleStrings(50, 17)) {
      const valid = [...ALPHABET].filter((c) => mod37_36IsValid(body + c))
      expect(valid).toEqual([mod37_36CheckCharacter(body)])
    }
  })

  it('rejects characters outside uppercase 0-9A-Z', () => {
    expect(() => mod37_36CheckCharacter('a12425')).toThrow(RangeError)
    expect(() => mod37_36CheckCharacter('A1-2425')).toThrow(RangeError)
  })
})

describe('mod37_36IsValid', () => {
  it('accepts the published examples with their check characters', () => {
    expect(mod37_36IsValid('A12425GABC1234002M')).toBe(true)
    expect(mod37_36IsValid('00000000D07A0090Q')).toBe(true)
  })

  it('rejects strings too short to carry a check, or outside the alphabet', () => {
    expect(mod37_36IsValid('')).toBe(false)
    expect(mod37_36IsValid('M')).toBe(false)
    expect(mod37_36IsValid('a12425gabc1234002m')).toBe(false)
  })

  it('detects every single-character substitution, check character included', () => {
    for (const valid of [...sampleStrings(40, 24), 'A12425GABC1234002'].map(withCheck)) {
      expect(substitutions(valid).filter(mod37_36IsValid)).toEqual([])
    }
  })
})

// One leading character reaches each of the 36 internal states, and every later step permutes
// the states, so what holds for `x a b` after every x holds at any position of any string.
describe('mod37_36 from every internal state', () => {
  const pairs = [...ALPHABET].flatMap((a) => [...ALPHABET].map((b) => [a, b] as const))

  it('detects every substitution', () => {
    const missed = [...ALPHABET].flatMap((x) =>
      pairs.flatMap(([a, b]) => {
        const check = mod37_36CheckCharacter(x + a)
        return b === a ? [] : [x + b + check].filter(mod37_36IsValid)
      }),
    )
    expect(missed).toEqual([])
  })

  // The hybrid system is not perfect on transpositions: from each state exactly one pair of
  // characters whose values differ by one (mod 36: Z and 0 neighbour) swaps undetected, 2 of
  // the 1,260 ordered pairs, 1 in 630.
  it('misses exactly one transposition pair per state, always of neighbouring values', () => {
    for (const x of ALPHABET) {
      const missed = pairs.filter(([a, b]) => {
        const valid = withCheck(x + a + b)
        return a !== b && mod37_36IsValid(x + b + a + valid.charAt(3))
      })
      expect(missed).toHaveLength(2)
      const [[a, b] = ['', ''], reverse = ['', '']] = missed
      expect([1, 35]).toContain((valueOf(a) - valueOf(b) + 36) % 36)
      expect(reverse).toEqual([b, a])
    }
  })

  it('misses 0JKY ↔ 0KJY, one of those transpositions', () => {
    expect(withCheck('0JK')).toBe('0JKY')
    expect(mod37_36IsValid('0KJY')).toBe(true)
  })

  it('detects all but 1 in 630 transpositions with the check character', () => {
    const swaps = pairs.flatMap(([x, a]) => {
      const check = mod37_36CheckCharacter(x + a)
      return a === check ? [] : [x + check + a]
    })
    expect(swaps.filter(mod37_36IsValid)).toHaveLength(swaps.length / 630)
  })
})
