import { describe, expect, it } from 'vitest'
import type { FeelKind, FeelWarning } from '../../types.js'
import { NeedsInterpreter } from '../bailout.js'
import { createCompiler } from '../compile.js'
import { compileFeel } from '../compile-feel.js'
import { compileUnaryTests } from '../compile-tests.js'
import { decimalDifferences, deferred, expressions, unaryTests } from '../corpus.data.js'
import type { CorpusCase } from '../corpus.data.js'
import { normalise } from '../corpus-normalise.js'
import { syntaxTree } from '../syntax-tree.js'
import { generateExpression } from './generate.js'
import { DEFER } from './runtime.js'

function compiled(source: string) {
  const result = compileFeel(source, 'expression')
  if (!result.ok) throw new Error(`${source}: ${result.error.message.en}`)
  return result.compiled
}

/** The closures' own result (tryEvaluate now answers from generated code where it can). */
function closureResult(
  source: string,
  context: Record<string, unknown>,
  kind: FeelKind = 'expression',
) {
  const longerNames: string[] = []
  const compiler = createCompiler(source, longerNames)
  const root = syntaxTree(source, kind)
  const run = kind === 'unaryTests' ? compileUnaryTests(compiler, root) : compiler.compile(root).run
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

/** Generated code for a source, built directly so that a generator error fails the test. */
function generated(source: string) {
  return generateExpression({
    source,
    kind: 'expression',
    root: syntaxTree(source, 'expression'),
    isoDates: new Set(),
  })
}

function label([source, context]: CorpusCase): string {
  return `${source}  ${JSON.stringify(context ?? {}).slice(0, 60)}`
}

let decided = 0
let unaryDecided = 0

describe('generated unary tests agree with the closures on the corpus', () => {
  it.each(unaryTests.map((c) => [label(c), c] as const))('%s', (_, [source, context = {}]) => {
    const closures = closureResult(source, context, 'unaryTests')
    const run = generateExpression({
      source,
      kind: 'unaryTests',
      root: syntaxTree(source, 'unaryTests'),
      isoDates: new Set(),
    })
    const value = run === null ? DEFER : run(context, true)
    if (value !== DEFER) {
      unaryDecided++
      expect(closures).toEqual({ ok: true, value, warnings: [] })
    }
  })

  it('decides most of them itself', () => {
    expect(unaryDecided).toBeGreaterThanOrEqual(15)
  })
})

describe('generated code agrees with the closures (and so with feelin) on the corpus', () => {
  it.each(expressions.map((c) => [label(c), c] as const))('%s', (_, [source, context = {}]) => {
    const expression = compiled(source)
    const closures = closureResult(source, context)
    const run = generated(source)
    const value = run === null ? DEFER : run(context, false)
    if (value !== DEFER) {
      decided++
      expect(closures).not.toBeNull()
      expect(normalise(value)).toEqual(normalise(closures?.ok === true ? closures.value : 'error'))
    }
    // strict: a value only where the closures give no warning
    const strict = run === null ? DEFER : run(context, true)
    if (strict !== DEFER) {
      expect(closures).toMatchObject({ ok: true, warnings: [] })
      expect(normalise(strict)).toEqual(normalise(value))
    }
    expect(normalise(expression.tryEvaluate(context))).toEqual(normalise(closures))
    const lean = compiled(source).evaluateValue(context)
    expect(lean === undefined ? 'deferred' : normalise(lean)).toEqual(
      closures?.ok === true ? normalise(closures.value) : 'deferred',
    )
  })

  it('decides most of the corpus itself', () => {
    expect(decided).toBeGreaterThanOrEqual(130)
  })

  it.each(decimalDifferences.map((d) => [d.source, d] as const))(
    'computes %s exactly',
    (source, { expected }) => {
      expect(compiled(source).evaluateValue({})).toEqual(expected)
    },
  )

  it.each(deferred.map((c) => [label(c), c] as const))(
    'defers on %s as the closures do',
    (_, [source, context = {}]) => {
      const run = generated(source)
      if (run !== null) expect([run(context, false), run(context, true)]).toEqual([DEFER, DEFER])
      expect(compiled(source).evaluateValue(context)).toBeUndefined()
    },
  )
})
