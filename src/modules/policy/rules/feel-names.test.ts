import { describe, expect, it } from 'vitest'
import { isPlainName, referencedNames } from './feel-names.js'

const names = (source: string): string[] => referencedNames(source).map((r) => r.name)

describe('referencedNames', () => {
  it('finds the variables of comparisons and arithmetic, with their offsets', () => {
    expect(referencedNames('income <= 3000000 and employees * 2 > 10')).toEqual([
      { name: 'income', offset: 0 },
      { name: 'employees', offset: 22 },
    ])
  })

  it('skips keywords, literals, strings and comments', () => {
    expect(names('if a then "b c" else null // d\n /* e */ or true')).toEqual(['a'])
  })

  it('reads built-in calls, multi-word ones included, as calls rather than variables', () => {
    expect(names('string length(name) > 3 and years and months duration(a, b) > x')).toEqual([
      'name',
      'a',
      'b',
      'x',
    ])
    expect(names('round half up(income * 0.2, 2)')).toEqual(['income'])
    expect(names('not(restricted)')).toEqual(['restricted'])
  })

  it('skips path members and context keys but keeps the values they read', () => {
    expect(names('size.label = "x"')).toEqual(['size'])
    expect(names('{ rate: base * 2 }.rate')).toEqual(['base'])
  })

  it('does not take the upper bound of a range for a path member', () => {
    expect(names('[low..high]')).toEqual(['low', 'high'])
  })

  it('skips variables bound by some, every and for, and item in filters', () => {
    expect(names('some l in licences satisfies l = "食品经营"')).toEqual(['licences'])
    expect(names('for x in xs, y in ys return x + y + z')).toEqual(['xs', 'ys', 'z'])
    expect(names('count(xs[item > limit]) > 0')).toEqual(['xs', 'limit'])
  })

  it('reads date literals and unary tests without inventing names', () => {
    expect(names('registeredOn <= evaluationDate - @"P1Y"')).toEqual([
      'registeredOn',
      'evaluationDate',
    ])
    expect(names('>= 1000, [1..5], not("工业")')).toEqual([])
  })

  it('returns each word of a multi-word name, so it fails the declared-name check', () => {
    expect(names('annual income > 3')).toEqual(['annual', 'income'])
  })
})

describe('isPlainName', () => {
  it('accepts one FEEL word and rejects keywords, built-ins and spaces', () => {
    expect(isPlainName('annualTaxableIncome')).toBe(true)
    expect(isPlainName('从业人数')).toBe(true)
    expect(isPlainName('count')).toBe(false)
    expect(isPlainName('true')).toBe(false)
    expect(isPlainName('annual income')).toBe(false)
    expect(isPlainName('2fast')).toBe(false)
  })
})
