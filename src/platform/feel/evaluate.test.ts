import { describe, expect, it } from 'vitest'
import { evaluateCondition, evaluateFeel } from './evaluate.js'
import { parseFeelExpression } from './parse.js'

function valueOf(source: string, context: Record<string, unknown> = {}): unknown {
  const result = evaluateFeel(source, context)
  if (!result.ok) throw new Error(result.error.message.en)
  return result.value
}

describe('evaluateFeel', () => {
  it('evaluates arithmetic with precedence', () => {
    expect(valueOf('1 + 2 * 3')).toBe(7)
    expect(valueOf('(price - discount) / 2', { price: 10, discount: 4 })).toBe(3)
  })

  it('concatenates strings and calls string built-ins', () => {
    expect(valueOf('"tong" + "ban"')).toBe('tongban')
    expect(valueOf('upper case("abc")')).toBe('ABC')
  })

  it('evaluates if then else', () => {
    expect(valueOf('if age >= 18 then "adult" else "minor"', { age: 20 })).toBe('adult')
    expect(valueOf('if age >= 18 then "adult" else "minor"', { age: 9 })).toBe('minor')
  })

  it('tests range membership with in', () => {
    expect(valueOf('3 in [1..5]')).toBe(true)
    expect(valueOf('6 in [1..5]')).toBe(false)
    expect(valueOf('5 in [1..5)')).toBe(false)
  })

  it('evaluates quantified expressions over lists', () => {
    expect(valueOf('some x in xs satisfies x > 3', { xs: [1, 2, 5] })).toBe(true)
    expect(valueOf('every x in xs satisfies x > 3', { xs: [1, 2, 5] })).toBe(false)
  })

  it('reads context paths', () => {
    const context = { applicant: { needSeal: true, address: { city: '杭州' } } }
    expect(valueOf('applicant.needSeal = true', context)).toBe(true)
    expect(valueOf('applicant.address.city', context)).toBe('杭州')
  })

  it('handles Chinese string literals', () => {
    expect(valueOf('"营业" + "执照"')).toBe('营业执照')
    expect(valueOf('string length("营业执照")')).toBe(4)
  })

  it('accepts Chinese variable names and paths (feelin treats CJK as name characters)', () => {
    expect(valueOf('年龄 >= 18', { 年龄: 20 })).toBe(true)
    expect(valueOf('申请人.需要盖章 = true', { 申请人: { 需要盖章: true } })).toBe(true)
  })

  it('treats null as equal to null', () => {
    expect(valueOf('null = null')).toBe(true)
    expect(valueOf('x = null', { x: null })).toBe(true)
  })

  it('yields null with a warning when a compared variable is missing', () => {
    const result = evaluateFeel('x > 3', {})
    expect(result).toMatchObject({ ok: true, value: null })
    expect(result.ok && result.warnings.map((w) => w.type)).toEqual(['NO_VARIABLE_FOUND'])
  })

  it('returns a syntax error instead of evaluating bad input', () => {
    const result = evaluateFeel('1 +', {})
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.kind).toBe('syntax')
  })

  it('evaluates unary tests against the ? input', () => {
    expect(evaluateFeel('[1..5]', { '?': 3 }, 'unaryTests')).toMatchObject({ value: true })
    expect(evaluateFeel('> 10, "x"', { '?': 4 }, 'unaryTests')).toMatchObject({ value: false })
  })

  it('reuses one compiled expression for many contexts', () => {
    const parsed = parseFeelExpression('a * 2')
    if (!parsed.ok) throw new Error('unexpected syntax error')
    expect(parsed.expression.evaluate({ a: 2 })).toMatchObject({ value: 4 })
    expect(parsed.expression.evaluate({ a: 5 })).toMatchObject({ value: 10 })
  })
})

describe('evaluateCondition', () => {
  it('returns the boolean a condition yields', () => {
    expect(evaluateCondition('applicant.needSeal = true', { applicant: { needSeal: true } })).toBe(
      true,
    )
    expect(evaluateCondition('amount > 1000', { amount: 10 })).toBe(false)
  })

  it('returns null for a null result', () => {
    expect(evaluateCondition('x > 3', {})).toBeNull()
  })

  it('returns null for a non-boolean result', () => {
    expect(evaluateCondition('1 + 1', {})).toBeNull()
  })

  it('returns null for a syntax error', () => {
    expect(evaluateCondition('(1 + 2', {})).toBeNull()
  })
})

describe('a large context', () => {
  const form = {
    company: { registered: false, employees: 3 },
    'legal person': { name: '陈思远' },
    premises: { publicPlaceTypes: ['餐饮'] },
    ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field${i}`, { value: i }])),
  }

  it('gives what the expression means, though only the names it mentions are handed on', () => {
    expect(evaluateCondition('company.registered = false', form)).toBe(true)
    expect(evaluateCondition('count(premises.publicPlaceTypes) > 0', form)).toBe(true)
    expect(valueOf('legal person.name', form)).toBe('陈思远')
    expect(valueOf('field7.value + field42.value', form)).toBe(49)
    expect(valueOf('get value(company, "employees")', form)).toBe(3)
    expect(evaluateFeel('> 2', { '?': 3, ...form }, 'unaryTests')).toMatchObject({ value: true })
  })
})
