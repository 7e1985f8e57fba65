import { describe, expect, it } from 'vitest'
import { parseFeelExpression } from './parse.js'
import type { FeelSyntaxError } from './types.js'

function syntaxErrorOf(source: string, kind?: 'expression' | 'unaryTests'): FeelSyntaxError {
  const result = parseFeelExpression(source, kind)
  if (result.ok) throw new Error(`expected a syntax error for ${source}`)
  return result.error
}

describe('parseFeelExpression', () => {
  it('accepts valid expressions', () => {
    const result = parseFeelExpression('if a > 1 then "x" else "y"')
    expect(result.ok).toBe(true)
    expect(result.ok && result.expression.kind).toBe('expression')
  })

  it('accepts valid unary tests', () => {
    expect(parseFeelExpression('[1..5], > 10', 'unaryTests').ok).toBe(true)
  })

  it('reports a dangling operator at the end of line 1', () => {
    const error = syntaxErrorOf('1 +')
    expect(error.position).toEqual({ offset: 3, line: 1, column: 4 })
    expect(error.message.en).toBe('Unexpected end of input: incomplete ArithmeticExpression')
    expect(error.message.zh).toContain('不完整')
    expect(error.snippet).toBe('1 +\n   ^')
  })

  it('reports an if without else', () => {
    const error = syntaxErrorOf('if a then b')
    expect(error.position).toEqual({ offset: 11, line: 1, column: 12 })
    expect(error.message.en).toContain('IfExpression')
  })

  it('reports an unclosed parenthesis', () => {
    const error = syntaxErrorOf('(1 + 2')
    expect(error.position).toEqual({ offset: 6, line: 1, column: 7 })
    expect(error.message.en).toContain('ParenthesizedExpression')
  })

  it('reports an unexpected token on line 2', () => {
    const error = syntaxErrorOf('1 + 2\n+ )')
    expect(error.position).toEqual({ offset: 8, line: 2, column: 3 })
    expect(error.message.en).toBe("Unexpected token ')'")
    expect(error.snippet).toBe('+ )\n  ^')
  })

  it('reports the first of several errors, on line 2', () => {
    const error = syntaxErrorOf('1 +\n(2 *')
    expect(error.position).toEqual({ offset: 8, line: 2, column: 5 })
  })

  it('counts columns in code points after Chinese text', () => {
    const error = syntaxErrorOf('"申请" +\n  年龄 +')
    expect(error.position).toMatchObject({ line: 2, column: 7 })
  })

  it('rejects an empty source', () => {
    expect(syntaxErrorOf('  ').position).toEqual({ offset: 2, line: 1, column: 3 })
  })

  it('reports syntax errors in unary tests', () => {
    expect(syntaxErrorOf('> 3,', 'unaryTests').position).toMatchObject({ line: 1, column: 5 })
  })
})

describe('typos a lenient grammar would let through', () => {
  it('rejects a doubled comparison operator at the second operator', () => {
    const result = parseFeelExpression('seal.needed = = true')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.position).toMatchObject({ line: 1, column: 15 })
  })

  it('still accepts unary tests after in', () => {
    expect(parseFeelExpression('x in < 3').ok).toBe(true)
    expect(parseFeelExpression('x in [1..5]').ok).toBe(true)
  })
})
