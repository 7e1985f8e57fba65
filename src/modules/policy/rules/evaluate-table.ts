import type { CompiledDecisionTable } from './compile-table.js'
import { run } from './feel-compile.js'
import { addNeed, readsUnknown } from './knowledge.js'
import type { Undecided } from './knowledge.js'
import { applyHitPolicy, MATCH, NO_MATCH, UNKNOWN } from './hit-policy.js'
import type { TableResult } from './hit-policy.js'

export type { TableResult } from './hit-policy.js'

/**
 * Evaluates a compiled table over a FEEL context. A name whose value is null or absent counts as
 * missing: a rule whose entry tests a missing input is undecided (never a non-match), and the
 * table result is `unknown` — naming the missing facts — unless the hit policy decides anyway
 * (FIRST: an earlier rule matched; UNIQUE: one rule matched). Never throws.
 */
export function evaluateDecisionTable(
  table: CompiledDecisionTable,
  context: Record<string, unknown>,
): TableResult {
  return evaluateTableWith(table, context, null)
}

/** As evaluateDecisionTable, with decisions of this evaluation that are still undecided. */
export function evaluateTableWith(
  table: CompiledDecisionTable,
  context: Record<string, unknown>,
  undecided: Undecided,
): TableResult {
  const { values, known, states } = table.scratch
  table.inputs.forEach((input, j) => {
    known[j] = !readsUnknown(input, context, undecided)
    const result = known[j] ? run(input.compiled, context) : null
    values[j] = result?.ok === true ? result.value : null
  })
  const cellContext = table.cellsReadNames ? { ...context } : table.scratch.cellContext
  for (const rule of table.rules) {
    states[rule.index] = ruleState(rule.cells, cellContext, context, undecided, table)
  }
  return applyHitPolicy(table, context, undecided, (need) =>
    inputNeed(table, context, undecided, need),
  )
}

function ruleState(
  cells: CompiledDecisionTable['rules'][number]['cells'],
  cellContext: Record<string, unknown>,
  context: Record<string, unknown>,
  undecided: Undecided,
  table: CompiledDecisionTable,
): number {
  let state = MATCH
  for (let j = 0; j < cells.length; j++) {
    const cell = cells[j]
    if (cell === undefined || cell.wildcard) continue
    if (!table.scratch.known[j] || readsUnknown(cell, context, undecided)) {
      state = UNKNOWN
      continue
    }
    cellContext['?'] = table.scratch.values[j]
    const result = run(cell.compiled, cellContext)
    if (!result.ok || result.value !== true) return NO_MATCH
  }
  return state
}

/** The facts behind inputs that undecided rules test. */
function inputNeed(
  table: CompiledDecisionTable,
  context: Record<string, unknown>,
  undecided: Undecided,
  need: string[],
): void {
  const { known, states } = table.scratch
  for (const rule of table.rules) {
    if (states[rule.index] !== UNKNOWN) continue
    rule.cells.forEach((cell, j) => {
      if (cell.wildcard) return
      const input = table.inputs[j]
      if (!known[j] && input !== undefined) addNeed(input, context, undecided, need)
      addNeed(cell, context, undecided, need)
    })
  }
}
