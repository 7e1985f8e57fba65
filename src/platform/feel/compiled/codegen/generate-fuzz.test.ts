import { parseDate, parseDateTime } from 'feelin'
import { describe, expect, it } from 'vitest'
import type { CompiledFeelExpression, FeelWarning } from '../../types.js'
import { NeedsInterpreter } from '../bailout.js'
import { createCompiler } from '../compile.js'
import { compileUnaryTests } from '../compile-tests.js'
import { compileFeelAll } from '../compile-all.js'
import { compileFeel } from '../compile-feel.js'
import { normalise } from '../corpus-normalise.js'
import { syntaxTree } from '../syntax-tree.js'
import { generateAll, generateExpression } from './generate.js'
import { DEFER } from './runtime.js'

/** Sources over a, b, c and d (d declared as ISO dates) covering every generated construct. */
const TEMPLATES = [
  'a <= 100',
  'a > 2.5',
  '100 < a',
  'a = 3',
  'a != 3',
  'a = "A"',
  'a != "A"',
  'a < "b"',
  'a = b',
  'a != b',
  'a < b',
  'a >= b',
  'a + b',
  'a - b',
  'a * b',
  'a / b',
  'a ** 2',
  '-a',
  'a / b >= 0.03',
  'a * 0.1 + b > 1',
  'a and b',
  'a or b',
  'not(a)',
  '(a > 1 and b < 2) or c',
  'a in [1..5]',
  'a in (1..5)',
  'a in ]1..5]',
  'a in [5..1]',
  'a in (1, 2, "a")',
  'a in ["A", "B"]',
  'a in > 3',
  'a in (< 0, > 5)',
  'a in (= 1, != 2)',
  'a in ["a".."c"]',
  'a in [date("2024-01-01")..date("2024-12-31")]',
  'd in [date("2024-01-01")..date("2024-12-31")]',
  'd in < date("2024-01-01")',
  'a between 1 and 5',
  'a between 5 and 1',
  'a between "a" and "c"',
  'd between date("2023-01-01") and date("2024-01-01")',
  'list contains(a, "A")',
  'list contains(a, b)',
  'starts with(a, "3")',
  'ends with(a, b)',
  'contains(a, "a")',
  'count(a)',
  'd <= date("2024-01-01")',
  'd > date("2023-12-31")',
  'date("2024-01-01") >= d',
  'd = date("2024-01-01")',
  'd != date("2024-01-01")',
  'a = date("2024-01-01")',
  'a < @"2024-01-01"',
  'd = "2024-01-01"',
  'd = a',
  'd < a',
  'd',
  'if a then b else c',
  'if a > 1 then "x" else d',
  'a + b * c',
  'not(a in ["K", "L"]) and starts with(b, "31")',
]

const VALUES: unknown[] = [
  0,
  -0,
  1,
  -1,
  2.5,
  3,
  0.1,
  0.3,
  0.03,
  1 / 3,
  100,
  1e21,
  NaN,
  Infinity,
  '',
  'a',
  'A',
  'b',
  'K',
  '31',
  '3101',
  '高新技术企业',
  '2024-01-01',
  '2023-12-31',
  '2024-02-30',
  true,
  false,
  null,
  [],
  ['A'],
  ['A', 'B'],
  [1],
  [1, 2],
  [null],
  {},
  { a: 1 },
  parseDate('2024-01-01'),
  parseDate('2023-12-31'),
  parseDate('2024-06-30'),
  parseDateTime('2024-01-01T00:00:00'),
  new Date(Date.UTC(2024, 0, 1)),
  () => 1,
]

/** Keys that make the closures defer (shadowed built-ins, names feelin would read longer). */
const ODD_KEYS = [' not', 'list  contains', 'not', 'a + b', 'a in', 'count', 'a ']

function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function context(next: () => number): Record<string, unknown> {
  const pick = (): unknown => VALUES[Math.floor(next() * VALUES.length)]
  const vars: Record<string, unknown> = {}
  for (const name of ['a', 'b', 'c', 'd']) if (next() < 0.9) vars[name] = pick()
  if (next() < 0.1) vars[ODD_KEYS[Math.floor(next() * ODD_KEYS.length)] as string] = pick()
  if (next() < 0.03) return Object.assign(Object.create({ a: 7 }) as object, vars)
  return vars
}

/** The closures alone, with the declared ISO dates, as tryEvaluate ran them before codegen. */
function closureResult(source: string, context: Record<string, unknown>) {
  const longerNames: string[] = []
  const compiler = createCompiler(source, longerNames, new Set(['d']))
  const run = compiler.compile(syntaxTree(source, 'expression')).run
  if (longerNames.some((name) => Object.hasOwn(context, name))) return null
  try {
    const warnings: FeelWarning[] = []
    const value = run({ vars: context, parent: null, warnings })
    return typeof value === 'function' ? null : { ok: true, value, warnings }
  } catch (error: unknown) {
    if (error instanceof NeedsInterpreter) return null
    throw error
  }
}

function compile(source: string): CompiledFeelExpression {
  const result = compileFeel(source, 'expression', { isoDates: ['d'] })
  if (!result.ok) throw new Error(`${source}: ${result.error.message.en}`)
  return result.compiled
}

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(normalise([a]), replacer) === JSON.stringify(normalise([b]), replacer)
const replacer = (_: string, v: unknown): unknown =>
  typeof v === 'number' && !Number.isFinite(v) ? String(v) : Object.is(v, -0) ? '-0' : v

const show = (value: unknown): string => JSON.stringify(normalise([value]), replacer)

const contexts = Array.from(
  { length: 250 },
  (
    (next) => () =>
      context(next)
  )(random(11)),
)

describe('generated code on random contexts', () => {
  it.each(TEMPLATES)('%s gives the closures’ value or defers', (source) => {
    const compiled = compile(source)
    const root = syntaxTree(source, 'expression')
    const run = generateExpression({ source, kind: 'expression', root, isoDates: new Set(['d']) })
    expect(run).not.toBeNull()
    const wrong: string[] = []
    let decided = 0
    for (const ctx of contexts) {
      const closures = closureResult(source, ctx)
      const value = run?.(ctx, false)
      if (value !== DEFER) {
        decided++
        const expected = closures?.ok === true ? closures.value : 'deferred'
        if (!same(value, expected)) wrong.push(`${JSON.stringify(ctx)}: ${show(value)}`)
      }
      const strict = run?.(ctx, true)
      if (strict !== DEFER && !(closures?.warnings.length === 0 && same(strict, value))) {
        wrong.push(`strict ${JSON.stringify(ctx)}: ${show(strict)} ${show(closures?.warnings)}`)
      }
      const lean = compiled.evaluateValue(ctx)
      const full = compiled.evaluate(ctx)
      if (lean !== undefined && !(full.ok && same(lean, full.value))) {
        wrong.push(`evaluateValue ${JSON.stringify(ctx)}: ${show(lean)}`)
      }
    }
    expect(wrong.slice(0, 5)).toEqual([])
    expect(decided).toBeGreaterThan(25)
  })

  it('reads a declared ISO date entry as the FEEL date, as a converted context would', () => {
    for (const source of TEMPLATES) {
      const declared = compile(source)
      const plain = compileFeel(source, 'expression')
      if (!plain.ok) throw new Error(source)
      for (const ctx of contexts.slice(0, 120)) {
        const converted = typeof ctx.d === 'string' ? { ...ctx, d: parseDate(ctx.d) ?? ctx.d } : ctx
        if (Object.getPrototypeOf(ctx) !== Object.prototype) continue
        const a = declared.evaluate(ctx)
        const b = plain.compiled.evaluate(converted)
        expect(a.ok && b.ok ? same(a.value, b.value) : a.ok === b.ok).toBe(true)
      }
    }
  })
})

const UNARY_TESTS = [
  '> 5',
  '[1..10]',
  '[1..10)',
  '(50000000..200000000]',
  '"a", "b"',
  'not(1, 2)',
  'not(> 5)',
  '1, 2, 3',
  '= 3',
  '!= 3',
  '>= 18',
  '<= "m"',
  '> 3, < 0',
  '[1, 2]',
  'not([1..69], [71..72])',
  'not("7010", "7020")',
  '[date("2024-01-01")..date("2024-12-31")]',
  '< date("2024-01-01")',
  '"A", [3..5], != "b"',
]

describe('generated unary tests on random inputs', () => {
  it.each(UNARY_TESTS)('%s matches as the closures match, or defers', (source) => {
    const run = generateExpression({
      source,
      kind: 'unaryTests',
      root: syntaxTree(source, 'unaryTests'),
      isoDates: new Set(),
    })
    expect(run).not.toBeNull()
    const compiler = createCompiler(source, [])
    const closures = compileUnaryTests(compiler, syntaxTree(source, 'unaryTests'))
    const wrong: string[] = []
    for (const input of [...VALUES, undefined]) {
      const context = input === undefined ? {} : { '?': input }
      let expected: unknown
      try {
        expected = closures({ vars: context, parent: null, warnings: [] })
      } catch (error: unknown) {
        if (!(error instanceof NeedsInterpreter)) throw error
        expected = DEFER
      }
      const value = run?.(context, true)
      if (value !== DEFER && value !== expected) wrong.push(`${show(input)}: ${show(value)}`)
    }
    expect(wrong).toEqual([])
  })
})

describe('compileFeelAll', () => {
  it('is false when a condition is false, true when all are true, else null', () => {
    const next = random(5)
    for (let round = 0; round < 30; round++) {
      const sources = TEMPLATES.filter(() => next() < 0.1)
      const conditions = sources.map(compile)
      const all = compileFeelAll(conditions)
      // built directly as well, so that a generator error fails here instead of falling back
      const slow = conditions.map((c) => (ctx: Record<string, unknown>) => {
        const result = c.evaluate(ctx)
        return result.ok ? result.value : null
      })
      const parts = sources.map((source) => ({
        source,
        kind: 'expression' as const,
        root: syntaxTree(source, 'expression'),
        isoDates: new Set(['d']),
      }))
      const generated = generateAll(parts, slow)
      for (const ctx of contexts.slice(0, 100)) {
        const values = slow.map((value) => value(ctx))
        const expected = values.includes(false) ? false : values.every((v) => v === true) || null
        expect([sources, ctx, all.evaluate(ctx)]).toEqual([sources, ctx, expected])
        expect([sources, ctx, generated(ctx)]).toEqual([sources, ctx, expected])
      }
    }
  }, 120_000)

  it('runs conditions the generator does not cover through their closures', () => {
    const conditions = ['count(xs[item > 2]) > 1', 'a > 1'].map(compile)
    const all = compileFeelAll(conditions)
    expect(all.evaluate({ xs: [1, 3, 4], a: 2 })).toBe(true)
    expect(all.evaluate({ xs: [1, 3], a: 2 })).toBe(false)
    expect(all.evaluate({ xs: [1, 3, 4] })).toBeNull()
    expect(compileFeelAll([]).evaluate({})).toBe(true)
  })
})
