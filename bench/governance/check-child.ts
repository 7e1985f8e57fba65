/**
 * Child process of the data-quality figure (ours): reads the CSV with readRows, checks every row
 * against the population standard's own rules and prints one JSON line (CheckResult) on stdout.
 * Run as `node --import tsx bench/governance/check-child.ts FILE RUN_AT`, so the peak memory
 * it reports is its own.
 */
import { readRows } from '../../src/modules/governance/input/index.js'
import { createQualityRun, standardRules } from '../../src/modules/governance/quality/index.js'
import { POPULATION_STANDARD } from '../../src/modules/governance/standards/index.js'
import { startPeakMemory, type CheckResult } from './peak-memory.js'

const [file, runAtText] = process.argv.slice(2)
if (file === undefined || runAtText === undefined) {
  process.stderr.write('usage: check-child.ts FILE RUN_AT\n')
  process.exit(2)
}

const memory = startPeakMemory()
const started = performance.now()
const run = createQualityRun(POPULATION_STANDARD, standardRules(POPULATION_STANDARD), {
  runAt: new Date(runAtText),
})
let events = 0
for await (const event of readRows(file)) {
  run.add(event)
  if (++events % 250_000 === 0) process.stderr.write(`${events} rows checked\n`)
}
const report = run.finish()
const seconds = (performance.now() - started) / 1000
const peak = memory.stop()

const result: CheckResult = {
  engine: 'tongban',
  rows: report.rows + report.unreadableRows,
  seconds,
  failed: Object.fromEntries(report.rules.map((rule) => [rule.id, rule.failed])),
  ...peak,
}
process.stdout.write(`${JSON.stringify(result)}\n`)
