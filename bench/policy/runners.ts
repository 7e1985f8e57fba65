import type { Engine } from 'json-rules-engine'
import type { Enterprise } from './enterprises.js'
import { feelinEligible } from './feelin-peer.js'
import { createRulesEngine, eligibleRules } from './json-rules.js'
import type { PolicyEvaluator } from './ours.js'
import { oursEvaluator } from './ours.js'
import { feelContext } from './feel-context.js'
import { feelExpression, feelPolicy, handWritten } from './policies.js'
import type { Policy } from './policies.js'

/**
 * Evaluates every enterprise against every policy and writes verdict i × policies + p (1 =
 * eligible), so each engine's verdicts can be compared pair by pair.
 */
export type Runner = (
  enterprises: readonly Enterprise[],
  verdicts: Uint8Array,
) => void | Promise<void>

export function oursRunner(ours: PolicyEvaluator, policyCount: number): Runner {
  return (enterprises, verdicts) => {
    for (let i = 0; i < enterprises.length; i++) {
      const facts = ours.prepare(enterprises[i] as Enterprise)
      const row = i * policyCount
      for (let p = 0; p < policyCount; p++) verdicts[row + p] = ours.eligible(facts, p) ? 1 : 0
    }
  }
}

export function handRunner(policies: readonly Policy[]): Runner {
  const tests = policies.map(handWritten)
  const n = tests.length
  return (enterprises, verdicts) => {
    for (let i = 0; i < enterprises.length; i++) {
      const e = enterprises[i] as Enterprise
      const row = i * n
      for (let p = 0; p < n; p++)
        verdicts[row + p] = (tests[p] as (e: Enterprise) => boolean)(e) ? 1 : 0
    }
  }
}

/** One engine.run per enterprise evaluates its 50 rules; a rule among `results` is eligible. */
export function rulesRunner(engine: Engine, policies: readonly Policy[]): Runner {
  const index = new Map(policies.map((p, k) => [p.id, k]))
  const n = policies.length
  return async (enterprises, verdicts) => {
    for (let i = 0; i < enterprises.length; i++) {
      verdicts.fill(0, i * n, (i + 1) * n)
      for (const id of await eligibleRules(engine, enterprises[i] as Enterprise)) {
        const p = index.get(id)
        if (p === undefined) throw new Error(`json-rules-engine: unknown rule ${id}`)
        verdicts[i * n + p] = 1
      }
    }
  }
}

/** feelin gets the same context as ours (dates as FeelDate) and one expression per policy. */
export function feelinRunner(policies: readonly Policy[]): Runner {
  const expressions = policies.map(feelExpression)
  const n = expressions.length
  return (enterprises, verdicts) => {
    for (let i = 0; i < enterprises.length; i++) {
      const context = feelContext(enterprises[i] as Enterprise)
      for (let p = 0; p < n; p++) {
        verdicts[i * n + p] = feelinEligible(expressions[p] as string, context) ? 1 : 0
      }
    }
  }
}

export type Form = 'ours' | 'hand' | 'rules' | 'feelin'

/** The four forms of the same policies, each as a runner. */
export function formRunners(policies: readonly Policy[]): Record<Form, Runner> {
  return {
    ours: oursRunner(oursEvaluator(policies.map(feelPolicy)), policies.length),
    hand: handRunner(policies),
    rules: rulesRunner(createRulesEngine(policies), policies),
    feelin: feelinRunner(policies),
  }
}
