import { type CorpusCase } from './corpus-contexts.js'

export const unaryTests: readonly CorpusCase[] = [
  ['> 5', { '?': 7 }],
  ['> 5', { '?': 3 }],
  ['> 5', { '?': null }],
  ['> 5', {}],
  ['[1..10]', { '?': 10 }],
  ['[1..10)', { '?': 10 }],
  ['"a", "b"', { '?': 'b' }],
  ['"a", "b"', { '?': 'c' }],
  ['-', { '?': 3 }],
  ['-', {}],
  ['not(1, 2)', { '?': 3 }],
  ['not(1, 2)', { '?': 1 }],
  ['not(> 5)', { '?': 7 }],
  ['1, 2, 3', { '?': 2 }],
  ['< 2 + x', { '?': 3, x: 5 }],
  ['? > 3', { '?': 4 }],
  ['? > 3', {}],
  ['true', { '?': true }],
  ['true', { '?': false }],
  ['false', { '?': false }],
  ['x', { '?': 1, x: 1 }],
  ['x', { '?': 1, x: [1, 2] }],
  ['null', { '?': null }],
  ['null', { '?': 1 }],
  ['= 3', { '?': 3 }],
  ['!= 3', { '?': 3 }],
  ['>= 18', { '?': 18 }],
  ['<= "m"', { '?': 'a' }],
  ['[date("2024-01-01")..date("2024-12-31")]', { '?': null }],
  ['> 3, < 0', { '?': -1 }],
  ['[1, 2]', { '?': 2 }],
  ['count(?) > 1', { '?': [1, 2] }],
  ['a.b', { '?': 1, a: { b: 1 } }],
  ['? = null', { '?': null }],
]

/**
 * Where exact decimals and feelin's JS floats disagree: the compiled engine gives `expected`.
 * feelin's value is noted for comparison; everything else in the corpus must match feelin.
 */
export const decimalDifferences: readonly { source: string; expected: unknown; feelin: unknown }[] =
  [
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point
    { source: '0.1 + 0.2', expected: 0.3, feelin: 0.30000000000000004 },
    { source: '0.1 + 0.2 = 0.3', expected: true, feelin: false },
    { source: '1.1 * 3', expected: 3.3, feelin: 3.3000000000000003 },
    { source: 'sum([1.1, 2.2])', expected: 3.3, feelin: 3.3000000000000003 },
    { source: '0.3 - 0.1', expected: 0.2, feelin: 0.19999999999999998 },
    // feelin rounds 1.005 * 100 = 100.49999999999999 down
    { source: 'round half up(1.005, 2)', expected: 1.01, feelin: 1 },
    { source: '1.1 ** 2', expected: 1.21, feelin: 1.2100000000000002 },
  ]

/**
 * Inputs whose feelin result the compiled closures do not reproduce themselves: they defer to the
 * interpreter for that one evaluation (JS-style coercions, keys that change how feelin parses).
 */
export const deferred: readonly CorpusCase[] = [
  ['x in [1..10]', { x: 'a' }],
  ['amount > "1000"', { amount: 1500 }],
  ['"1500" > 1000'],
  ['a-b', { 'a-b': 5, a: 1, b: 1 }],
  ['a - b > 1', { 'a - b': 5 }],
  ['terms and conditions', { 'terms and conditions': 5, terms: true, conditions: true }],
  ['company.registered', { 'company.registered': 1, company: { registered: 2 } }],
  ['a.b-c', { a: { 'b-c': 4 } }],
  ['count(xs)', { xs: [1], count: 7 }],
  ['count', {}],
  ['d > date("2024-01-01")', { d: new Date('2024-06-01T00:00:00Z') }],
  ['date and time("2024-03-15T10:00:00Z") > date and time("2024-03-15T09:00:00+01:00")'],
  ['date("2024-01-01") + duration("PT1H")'],
  ['date("-2024-01-01")'],
]

/** Valid FEEL the compiler reports unsupported; it runs on the interpreter. */
export const unsupported: readonly CorpusCase[] = [
  ['get value(m, "a")', { m: { a: 1 } }],
  ['x instance of number', { x: 1 }],
  ['(function(a) a + 1)(2)'],
  ['time("10:00:00")'],
  ['substring(string: "abc", start position: 2)'],
  ['sort([3, 1, 2], function(a, b) a < b)'],
  ['lookup(1)', { lookup: (n: number) => n + 1 }],
  ['"\\u0041"'],
]
