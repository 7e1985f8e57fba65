import type { CompiledFeelExpression } from '../../src/platform/feel/index.js'
import type { Enterprise } from './enterprises.js'
import { feelContext } from './feel-context.js'
import { compile } from './ours.js'
import type { Policy } from './policies.js'

type TemplateCost = { deferred: number; runs: number; nanoseconds: number }

/**
 * Per condition template: how often the compiled closures defer to the feelin interpreter
 * (`tryEvaluate` → null; zero means the timing measured compiled code only) and the cost of
 * one `evaluate`, so a slow construct shows by name.
 */
export function templateCosts(
  enterprises: readonly Enterprise[],
  policies: readonly Policy[],
): Map<string, TemplateCost> {
  const contexts = enterprises.map(feelContext)
  const byTemplate = new Map<string, CompiledFeelExpression[]>()
  for (const policy of policies) {
    for (const c of policy.conditions) {
      const list = byTemplate.get(c.template) ?? []
      list.push(compile(policy.id, c.feel))
      byTemplate.set(c.template, list)
    }
  }
  const costs = new Map<string, TemplateCost>()
  for (const [template, compiled] of byTemplate) costs.set(template, cost(compiled, contexts))
  return costs
}

function cost(
  compiled: CompiledFeelExpression[],
  contexts: Record<string, unknown>[],
): TemplateCost {
  let deferred = 0
  for (const c of compiled) for (const x of contexts) if (c.tryEvaluate(x) === null) deferred++
  let runs = 0
  const started = performance.now()
  while (performance.now() - started < 50) {
    for (const c of compiled) for (const x of contexts) c.evaluate(x)
    runs += compiled.length * contexts.length
  }
  const nanoseconds = ((performance.now() - started) * 1e6) / runs
  return { deferred, runs: compiled.length * contexts.length, nanoseconds }
}
