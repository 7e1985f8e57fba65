import type { BenchRow } from './authz.js'
import {
  findDuplicates,
  PERSON_PRESET,
  type DedupConfig,
} from '../src/modules/governance/dedup/index.js'
import { generateChinesePersons } from '../src/modules/governance/dedup/planted-duplicates-fixtures.js'
import {
  FEBRL_CONFIG,
  febrlAvailable,
  febrlEntity,
  loadFebrl,
  pairwiseScores,
} from '../src/modules/governance/dedup/test-fixtures.js'
import { runFigures, type Emit } from './figures.js'
import { benchQuality } from './governance/quality-figure.js'

const BRUTE_FORCE: DedupConfig = {
  ...PERSON_PRESET,
  blocking: [{ name: 'all-pairs', parts: [] }],
  maxBlockSize: Number.POSITIVE_INFINITY,
}
const round = (n: number, digits = 4): number => Number(n.toFixed(digits))
const log = (line: string): void => void process.stderr.write(`governance: ${line}\n`)

function run(count: number, config: DedupConfig) {
  const { records, entityOf } = generateChinesePersons(count, { seed: 2026 })
  const started = performance.now()
  const result = findDuplicates(records, config)
  const seconds = (performance.now() - started) / 1000
  const scores = pairwiseScores(
    result.clusters,
    records.map((r) => r.id),
    (id) => entityOf.get(id) ?? id,
  )
  log(
    `${count} records: ${result.pairsCompared} of ${result.allPairs} pairs, ${seconds.toFixed(2)} s, precision ${scores.precision.toFixed(4)}, recall ${scores.recall.toFixed(4)}`,
  )
  return { seconds, scores, result }
}

/** Dedup figure: 100,000 generated persons (10 % planted duplicates) and the brute-force peer. */
function benchDedup(): BenchRow[] {
  const bruteSample = run(5_000, BRUTE_FORCE)
  const blockedSample = run(5_000, PERSON_PRESET)
  const full = run(100_000, PERSON_PRESET)
  // The peer for 100,000 is brute force measured on 5,000 and scaled by the number of pairs.
  const bruteFullSeconds =
    bruteSample.seconds * (full.result.allPairs / bruteSample.result.allPairs)
  const target = { peer: 'target', peerValue: 0.95 }
  return [
    {
      bench: 'governance',
      metric: 'dedup_5k_seconds',
      value: round(blockedSample.seconds),
      unit: 's',
      peer: 'brute force all pairs, same 5,000 records',
      peerValue: round(bruteSample.seconds),
      ratio: round(bruteSample.seconds / blockedSample.seconds, 1),
    },
    {
      bench: 'governance',
      metric: 'dedup_100k_seconds',
      value: round(full.seconds, 2),
      unit: 's',
      peer: 'brute force, extrapolated from the 5,000 sample by pairs',
      peerValue: round(bruteFullSeconds, 0),
      ratio: round(bruteFullSeconds / full.seconds, 1),
    },
    {
      bench: 'governance',
      metric: 'dedup_100k_pairs_compared',
      value: full.result.pairsCompared,
      unit: 'pairs',
      peer: 'all pairs',
      peerValue: full.result.allPairs,
      ratio: round(full.result.pairsCompared / full.result.allPairs, 6),
    },
    {
      bench: 'governance',
      metric: 'dedup_100k_precision',
      value: round(full.scores.precision),
      unit: 'share',
      ...target,
      ratio: round(full.scores.precision / 0.95),
    },
    {
      bench: 'governance',
      metric: 'dedup_100k_recall',
      value: round(full.scores.recall),
      unit: 'share',
      ...target,
      ratio: round(full.scores.recall / 0.95),
    },
  ]
}

/** Precision and recall on the public Febrl records (Latin names), when ../shared/data is there. */
function benchFebrl(): BenchRow[] {
  const rows: BenchRow[] = []
  for (const file of ['febrl_dataset1.csv', 'febrl_dataset3.csv']) {
    if (!febrlAvailable(file)) {
      log(`${file} not found under ../shared/data/febrl; skipped`)
      continue
    }
    const records = loadFebrl(file)
    const result = findDuplicates(records, FEBRL_CONFIG)
    const scores = pairwiseScores(
      result.clusters,
      records.map((r) => r.id),
      febrlEntity,
    )
    const name = file.replace('febrl_', '').replace('.csv', '')
    for (const [metric, value] of [
      ['precision', scores.precision],
      ['recall', scores.recall],
    ] as const) {
      rows.push({
        bench: 'governance',
        metric: `febrl_${name}_${metric}`,
        value: round(value),
        unit: 'share',
        peer: 'target',
        peerValue: 0.95,
        ratio: round(value / 0.95),
      })
    }
  }
  return rows
}

/**
 * `npm run bench -- governance`: the dedup figures, the Febrl figures, then the data-quality
 * figure (1,000,000 generated 人口 rows checked against the population standard, DuckDB as the
 * peer). `BENCH_ONLY=dedup,febrl,quality` runs some of them.
 */
export function benchGovernance(emit: Emit): Promise<void> {
  return runFigures(
    'governance',
    [
      { key: 'dedup', name: 'dedup of 100,000 generated persons', run: async () => benchDedup() },
      { key: 'febrl', name: 'dedup of the Febrl records', run: async () => benchFebrl() },
      { key: 'quality', name: 'quality check of 1,000,000 人口 rows', run: benchQuality },
    ],
    emit,
  )
}
