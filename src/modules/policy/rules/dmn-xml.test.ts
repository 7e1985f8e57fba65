import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { compileDecisionTable } from './compile-table.js'
import { parseDmnXml } from './dmn-xml.js'
import type { DmnDecision } from './dmn-xml.js'
import { evaluateDecisionTable } from './evaluate-table.js'
import type { PolicyIssue } from './policy-issues.js'

const fixture = (): Promise<string> =>
  readFile(new URL('./fixtures/subsidy-rates.dmn', import.meta.url), 'utf8')

async function decisions(xml: string): Promise<readonly DmnDecision[]> {
  const parsed = await parseDmnXml(xml, 'subsidy-rates.dmn')
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.decisions
}

describe('parseDmnXml', () => {
  it('reads decision tables: hit policy, aggregation, inputs, outputs and rules', async () => {
    const [rate, bonus] = await decisions(await fixture())
    expect(rate).toMatchObject({ id: 'ratePerHire', name: '每人补贴标准' })
    expect(rate?.table).toMatchObject({
      hitPolicy: 'UNIQUE',
      inputs: [
        { expression: 'category', label: '人员类别' },
        { expression: 'insuredMonths', label: '参保月数' },
      ],
      outputs: [{ name: 'rate', label: '每人补贴（元）' }],
    })
    expect(rate?.table.rules[1]).toEqual({
      id: 'graduateShort',
      when: ['"高校毕业生"', '[3..12)'],
      then: ['1500'],
      description: '高校毕业生，参保 3 至 11 个月',
    })
    expect(bonus?.table).toMatchObject({ hitPolicy: 'COLLECT', aggregation: 'SUM' })
  })

  it('gives tables that compile and evaluate', async () => {
    const [rate, bonus] = await decisions(await fixture())
    const scope = {
      facts: new Set(['category', 'insuredMonths', 'newHires']),
      decisions: new Set<string>(),
      builtins: new Set<string>(),
    }
    const issues: PolicyIssue[] = []
    const rateTable = compileDecisionTable(rate!.table, '', scope, issues)
    const bonusTable = compileDecisionTable(bonus!.table, '', scope, issues)
    expect(issues).toEqual([])
    expect(
      evaluateDecisionTable(rateTable!, { category: '高校毕业生', insuredMonths: 6 }),
    ).toMatchObject({ value: 1500, matched: [1] })
    expect(
      evaluateDecisionTable(rateTable!, { category: '就业困难人员', insuredMonths: 3 }),
    ).toMatchObject({ value: 1000.5 })
    expect(evaluateDecisionTable(bonusTable!, { newHires: 12 })).toMatchObject({ value: 0.3 })
  })

  it('reports malformed XML with the line and column of the parser', async () => {
    const parsed = await parseDmnXml(
      '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/">\n<decision id="a">',
      'broken.dmn',
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.issues).toMatchObject([
      { path: '', code: 'POLICY_DMN_INVALID', source: { file: 'broken.dmn' } },
    ])
  })

  it('reports an unknown hit policy at the decision', async () => {
    const xml = (await fixture()).replace('hitPolicy="UNIQUE"', 'hitPolicy="SOMETIMES"')
    const parsed = await parseDmnXml(xml, 'subsidy-rates.dmn')
    expect(parsed.ok ? [] : parsed.issues).toMatchObject([
      {
        path: '/decisions/ratePerHire/hitPolicy',
        code: 'POLICY_DMN_INVALID',
        source: { file: 'subsidy-rates.dmn' },
      },
    ])
  })

  it('reads a document that is not DMN as an issue, not an exception', async () => {
    const parsed = await parseDmnXml(
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>',
    )
    expect(parsed.ok).toBe(false)
  })
})
