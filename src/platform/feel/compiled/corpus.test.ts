import { evaluate, unaryTest } from 'feelin'
import { describe, expect, it } from 'vitest'
import type { FeelKind } from '../types.js'
import { compileFeel } from './compile-feel.js'
import {
  decimalDifferences,
  deferred,
  expressions,
  unaryTests,
  unsupported,
} from './corpus.data.js'
import { parseFeelExpression } from '../parse.js'
import type { CorpusCase } from './corpus.data.js'
import { normalise } from './corpus-normalise.js'

function compiledValue(source: string, context: Record<string, unknown>, kind: FeelKind): unknown {
  const result = compileFeel(source, kind)
  if (!result.ok) throw new Error(`${source}: ${result.error.message.en}`)
  const evaluated = result.compiled.tryEvaluate(context)
  if (evaluated === null) throw new Error(`${source}: deferred to the interpreter`)
  if (!evaluated.ok) throw new Error(`${source}: ${evaluated.error.message.en}`)
  return normalise(evaluated.value)
}

function feelinValue(source: string, context: Record<string, unknown>, kind: FeelKind): unknown {
  const result = kind === 'unaryTests' ? unaryTest(source, context) : evaluate(source, context)
  return normalise(result.value)
}

function label([source, context]: CorpusCase): string {
  return `${source}  ${JSON.stringify(context ?? {}).slice(0, 60)}`
}

describe('compiled FEEL agrees with feelin', () => {
  it('covers at least 200 cases', () => {
    expect(expressions.length + unaryTests.length).toBeGreaterThanOrEqual(200)
  })

  it.each(expressions.map((c) => [label(c), c] as const))(
    'expression %s',
    (_, [source, context = {}]) => {
      expect(compiledValue(source, context, 'expression')).toEqual(
        feelinValue(source, context, 'expression'),
      )
    },
  )

  it.each(unaryTests.map((c) => [label(c), c] as const))(
    'unary tests %s',
    (_, [source, context = {}]) => {
      expect(compiledValue(source, context, 'unaryTests')).toEqual(
        feelinValue(source, context, 'unaryTests'),
      )
    },
  )
})

describe('exact decimals where feelin uses floats', () => {
  it.each(decimalDifferences.map((d) => [d.source, d] as const))(
    '%s',
    (source, { expected, feelin }) => {
      expect(compiledValue(source, {}, 'expression')).toEqual(expected)
      expect(feelinValue(source, {}, 'expression')).toEqual(feelin)
    },
  )
})

function publicValue(source: string, context: Record<string, unknown>): unknown {
  const parsed = parseFeelExpression(source)
  if (!parsed.ok) throw new Error(parsed.error.message.en)
  const result = parsed.expression.evaluate(context)
  return result.ok ? normalise(result.value) : `error: ${result.error.message.en}`
}

function feelinOrError(source: string, context: Record<string, unknown>): unknown {
  try {
    return feelinValue(source, context, 'expression')
  } catch (error: unknown) {
    return `error: FEEL evaluation failed: ${error instanceof Error ? error.message : String(error)}`
  }
}

describe('inputs the closures defer on', () => {
  it.each(deferred.map((c) => [label(c), c] as const))('%s', (_, [source, context = {}]) => {
    const result = compileFeel(source, 'expression')
    expect(result.ok && result.compiled.tryEvaluate(context)).toBeNull()
    expect(publicValue(source, context)).toEqual(feelinOrError(source, context))
  })
})

describe('constructs the compiler leaves to the interpreter', () => {
  it.each(unsupported.map((c) => [label(c), c] as const))('%s', (_, [source, context = {}]) => {
    const result = compileFeel(source, 'expression')
    expect(!result.ok && result.error.kind).toBe('unsupported')
    expect(publicValue(source, context)).toEqual(feelinOrError(source, context))
  })
})
