import type { CompiledVersion } from './compile-policy.js'
import { evaluateTableWith } from './evaluate-table.js'
import type { TableResult } from './evaluate-table.js'
import { feelDate } from './fact-values.js'
import type { Undecided } from './knowledge.js'
import { EVALUATION_DATE } from './policy.types.js'
import type { FactDeclaration } from './policy.types.js'

/**
 * The FEEL context for one evaluation: the caller's facts object itself when the version needs
 * nothing more (or the facts were made by prepareFacts for this date), else a copy with date
 * facts as FEEL dates and `evaluationDate` set.
 */
export function feelContext(
  version: CompiledVersion,
  facts: Readonly<Record<string, unknown>>,
  on: string,
): Record<string, unknown> {
  if (version.plainContext) return facts
  if (version.decisions.length === 0 && prepared(version, facts, on)) return facts
  const context: Record<string, unknown> = { ...facts }
  for (const name of version.dateFacts) {
    const value = facts[name]
    if (typeof value === 'string') context[name] = feelDate(value)
  }
  if (version.readsEvaluationDate) context[EVALUATION_DATE] = feelDate(on)
  return context
}

function prepared(
  version: CompiledVersion,
  facts: Readonly<Record<string, unknown>>,
  on: string,
): boolean {
  for (const name of version.dateFacts) if (typeof facts[name] === 'string') return false
  return !version.readsEvaluationDate || facts[EVALUATION_DATE] === feelDate(on)
}

/**
 * Facts as FEEL reads them, made once per enterprise for a batch: date facts (by the given
 * declarations, e.g. every policy's) become FEEL dates and `evaluationDate` the date `on`, so
 * isEligible evaluates policies without decisions over this object without copying it.
 */
export function prepareFacts(
  facts: Readonly<Record<string, unknown>>,
  declarations: Iterable<FactDeclaration>,
  on: string,
): Record<string, unknown> {
  const prepared: Record<string, unknown> = { ...facts, [EVALUATION_DATE]: feelDate(on) }
  for (const fact of declarations) {
    const value = facts[fact.name]
    if (fact.type === 'date' && typeof value === 'string') prepared[fact.name] = feelDate(value)
  }
  return prepared
}

/**
 * Evaluates the version's decisions in order, writing each decided result into the context
 * under the decision's name. Returns the undecided ones (unknown or failed) with the facts they
 * need, or null when all were decided. `report` sees every table result (explanations).
 */
export function decideAll(
  version: CompiledVersion,
  context: Record<string, unknown>,
  report?: (name: string, result: TableResult) => void,
): Undecided {
  let undecided: Map<string, readonly string[]> | null = null
  for (const decision of version.decisions) {
    const result = evaluateTableWith(decision.table, context, undecided)
    const name = decision.spec.name
    report?.(name, result)
    if (result.status === 'decided') {
      context[name] = result.value
      continue
    }
    context[name] = null
    undecided ??= new Map()
    undecided.set(name, result.status === 'unknown' ? result.need : [])
  }
  return undecided
}
