import { describe, expect, it } from 'vitest'
import { POPULATION_STANDARD } from '../standards/index.js'
import { createQualityRun, generatePopulationRows, standardRules } from './index.js'
import type { FeelRuleSpec, PlantedErrorKind, QualityReport } from './index.js'

const RUN_AT = new Date('2024-06-30T02:00:00Z')
const ROWS = 5_000

const BIRTH_DATE_FEEL: FeelRuleSpec = {
  kind: 'feel',
  id: 'birth_date_feel',
  dimension: 'consistency',
  expression:
    'birth_date = substring(id_number, 7, 4) + "-" + substring(id_number, 11, 2) + "-" + substring(id_number, 13, 2)',
}

// The rules each planted error must make fail, and no others.
const EXPECTED: Record<PlantedErrorKind, string[]> = {
  bad_id_check_digit: ['id_number.valid'],
  birth_date_mismatch: ['id_birth_date_match', 'birth_date_feel'],
  sex_mismatch: ['id_sex_match'],
  unknown_ethnicity: ['ethnicity.valid'],
  missing_name: ['name.required'],
  invalid_phone: ['phone.valid'],
  address_not_in_division: ['address_division_match'],
  duplicate_id: ['id_number.unique'],
}

function runGenerated(samplesPerRule: number) {
  const rules = [...standardRules(POPULATION_STANDARD), BIRTH_DATE_FEEL]
  const run = createQualityRun('population', rules, { runAt: RUN_AT, samplesPerRule })
  const expected = new Map<number, string[]>()
  let line = 1
  for (const { row, planted } of generatePopulationRows({
    count: ROWS,
    seed: 42,
    errorRate: 0.1,
  })) {
    line++
    run.add({ kind: 'row', line, record: row })
    if (planted.length > 0) expected.set(line, planted.flatMap((p) => EXPECTED[p.kind]).sort())
  }
  return { report: run.finish(), expected }
}

function failuresByLine(report: QualityReport): Map<number, string[]> {
  const byLine = new Map<number, string[]>()
  for (const rule of report.rules) {
    for (const sample of rule.samples)
      byLine.set(sample.line, [...(byLine.get(sample.line) ?? []), rule.id])
  }
  for (const ids of byLine.values()) ids.sort()
  return byLine
}

describe('checking generated population rows with planted errors', () => {
  // Samples large enough to hold every failure, so each row's failures can be compared.
  const { report, expected } = runGenerated(ROWS)

  it('finds every planted error and fails no clean row', () => {
    const found = failuresByLine(report)
    const missed = [...expected].filter(([line, ids]) => String(found.get(line)) !== String(ids))
    const falseFailures = [...found].filter(([line]) => !expected.has(line))
    const recall = 1 - missed.length / expected.size
    console.log(
      `planted rows ${expected.size}, recall ${(recall * 100).toFixed(2)} %, ` +
        `false failures ${falseFailures.length}; score ${report.score}`,
    )
    console.table(
      Object.fromEntries(Object.entries(report.dimensions).map(([d, s]) => [d, s.score])),
    )
    expect(missed).toEqual([])
    expect(falseFailures).toEqual([])
    expect(expected.size).toBeGreaterThan(400)
  })

  it('plants every kind of error, duplicates included', () => {
    const kinds = new Set(report.rules.filter((r) => r.failed > 0).map((r) => r.id))
    for (const ids of Object.values(EXPECTED)) for (const id of ids) expect(kinds).toContain(id)
    const unique = report.rules.find((r) => r.id === 'id_number.unique')
    expect(unique?.reasons['uniqueness.duplicate']).toBeGreaterThan(0)
    expect(unique?.samples[0]?.message.en).toMatch(/^Duplicates line \d+$/)
  })

  it('scores each dimension and element between 0 and 100, below 100 where errors were planted', () => {
    expect(report.score).toBeGreaterThan(90)
    expect(report.score).toBeLessThan(100)
    expect(report.dimensions.timeliness.score).toBeNull()
    expect(report.dimensions.consistency.score).toBeLessThan(100)
    expect(report.elements.marital_status?.score).toBe(100)
    expect(report.elements.name?.score).toBeLessThan(100)
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })

  it('keeps at most samplesPerRule failing rows per rule, in line order', () => {
    const bounded = runGenerated(20).report
    for (const rule of bounded.rules) {
      expect(rule.samples.length).toBe(Math.min(rule.failed, 20))
      const lines = rule.samples.map((s) => s.line)
      expect(lines).toEqual([...lines].sort((a, b) => a - b))
    }
    const phone = bounded.rules.find((r) => r.id === 'phone.valid')
    expect(Object.keys(phone?.samples[0]?.values ?? {})).toEqual(['phone'])
  })
})
