import { parseFeelExpression } from '../../../platform/feel/index.js'
import type { CompiledFeel, FeelResult } from '../../../platform/feel/index.js'
import type { DataStandard } from '../standards/index.js'
import type { CompiledRule, FeelRuleSpec, RuleFailure, RuleOutcome } from './rule.types.js'

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Element keys the expression mentions as names (not as part of a longer name or a path). */
export function mentionedElements(expression: string, standard: DataStandard): string[] {
  return standard.elements
    .map((element) => element.key)
    .filter((key) =>
      new RegExp(`(?<![\\p{L}\\p{N}_.])${escapeRegExp(key)}(?![\\p{L}\\p{N}_])`, 'u').test(
        expression,
      ),
    )
}

function toOutcome(result: FeelResult, whenFalse: RuleFailure): RuleOutcome {
  if (!result.ok) return { reason: 'feel.error', message: result.error.message }
  if (result.value === true) return 'pass'
  if (result.value === false) return whenFalse
  const got = result.value === null ? 'null' : typeof result.value
  return {
    reason: 'feel.not_boolean',
    message: {
      zh: `表达式结果应为 true 或 false，实际为 ${got}`,
      en: `The expression yields ${got}, not true or false`,
    },
  }
}

function compile(spec: FeelRuleSpec): CompiledFeel {
  const parsed = parseFeelExpression(spec.expression)
  // checkRules refuses syntax errors before compiling; reaching this is a programming error.
  if (!parsed.ok) throw new Error(`Rule ${spec.id}: ${parsed.error.message.en}`)
  return parsed.expression
}

/** A FEEL rule: true passes, false fails, null or another value or an error fails too. */
export function feelRule(spec: FeelRuleSpec, standard: DataStandard): CompiledRule {
  const expression = compile(spec)
  const fields = spec.fields ?? mentionedElements(spec.expression, standard)
  const skipEmpty = (spec.onEmpty ?? 'skip') === 'skip'
  const whenFalse: RuleFailure = {
    reason: 'feel.false',
    message: spec.message ?? {
      zh: `不满足规则“${spec.id}”`,
      en: `Rule "${spec.id}" does not hold`,
    },
  }
  return {
    id: spec.id,
    kind: 'feel',
    name: spec.name ?? { zh: spec.expression, en: spec.expression },
    dimension: spec.dimension,
    element: spec.element ?? null,
    fields,
    check(row) {
      if (skipEmpty && fields.some((field) => (row.values[field] ?? null) === null)) return 'skip'
      return toOutcome(expression.evaluate(row.feelContext()), whenFalse)
    },
  }
}
