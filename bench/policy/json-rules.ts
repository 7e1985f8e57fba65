import { Engine } from 'json-rules-engine'
import type { Almanac } from 'json-rules-engine'
import type { Enterprise } from './enterprises.js'
import { ruleOf } from './policies.js'
import type { Policy } from './policies.js'

/**
 * One engine with the 50 policies as rules (`all` of the conditions). Built-in operators where
 * the package has one (lessThanInclusive, greaterThan[Inclusive], in, notIn, contains, equal;
 * nested any/all for `or`). What it lacks:
 * - dateOnOrBefore / dateOnOrAfter: custom operators comparing YYYY-MM-DD strings;
 * - startsWith: a custom operator for the region-code prefix;
 * - ratio: a dynamic fact with params `{ of, to }` reading both facts from the almanac; null for
 *   a zero denominator, which the numeric operators' validator turns into false, as FEEL's null.
 */
export function createRulesEngine(policies: readonly Policy[]): Engine {
  const engine = new Engine(policies.map(ruleOf))
  engine.addOperator<string, string>('dateOnOrBefore', (fact, value) => fact <= value)
  engine.addOperator<string, string>('dateOnOrAfter', (fact, value) => fact >= value)
  engine.addOperator<string, string>('startsWith', (fact, value) => fact.startsWith(value))
  engine.addFact('ratio', ratio)
  return engine
}

async function ratio(params: Record<string, unknown>, almanac: Almanac): Promise<number | null> {
  const of = await almanac.factValue<number>(String(params.of))
  const to = await almanac.factValue<number>(String(params.to))
  return to === 0 ? null : of / to
}

/** The ids of the policies the enterprise is eligible for. */
export async function eligibleRules(engine: Engine, enterprise: Enterprise): Promise<Set<string>> {
  const { results } = await engine.run(enterprise)
  return new Set(results.map((r) => r.name))
}
