import { describe, expect, it } from 'vitest'
import { normalizeAddress } from './address.js'
import type { NormalizedAddress } from './address.js'
import {
  addressSimilarity,
  compareAddresses,
  compareCodes,
  compareDates,
  compareExact,
  compareNames,
  levenshteinSimilarity,
} from './comparators.js'
import { jaro, jaroWinkler } from './jaro-winkler.js'
import { normalizePersonName } from './normalize.js'
import type { NormalizedName } from './normalize.js'

const name = (text: string): NormalizedName => normalizePersonName(text)!
const address = (text: string): NormalizedAddress => normalizeAddress(text)!

describe('Jaro-Winkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
    ['JELLYFISH', 'SMELLYFISH', 0.896],
  ])('scores %s against %s as %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3)
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3)
  })

  it('gets no prefix bonus without a common first letter', () => {
    expect(jaroWinkler('CRATE', 'TRACE')).toBeCloseTo(jaro('CRATE', 'TRACE'), 10)
    expect(jaro('CRATE', 'TRACE')).toBeCloseTo(0.733, 3)
  })

  it('is 1 for equal strings and 0 when nothing matches or one side is empty', () => {
    expect(jaroWinkler('', '')).toBe(1)
    expect(jaroWinkler('abc', 'abc')).toBe(1)
    expect(jaroWinkler('abc', '')).toBe(0)
    expect(jaroWinkler('abc', 'xyz')).toBe(0)
  })

  it('counts the prefix bonus for at most four characters', () => {
    const j = jaro('abcdefgh', 'abcdefxy')
    expect(jaroWinkler('abcdefgh', 'abcdefxy')).toBeCloseTo(j + 0.4 * (1 - j), 10)
  })
})

describe('field comparators', () => {
  it('compares exactly', () => {
    expect(compareExact('vic', 'vic')).toBe('exact')
    expect(compareExact('vic', 'nsw')).toBe('different')
  })

  it('grades codes by normalised edit distance', () => {
    expect(levenshteinSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 10)
    expect(compareCodes('330102199603293558', '330102199603293558')).toBe('exact')
    expect(compareCodes('330102199603293558', '330102199603293358')).toBe('close')
    expect(compareCodes('4975843', '4957843')).toBe('similar')
    expect(compareCodes('13800138000', '15912345678')).toBe('different')
  })

  it('grades names by characters, pinyin, then Jaro-Winkler of the pinyin', () => {
    expect(compareNames(name('张伟'), name('张 伟'))).toBe('exact')
    expect(compareNames(name('张伟'), name('章玮'))).toBe('phonetic')
    expect(compareNames(name('张伟'), name('Zhang Wei'))).toBe('phonetic')
    expect(compareNames(name('catherine'), name('katherine'))).toBe('close')
    expect(compareNames(name('John Smith'), name('Smith John'))).toBe('close')
    expect(compareNames(name('beattie'), name('beatie'))).toBe('close')
    expect(compareNames(name('张伟'), name('张卫东'))).toBe('close')
    expect(compareNames(name('smith'), name('smyth'))).toBe('similar')
    expect(compareNames(name('王芳'), name('李娜'))).toBe('different')
    expect(compareNames(name('José'), name('jose'))).toBe('exact')
  })

  it('grades dates by which components agree', () => {
    expect(compareDates('1990-03-05', '1990-03-05')).toBe('exact')
    expect(compareDates('1990-03-05', '1990-05-03')).toBe('transposed')
    expect(compareDates('1990-03-05', '1990-03-15')).toBe('one-component')
    expect(compareDates('1990-03-05', '1991-03-05')).toBe('one-component')
    expect(compareDates('1990-03-05', '1991-07-21')).toBe('year-near')
    expect(compareDates('1990-03-05', '1960-07-21')).toBe('different')
  })

  it('treats an address written in another order or abbreviated as close', () => {
    const full = address('示范市东城区建设路12号')
    expect(compareAddresses(full, address('示范市 东城区 建设路 12号'))).toBe('exact')
    expect(
      compareAddresses(address('lubuma place merewether'), address('merewether lubuma place')),
    ).toBe('exact')
    expect(compareAddresses(full, address('东城区建设路12号'))).toBe('close')
    expect(compareAddresses(full, address('东城建设路12号'))).toBe('similar')
    expect(compareAddresses(full, address('示范市西城区和平路8号'))).toBe('different')
  })

  it('reports token and bigram Jaccard and containment', () => {
    const similarity = addressSimilarity(
      address('示范市东城区建设路12号'),
      address('东城区建设路12号'),
    )
    expect(similarity.tokens).toBeCloseTo(3 / 4, 10)
    expect(similarity.contained).toBe(true)
    expect(similarity.bigrams).toBeGreaterThan(0.7)
  })
})
