import { describe, expect, it } from 'vitest'
import { POPULATION_STANDARD } from '../standards/index.js'
import { createQualityRun, generatePopulationRows, standardRules } from './index.js'
import type { PlantedErrorKind } from './index.js'

const ROWS = 200_000
const RULE_OF: Record<PlantedErrorKind, string> = {
  bad_id_check_digit: 'id_number.valid',
  birth_date_mismatch: 'id_birth_date_match',
  sex_mismatch: 'id_sex_match',
  unknown_ethnicity: 'ethnicity.valid',
  missing_name: 'name.required',
  invalid_phone: 'phone.valid',
  address_not_in_division: 'address_division_match',
  duplicate_id: 'id_number.unique',
}
const MB = 1024 * 1024

describe('a large quality run', () => {
  it('checks 200,000 rows in bounded memory', () => {
    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    const before = process.memoryUsage().heapUsed
    const started = performance.now()
    const run = createQualityRun(POPULATION_STANDARD, standardRules(POPULATION_STANDARD), {
      runAt: new Date('2024-06-30T02:00:00Z'),
    })
    let line = 1
    let peak = 0
    const planted = new Map<string, number>()
    for (const generated of generatePopulationRows({ count: ROWS, seed: 11, errorRate: 0.05 })) {
      run.add({ kind: 'row', line: ++line, record: generated.row })
      for (const { kind } of generated.planted) {
        planted.set(RULE_OF[kind], (planted.get(RULE_OF[kind]) ?? 0) + 1)
      }
      if (line % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before)
    }
    const report = run.finish()
    const seconds = (performance.now() - started) / 1000
    console.log(
      `${ROWS} rows (generated and checked) in ${seconds.toFixed(2)} s: ` +
        `${Math.round(ROWS / seconds)} rows/s, heap growth ≤ ${(peak / MB).toFixed(1)} MB, score ${report.score}`,
    )
    expect(report.rows).toBe(ROWS)
    // The uniqueness index holds 100,000 exact keys then 64-bit hashes: ~20 MB at this size.
    expect(peak).toBeLessThan(80 * MB)
    for (const rule of report.rules) expect(rule.samples.length).toBeLessThanOrEqual(20)
    // Each planted error fails exactly its rule, hashed uniqueness included (past 100,000 keys).
    const failed = report.rules.filter((r) => r.failed > 0).map((r) => [r.id, r.failed])
    expect(Object.fromEntries(failed)).toEqual(Object.fromEntries(planted))
  })
})
