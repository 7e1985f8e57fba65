import { FeelDate } from 'feelin'
import { describe, expect, it } from 'vitest'
import type { FeelCompileOptions } from '../types.js'
import { compileFeel } from './compile-feel.js'
import { syntaxTree } from './syntax-tree.js'
import { generateExpression } from './codegen/generate.js'
import { DEFER } from './codegen/runtime.js'

function compiled(source: string, options: FeelCompileOptions = {}) {
  const result = compileFeel(source, 'expression', options)
  if (!result.ok) throw new Error(`${source}: ${result.error.message.en}`)
  return result.compiled
}

/** The generated function alone (null when the source is outside the generated subset). */
function generated(source: string, isoDates: string[] = []) {
  const root = syntaxTree(source, 'expression')
  return generateExpression({ source, kind: 'expression', root, isoDates: new Set(isoDates) })
}

const value = (source: string, context: Record<string, unknown> = {}) =>
  compiled(source).evaluateValue(context)

describe('evaluateValue', () => {
  it('returns the value without a result object', () => {
    expect(value('x > 3', { x: 5 })).toBe(true)
    expect(value('x > 3', {})).toBeNull()
    expect(value('count(xs[item > 1])', { xs: [1, 2, 3] })).toBe(2)
  })

  it('returns undefined where the interpreter must decide, and evaluate still answers', () => {
    const expression = compiled('amount > "1000"')
    expect(expression.evaluateValue({ amount: 1500 })).toBeUndefined()
    expect(expression.evaluate({ amount: 1500 })).toMatchObject({ ok: true })
    expect(compiled('count(xs)').evaluateValue({ xs: [1], count: 7 })).toBeUndefined()
  })

  it('switches from the closures to generated code after a few evaluations', () => {
    const expression = compiled('a > 1')
    // the closures look a name up with Object.hasOwn, generated code reads it directly
    const lookups: number[] = []
    let count = 0
    const context = new Proxy(
      { a: 2 },
      {
        getOwnPropertyDescriptor(target, key) {
          count++
          return Reflect.getOwnPropertyDescriptor(target, key)
        },
      },
    )
    for (let i = 0; i < 5; i++) {
      count = 0
      expect(expression.evaluateValue(context)).toBe(true)
      lookups.push(count)
    }
    expect(lookups[0]).toBeGreaterThan(0)
    expect(lookups.at(-1)).toBe(0)
  })

  it('runs generated code for the common constructs', () => {
    expect(generated('a > 1 and list contains(xs, "b")')).not.toBeNull()
    expect(generated('some x in xs satisfies x > 1')).toBeNull()
  })
})

describe('exact decimals on the generated path', () => {
  it.each([
    ['0.1 + 0.2 = 0.3', {}, true],
    ['a + b = 0.3', { a: 0.1, b: 0.2 }, true],
    ['a + b', { a: 0.1, b: 0.2 }, 0.3],
    ['3 / 100 = 0.03', {}, true],
    ['rd / revenue >= 0.03', { rd: 3, revenue: 100 }, true],
    ['rd / revenue >= 0.03', { rd: 2.99, revenue: 100 }, false],
    ['rd / revenue >= 0.03', { rd: 30000.01, revenue: 1000000 }, true],
    ['rd / revenue >= 0.03', { rd: 29999.99, revenue: 1000000 }, false],
    ['rd / revenue >= 0.03', { rd: 0, revenue: 100 }, false],
    ['rd / revenue >= 0.03', { rd: 3, revenue: 0 }, null],
    ['1 / 3 * 3', {}, 0.9999999999999999],
    ['a / 3 * 3', { a: 1 }, 0.9999999999999999],
    ['a * 1.1', { a: 3 }, 3.3],
    ['a - b', { a: 0.3, b: 0.1 }, 0.2],
    ['a * b', { a: 1e-200, b: 1e-200 }, 0],
    ['a * b', { a: 1e200, b: 1e200 }, Infinity],
    ['a + b', { a: 2 ** 53, b: 0.5 }, 9007199254740992],
    ['a + b', { a: 123456789.12, b: 0.01 }, 123456789.13],
  ] as const)('%s with %j is %s', (source, context, expected) => {
    expect(generated(source)?.(context, false)).toEqual(expected)
    expect(compiled(source).evaluateValue(context)).toEqual(expected)
    expect(compiled(source).tryEvaluate(context)).toMatchObject({ value: expected })
  })
})

describe('dates given as ISO strings (isoDates)', () => {
  const before = compiled('registered <= date("2024-01-01")', { isoDates: ['registered'] })

  it.each([
    ['2023-12-31', true],
    ['2024-01-01', true],
    ['2024-01-02', false],
    ['1999-12-31', true],
    ['2024-02-29', false],
  ])('registered %s <= 2024-01-01 is %s', (registered, expected) => {
    expect(before.evaluateValue({ registered })).toBe(expected)
    expect(before.evaluate({ registered })).toMatchObject({ value: expected })
  })

  it.each([
    ['registered < date("2024-03-01")', '2024-02-29', true],
    ['registered > date("2024-02-28")', '2024-02-29', true],
    ['registered = date("2024-03-01")', '2024-02-29', false],
    ['registered in [date("2023-12-31")..date("2024-01-31")]', '2024-01-31', true],
    ['registered in [date("2023-12-31")..date("2024-01-31"))', '2024-01-31', false],
    ['registered between date("2024-01-31") and date("2023-12-31")', '2023-12-31', true],
    ['registered - date("2024-01-01") = duration("P59D")', '2024-02-29', true],
  ])('%s with %s is %s', (source, registered, expected) => {
    const expression = compiled(source, { isoDates: ['registered'] })
    expect(
      expression.evaluate({ registered }).ok && expression.evaluate({ registered }),
    ).toMatchObject({
      value: expected,
    })
    const lean = expression.evaluateValue({ registered })
    expect(lean === undefined || lean === expected).toBe(true)
  })

  it('reads a valid YYYY-MM-DD string as that FEEL date, anything else unchanged', () => {
    const expression = compiled('registered', { isoDates: ['registered'] })
    expect(expression.evaluateValue({ registered: '2024-02-29' })).toBeInstanceOf(FeelDate)
    expect(expression.evaluateValue({ registered: '2024-02-30' })).toBe('2024-02-30')
    expect(expression.evaluateValue({ registered: 20240229 })).toBe(20240229)
    expect(compiled('registered').evaluateValue({ registered: '2024-02-29' })).toBe('2024-02-29')
  })

  it('leaves a local variable of the same name alone', () => {
    const source = 'for registered in ["2024-01-01"] return registered'
    const expression = compiled(source, { isoDates: ['registered'] })
    expect(expression.evaluate({ registered: '2023-01-01' })).toMatchObject({
      value: ['2024-01-01'],
    })
  })

  it('hands the interpreter the converted date when the closures defer', () => {
    const expression = compiled('registered > date("2024-01-01") and count(xs) > 0', {
      isoDates: ['registered'],
    })
    const context = { registered: '2024-06-01', xs: [1], count: 2 }
    expect(expression.tryEvaluate(context)).toBeNull()
    expect(expression.evaluate(context)).toMatchObject({ ok: true })
  })
})

describe('generated source', () => {
  it.each([
    'a"b',
    'x\\"; throw new Error("injected"); //',
    '*/ }); throw 1; ({',
    '${process.exit(1)}',
    'line\nbreak',
    'sep\u2028arator',
    '</script>',
  ])('keeps string literal %j a string', (text) => {
    const literal = `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
    const source = `name = ${literal}`
    expect(generated(source)).not.toBeNull()
    expect(value(source, { name: text })).toBe(true)
    expect(value(source, { name: 'other' })).toBe(false)
  })

  it('keeps names with quotes and spaces as property keys', () => {
    const source = `{"a\\"b": 1}.a`
    expect(() => compiled(source)).not.toThrow()
    const spaced = compiled('legal person age > 17')
    expect(spaced.evaluateValue({ 'legal person age': 18 })).toBe(true)
    expect(spaced.evaluateValue({ 'legal  person age': 18 })).toBe(true)
  })

  it('defers on a context whose prototype is not a plain object', () => {
    const context = Object.assign(Object.create({ a: 5 }) as object, { b: 1 })
    expect(generated('a > 1')?.(context, false)).toBe(DEFER)
    expect(value('a > 1', context)).toBeNull()
  })
})
