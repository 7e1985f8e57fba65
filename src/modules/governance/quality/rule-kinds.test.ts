import { describe, expect, it } from 'vitest'
import { computeCreditCodeCheckChar } from '../../../platform/standards/index.js'
import type { RowEvent } from '../input/index.js'
import { defineStandard, LEGAL_PERSON_STANDARD } from '../standards/index.js'
import { createQualityRun, standardRules, toScorePoint } from './index.js'
import type { QualityReport, QualityRuleSpec } from './index.js'

const runAt = new Date('2024-06-30T02:00:00Z')
const creditCode = (first17: string): string => first17 + computeCreditCodeCheckChar(first17)

const CASES = defineStandard({
  code: 'case_file',
  name: { zh: '案卷', en: 'Case file' },
  version: '1',
  elements: [
    { key: 'case_id', name: { zh: '案卷号', en: 'Case id' }, type: 'string', required: true },
    {
      key: 'updated_on',
      name: { zh: '更新日期', en: 'Updated on' },
      type: 'date',
      required: false,
    },
    { key: 'amount', name: { zh: '金额', en: 'Amount' }, type: 'decimal', required: false },
  ],
  crossChecks: [],
  uniqueKeys: [],
})

function check(
  rules: QualityRuleSpec[],
  records: Record<string, string | null>[],
  standard = CASES,
): QualityReport {
  const run = createQualityRun(standard, rules, { runAt })
  records.forEach((record, i) => run.add({ kind: 'row', line: i + 2, record }))
  return run.finish()
}

const ruleOf = (report: QualityReport, id: string) => report.rules.find((r) => r.id === id)!

describe('rule kinds', () => {
  it('counts a date older than maxAgeDays before the run date as not timely', () => {
    const rules: QualityRuleSpec[] = [
      { kind: 'timely', id: 'fresh', element: 'updated_on', maxAgeDays: 30 },
    ]
    const report = check(rules, [
      { case_id: 'a', updated_on: '2024-06-01' },
      { case_id: 'b', updated_on: '2024-05-31' },
      { case_id: 'c', updated_on: '2024-03-01' },
      { case_id: 'd', updated_on: 'unknown' },
      { case_id: 'e', updated_on: null },
    ])
    expect(ruleOf(report, 'fresh')).toMatchObject({ passed: 2, failed: 1, skipped: 2 })
    expect(ruleOf(report, 'fresh').samples[0]?.message.en).toBe(
      '2024-03-01 is 121 days before 2024-06-30, more than 30',
    )
    expect(report.dimensions.timeliness.score).toBeCloseTo(66.67, 2)
  })

  it('checks a value against another dataset', () => {
    const known = new Set(['a', 'b'])
    const rules: QualityRuleSpec[] = [
      {
        kind: 'reference',
        id: 'case_exists',
        element: 'case_id',
        dataset: { zh: '案卷登记簿', en: 'the case register' },
        values: known,
      },
    ]
    const report = check(rules, [{ case_id: 'a' }, { case_id: 'x' }])
    expect(ruleOf(report, 'case_exists')).toMatchObject({ passed: 1, failed: 1 })
    expect(ruleOf(report, 'case_exists').samples[0]).toMatchObject({
      line: 3,
      values: { case_id: 'x' },
      reason: 'reference.missing',
    })
  })

  it('gives FEEL numbers for decimal elements and skips rows with an empty field', () => {
    const rules: QualityRuleSpec[] = [
      {
        kind: 'feel',
        id: 'big',
        dimension: 'validity',
        expression: 'amount > 100',
        element: 'amount',
      },
      {
        kind: 'feel',
        id: 'either',
        dimension: 'completeness',
        expression: 'amount != null or updated_on != null',
        onEmpty: 'evaluate',
      },
      { kind: 'feel', id: 'text', dimension: 'validity', expression: 'case_id + "!"' },
    ]
    const report = check(rules, [
      { case_id: 'a', amount: '150.5' },
      { case_id: 'b', amount: '99' },
      { case_id: 'c', amount: null },
    ])
    expect(ruleOf(report, 'big')).toMatchObject({
      passed: 1,
      failed: 1,
      skipped: 1,
      fields: ['amount'],
    })
    expect(ruleOf(report, 'either')).toMatchObject({ passed: 2, failed: 1 })
    expect(ruleOf(report, 'text').reasons).toEqual({ 'feel.not_boolean': 3 })
    expect(report.elements.amount?.score).toBe(50)
  })

  it('finds duplicates of a composite key after switching to hashes', () => {
    const rules: QualityRuleSpec[] = [
      { kind: 'unique', id: 'pair', fields: ['case_id', 'updated_on'], exactLimit: 2 },
    ]
    const report = check(rules, [
      { case_id: 'a', updated_on: '2024-01-01' },
      { case_id: 'a', updated_on: '2024-01-02' },
      { case_id: 'b', updated_on: '2024-01-01' },
      { case_id: 'A', updated_on: '2024-01-01' },
      { case_id: 'b', updated_on: '2024-01-01' },
    ])
    expect(ruleOf(report, 'pair')).toMatchObject({
      passed: 3,
      failed: 2,
      element: null,
      scope: 'row',
    })
    expect(ruleOf(report, 'pair').samples.map((s) => s.message.en)).toEqual([
      'Duplicates line 2',
      'Duplicates line 4',
    ])
  })

  it('checks a legal person against its standard, with columns and amounts', () => {
    const record = {
      统一社会信用代码: creditCode('91330106MA2AB1C2D'),
      名称: '杭州通达科技有限公司',
      法定代表人: '张伟',
      住所: '浙江省杭州市西湖区文三路 90 号',
      区划: '330106',
      行业: 'I6510',
      注册资本: '1000.50',
      成立日期: '2015-03-01',
    }
    const columns = {
      credit_code: '统一社会信用代码',
      name: '名称',
      legal_representative: '法定代表人',
      registered_address: '住所',
      registered_division: '区划',
      industry_code: '行业',
      registered_capital: '注册资本',
      established_on: '成立日期',
    }
    const run = createQualityRun(LEGAL_PERSON_STANDARD, standardRules(LEGAL_PERSON_STANDARD), {
      runAt,
      columns,
    })
    run.add({ kind: 'row', line: 2, record })
    run.add({ kind: 'row', line: 3, record: { ...record, 注册资本: '-5', 行业: 'A35' } })
    const report = run.finish()
    expect(ruleOf(report, 'credit_code.unique').failed).toBe(1)
    expect(ruleOf(report, 'registered_capital.valid').reasons).toEqual({ 'amount.negative': 1 })
    expect(ruleOf(report, 'industry_code.valid').reasons).toEqual({ 'gb4754.section_mismatch': 1 })
    expect(ruleOf(report, 'address_division_match').failed).toBe(0)
  })
})

describe('unreadable rows and code mappings', () => {
  const error: RowEvent = {
    kind: 'error',
    line: 3,
    reason: { code: 'GOVERNANCE_INPUT_COLUMN_COUNT', zh: '列数不对', en: 'Wrong column count' },
    raw: 'a,b,c,d',
  }

  it('counts an unreadable row against readability and completeness, and samples it', () => {
    const run = createQualityRun(CASES, standardRules(CASES), { runAt })
    run.add({ kind: 'row', line: 2, record: { case_id: 'a' } })
    run.add(error)
    const report = run.finish()
    expect(report).toMatchObject({ rows: 1, unreadableRows: 1 })
    expect(ruleOf(report, 'row.readable')).toMatchObject({
      passed: 1,
      failed: 1,
      dimension: 'validity',
    })
    expect(ruleOf(report, 'row.readable').samples).toEqual([
      {
        line: 3,
        values: {},
        reason: 'GOVERNANCE_INPUT_COLUMN_COUNT',
        message: { zh: '列数不对', en: 'Wrong column count' },
        raw: 'a,b,c,d',
      },
    ])
    expect(ruleOf(report, 'case_id.required')).toMatchObject({ passed: 1, failed: 1 })
    expect(ruleOf(report, 'case_id.required').reasons).toEqual({ 'input.unreadable': 1 })
  })

  it('maps local values onto national codes before checking them', () => {
    const codeMappings = {
      sex: { source: 'old-system', codeSetId: 'sex', entries: { 男: '1', 女: '2' } },
    }
    const rules: QualityRuleSpec[] = [{ kind: 'valid', id: 'sex.valid', element: 'sex' }]
    const run = createQualityRun('population', rules, { runAt, codeMappings })
    for (const [i, sex] of ['男', ' 女 ', '1', '未知'].entries()) {
      run.add({ kind: 'row', line: i + 2, record: { sex } })
    }
    const report = run.finish()
    expect(ruleOf(report, 'sex.valid')).toMatchObject({ passed: 3, failed: 1 })
    expect(ruleOf(report, 'sex.valid').samples[0]?.values).toEqual({ sex: '未知' })
  })

  it('turns a report into a score point for the history', () => {
    const report = check(standardRules(CASES), [{ case_id: 'a' }, { case_id: null }])
    expect(toScorePoint(report)).toEqual({
      at: '2024-06-30T02:00:00.000Z',
      standard: 'case_file',
      score: 75,
      dimensions: {
        completeness: 50,
        validity: 100,
        consistency: null,
        uniqueness: null,
        timeliness: null,
        reference: null,
      },
      elements: { case_id: 50, updated_on: null, amount: null },
    })
  })
})
