import type { RuleProperties } from 'json-rules-engine'
import type { Enterprise } from './enterprises.js'
import { int, pick, sample, seeded } from './random.js'
import { TEMPLATES } from './templates.js'
import type { Condition } from './templates.js'

/** A policy: eligible when every condition holds. Each condition carries all its forms. */
export type Policy = { id: string; name: string; conditions: Condition[] }

/** The FEEL form the platform compiles: one condition string each. */
export type FeelPolicy = { id: string; conditions: string[] }

const KINDS = [
  '房租补贴',
  '研发费用补助',
  '稳岗返还',
  '高企认定奖励',
  '小微企业贷款贴息',
  '扩岗补助',
]

/** `count` policies of 3–8 conditions, each from a different template, from `seed`. */
export function generatePolicies(count: number, seed = 2026): Policy[] {
  const random = seeded(seed)
  return Array.from({ length: count }, (_, i) => {
    const templates = sample(TEMPLATES, int(3, 8, random), random)
    return {
      id: `P${String(i + 1).padStart(2, '0')}`,
      name: `${pick(KINDS, random)}-${i + 1}`,
      conditions: templates.map((t) => ({ template: t.name, ...t.draw(random) })),
    }
  })
}

export function feelPolicy(policy: Policy): FeelPolicy {
  return { id: policy.id, conditions: policy.conditions.map((c) => c.feel) }
}

/** One FEEL expression for the whole policy, as the feelin peer interprets it. */
export function feelExpression(policy: Policy): string {
  return policy.conditions.map((c) => `(${c.feel})`).join(' and ')
}

export function ruleOf(policy: Policy): RuleProperties {
  return {
    name: policy.id,
    conditions: { all: policy.conditions.map((c) => c.rule) },
    event: { type: 'eligible', params: { policy: policy.id } },
  }
}

/** The hand-written ceiling: the policy's closures, all must hold. */
export function handWritten(policy: Policy): (e: Enterprise) => boolean {
  const tests = policy.conditions.map((c) => c.test)
  return (e) => {
    for (const test of tests) if (!test(e)) return false
    return true
  }
}
