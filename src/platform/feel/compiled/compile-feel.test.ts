import { describe, expect, it } from 'vitest'
import { compileFeel } from './compile-feel.js'

function errorOf(source: string, kind: 'expression' | 'unaryTests' = 'expression') {
  const result = compileFeel(source, kind)
  if (result.ok) throw new Error(`expected ${source} not to compile`)
  return result.error
}

describe('compileFeel', () => {
  it('reports an unsupported construct with its position and a snippet', () => {
    const error = errorOf('a > 1 and\n  x instance of number')
    expect(error).toMatchObject({ kind: 'unsupported', position: { line: 2, column: 3 } })
    expect(error.message.en).toContain('InstanceOfExpression')
    expect(error.snippet).toBe('  x instance of number\n  ^')
  })

  it('names the built-in it does not compile', () => {
    const error = errorOf('count(xs) > 0 and get value(m, "a") = 1')
    expect(error).toMatchObject({ kind: 'unsupported', position: { line: 1, column: 19 } })
    expect(error.message.en).toContain('function get value()')
  })

  it('reports named parameters and context functions as unsupported', () => {
    expect(errorOf('substring(string: "abc", start position: 2)').kind).toBe('unsupported')
    expect(errorOf('lookup(1)').message.en).toContain('function lookup()')
  })

  it('returns syntax errors with line and column as parseFeelExpression does', () => {
    const error = errorOf('1 + 2\n+ )')
    expect(error).toMatchObject({ kind: 'syntax', position: { offset: 8, line: 2, column: 3 } })
    expect(errorOf('> 3,', 'unaryTests')).toMatchObject({ kind: 'syntax', position: { column: 5 } })
  })

  it('evaluates one compiled expression against many contexts', () => {
    const result = compileFeel('company.registered = false', 'expression')
    if (!result.ok) throw new Error(result.error.message.en)
    expect(result.compiled.evaluate({ company: { registered: false } })).toMatchObject({
      value: true,
    })
    expect(result.compiled.evaluate({ company: { registered: true } })).toMatchObject({
      value: false,
    })
  })

  it('keeps feelin warnings for missing variables and entries', () => {
    const result = compileFeel('x > 3 or a.b = 1', 'expression')
    if (!result.ok) throw new Error(result.error.message.en)
    const evaluated = result.compiled.evaluate({ a: {} })
    expect(evaluated.ok && evaluated.warnings).toEqual([
      expect.objectContaining({ type: 'NO_VARIABLE_FOUND', offset: 0 }),
      expect.objectContaining({ type: 'NO_CONTEXT_ENTRY_FOUND', offset: 11 }),
    ])
  })

  it('compiles constants the closures cannot fold without throwing; the interpreter decides', () => {
    for (const source of ['x in [1.."a"]', 'x between 1 and "a"', 'date("-2024-01-01")']) {
      const result = compileFeel(source, 'expression')
      expect(result.ok && result.compiled.tryEvaluate({ x: 2 })).toBeNull()
      expect(result.ok && result.compiled.evaluate({ x: 2 })).toMatchObject({ ok: false })
    }
  })

  it('hands numbers back as JS numbers computed exactly', () => {
    const result = compileFeel('price * quantity', 'expression')
    if (!result.ok) throw new Error(result.error.message.en)
    expect(result.compiled.evaluate({ price: 19.99, quantity: 3 })).toMatchObject({ value: 59.97 })
  })
})
