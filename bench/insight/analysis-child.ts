/**
 * Child process of the insight figures; prints one JSON line (AnalysisResult) on stdout. Run as
 * `node --import tsx bench/insight/analysis-child.ts MODE FILE`:
 * - parse: decompress (if gzipped) and parse the XES with saxes, handlers that do nothing — the
 *   floor any XES reader in JavaScript pays;
 * - analyse: readXes into the columnar log, then the directly-follows graph, the variants and
 *   the performance statistics (waiting/service per activity, staff, department; case durations).
 * Its own process, so the peak memory (kernel maxRSS) is that of this work alone.
 */
import { SaxesParser } from 'saxes'
import { directlyFollowsGraph } from '../../src/modules/insight/discovery/dfg.js'
import { readXes } from '../../src/modules/insight/import/read-xes.js'
import { readText } from '../../src/modules/insight/import/text-source.js'
import { computeVariants } from '../../src/modules/insight/log/variants.js'
import { analysePerformance } from '../../src/modules/insight/performance/performance.js'
import { startPeakMemory } from '../governance/peak-memory.js'

export interface AnalysisResult {
  mode: string
  seconds: number
  /** User + system CPU time of the child: less disturbed than wall time by other load. */
  cpuSeconds: number
  maxRssMb: number
  sampledRssMb: number
  elements?: number
  cases?: number
  events?: number
  variants?: number
  edges?: number
  importSeconds?: number
}

const [mode, file] = process.argv.slice(2)
if ((mode !== 'parse' && mode !== 'analyse') || file === undefined) {
  process.stderr.write('usage: analysis-child.ts parse|analyse FILE\n')
  process.exit(2)
}

async function parseOnly(path: string): Promise<number> {
  const parser = new SaxesParser({ xmlns: false, position: true })
  let elements = 0
  parser.on('opentag', () => void elements++)
  parser.on('closetag', () => undefined)
  for await (const text of readText(path)) parser.write(text)
  parser.close()
  return elements
}

const memory = startPeakMemory()
const started = performance.now()
const cpuBefore = process.cpuUsage()
let result: Omit<AnalysisResult, 'seconds' | 'cpuSeconds' | 'maxRssMb' | 'sampledRssMb'>
if (mode === 'parse') {
  result = { mode, elements: await parseOnly(file) }
} else {
  const { log } = await readXes(file)
  const importSeconds = (performance.now() - started) / 1000
  const dfg = directlyFollowsGraph(log)
  const variants = computeVariants(log)
  analysePerformance(log)
  result = {
    mode,
    importSeconds,
    cases: log.caseCount,
    events: log.eventCount,
    variants: variants.length,
    edges: dfg.edges.length,
  }
}
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
process.stdout.write(`${JSON.stringify({ ...result, seconds, cpuSeconds, ...memory.stop() })}\n`)
