import { describe, expect, it } from 'vitest'
import { compileFeel } from '../compile-feel.js'
import { decimalDifferences, deferred, expressions } from '../corpus.data.js'
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

/** Generated code for a source, built directly so that a generator error fails the test. */
function generated(source: string) {
  return generateExpression({ source, root: syntaxTree(source, 'expression'), isoDates: new Set() })
}

function label([source, context]: CorpusCase): string {
  return `${source}  ${JSON.stringify(context ?? {}).slice(0, 60)}`
}

let decided = 0

describe('generated code agrees with the closures (and so with feelin) on the corpus', () => {
  it.each(expressions.map((c) => [label(c), c] as const))('%s', (_, [source, context = {}]) => {
    const closures = compiled(source).tryEvaluate(context)
    const run = generated(source)
    const value = run === null ? DEFER : run(context)
    if (value !== DEFER) {
      decided++
      expect(closures).not.toBeNull()
      expect(normalise(value)).toEqual(normalise(closures?.ok === true ? closures.value : 'error'))
    }
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
      if (run !== null) expect(run(context)).toBe(DEFER)
      expect(compiled(source).evaluateValue(context)).toBeUndefined()
    },
  )
})
