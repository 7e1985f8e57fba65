/**
 * Child process of the data-quality figure (ours): checks the CSV against the population
 * standard with checkFile, the function the HTTP check job runs (worker threads for a large CSV
 * file), and prints one JSON line (CheckResult) on stdout. Run as
 * `node --import tsx bench/governance/check-child.ts FILE RUN_AT [WORKERS]`, so the peak memory it
 * reports is its own; WORKERS=0 checks the file in one pass in this thread.
 */
import { checkFile } from '../../src/modules/governance/quality-check.js'
import { startPeakMemory, type CheckResult } from './peak-memory.js'

const [file, runAtText, workersText] = process.argv.slice(2)
if (file === undefined || runAtText === undefined) {
  process.stderr.write('usage: check-child.ts FILE RUN_AT [WORKERS]\n')
  process.exit(2)
}
const workers = workersText === undefined ? undefined : Number(workersText)

const memory = startPeakMemory()
const started = performance.now()
const report = await checkFile({
  path: file,
  fileName: file,
  standard: 'population',
  columns: {},
  runAt: new Date(runAtText),
  samplesPerRule: 20,
  ...(workers === undefined ? {} : { parallel: workers < 2 ? false : { workers } }),
})
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
