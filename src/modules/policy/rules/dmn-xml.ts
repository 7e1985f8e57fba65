import { DmnModdle } from 'dmn-moddle'
import type { DmnElement } from 'dmn-moddle'
import { AGGREGATIONS, HIT_POLICIES } from './decision-table.types.js'
import type { Aggregation, DecisionTable, HitPolicy, TableRule } from './decision-table.types.js'
import { issue } from './policy-issues.js'
import type { PolicyIssue } from './policy-issues.js'

/** A decision of a DMN file whose logic is a decision table. */
export type DmnDecision = {
  readonly id: string
  readonly name: string
  readonly table: DecisionTable
}

export type DmnParseResult =
  { ok: true; decisions: readonly DmnDecision[] } | { ok: false; issues: readonly PolicyIssue[] }

/**
 * Reads DMN 1.3 XML with dmn-moddle (the bpmn-io parser) into decision tables. Malformed XML,
 * an unknown hit policy or aggregation, or a decision table without inputs are reported as
 * issues whose path names the DMN element by id (`/decisions/<id>/…`) and whose source is the file.
 */
export async function parseDmnXml(xml: string, file = 'decisions.dmn'): Promise<DmnParseResult> {
  let root: DmnElement
  try {
    root = (await DmnModdle().fromXML(xml)).rootElement
  } catch (error: unknown) {
    const reason =
      error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : String(error)
    return {
      ok: false,
      issues: [
        located(
          issue(
            '',
            'POLICY_DMN_INVALID',
            `DMN 文件无法解析：${reason}`,
            `The DMN file cannot be read: ${reason}`,
          ),
          file,
          reason,
        ),
      ],
    }
  }
  const issues: PolicyIssue[] = []
  const decisions = elements(root, 'drgElement')
    .filter((element) => element.$type === 'dmn:Decision')
    .flatMap((decision) => {
      const table = readDecision(decision, `/decisions/${decision.id ?? ''}`, issues)
      return table === null
        ? []
        : [{ id: decision.id ?? '', name: decision.name ?? decision.id ?? '', table }]
    })
  if (issues.length > 0)
    return { ok: false, issues: issues.map((found) => ({ ...found, source: { file } })) }
  return { ok: true, decisions }
}

function located(found: PolicyIssue, file: string, reason: string): PolicyIssue {
  const line = /line: (\d+)/.exec(reason)?.[1]
  const column = /column: (\d+)/.exec(reason)?.[1]
  return {
    ...found,
    source: { file, line: Number(line ?? 0) + 1, column: Number(column ?? 0) + 1 },
  }
}

function readDecision(
  decision: DmnElement,
  path: string,
  issues: PolicyIssue[],
): DecisionTable | null {
  const logic = element(decision, 'decisionLogic')
  if (logic?.$type !== 'dmn:DecisionTable') return null
  const hitPolicy = text(logic, 'hitPolicy') ?? 'UNIQUE'
  const aggregation = text(logic, 'aggregation')
  if (!(HIT_POLICIES as readonly string[]).includes(hitPolicy)) {
    issues.push(
      issue(
        `${path}/hitPolicy`,
        'POLICY_DMN_INVALID',
        `决策“${decision.id ?? ''}”的命中策略“${hitPolicy}”无效`,
        `Decision '${decision.id ?? ''}' has an unknown hit policy '${hitPolicy}'`,
      ),
    )
    return null
  }
  if (aggregation !== undefined && !(AGGREGATIONS as readonly string[]).includes(aggregation)) {
    issues.push(
      issue(
        `${path}/aggregation`,
        'POLICY_DMN_INVALID',
        `决策“${decision.id ?? ''}”的汇总方式“${aggregation}”无效`,
        `Decision '${decision.id ?? ''}' has an unknown aggregation '${aggregation}'`,
      ),
    )
    return null
  }
  const inputs = elements(logic, 'input').map((input) => ({
    expression: text(element(input, 'inputExpression'), 'text') ?? '',
    ...optional('label', text(input, 'label')),
  }))
  const outputs = elements(logic, 'output').map((output) => ({
    name: output.name ?? '',
    ...optional('label', text(output, 'label')),
    ...optional('values', text(element(output, 'outputValues'), 'text')),
  }))
  return {
    hitPolicy: hitPolicy as HitPolicy,
    ...(aggregation === undefined ? {} : { aggregation: aggregation as Aggregation }),
    inputs,
    outputs,
    rules: elements(logic, 'rule').map(readRule),
  }
}

function readRule(rule: DmnElement): TableRule {
  return {
    ...optional('id', rule.id),
    when: elements(rule, 'inputEntry').map((entry) => text(entry, 'text') ?? ''),
    then: elements(rule, 'outputEntry').map((entry) => text(entry, 'text') ?? ''),
    ...optional('description', text(rule, 'description')),
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>)
}

function element(parent: DmnElement | undefined, key: string): DmnElement | undefined {
  const value = parent?.[key]
  return typeof value === 'object' && value !== null ? (value as DmnElement) : undefined
}

function elements(parent: DmnElement, key: string): DmnElement[] {
  const value = parent[key]
  return Array.isArray(value) ? (value as DmnElement[]) : []
}

function text(parent: DmnElement | undefined, key: string): string | undefined {
  const value = parent?.[key]
  return typeof value === 'string' ? value : undefined
}
