import type { CheckedFeel } from './feel-compile.js'
import { isMissing } from './fact-values.js'

/** Decisions that could not be decided in this evaluation → the facts each one needs. */
export type Undecided = ReadonlyMap<string, readonly string[]> | null

/** True when the expression reads a missing fact or an undecided decision. */
export function readsUnknown(
  expression: CheckedFeel,
  context: Record<string, unknown>,
  undecided: Undecided,
): boolean {
  const { facts, decisions } = expression
  for (let i = 0; i < facts.length; i++) {
    if (isMissing(context[facts[i] as string])) return true
  }
  if (undecided === null) return false
  for (let i = 0; i < decisions.length; i++) {
    if (undecided.has(decisions[i] as string)) return true
  }
  return false
}

/** Adds the facts that would let the expression be evaluated (missing ones, and those undecided decisions need). */
export function addNeed(
  expression: CheckedFeel,
  context: Record<string, unknown>,
  undecided: Undecided,
  need: string[],
): void {
  for (const fact of expression.facts) {
    if (isMissing(context[fact]) && !need.includes(fact)) need.push(fact)
  }
  for (const decision of expression.decisions) {
    for (const fact of undecided?.get(decision) ?? []) if (!need.includes(fact)) need.push(fact)
  }
}
