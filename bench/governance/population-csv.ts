import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { stat } from 'node:fs/promises'
import { generatePopulationRows, toCsvLine } from '../../src/modules/governance/quality/index.js'
import { POPULATION_STANDARD } from '../../src/modules/governance/standards/index.js'

const BATCH = 2_000

/**
 * Writes `count` generated 人口 rows (10 % with one planted error) as CSV, header first,
 * streamed in batches so memory stays flat whatever the count. Returns the file size in bytes.
 */
export async function writePopulationCsv(
  path: string,
  count: number,
  seed: number,
): Promise<number> {
  const keys = POPULATION_STANDARD.elements.map((element) => element.key)
  const out = createWriteStream(path)
  const failed = once(out, 'error').then(([error]: unknown[]) => {
    throw error
  })
  failed.catch(() => undefined)
  let batch = `${toCsvLine(keys)}\n`
  let lines = 0
  for (const { row } of generatePopulationRows({ count, seed, errorRate: 0.1 })) {
    batch += `${toCsvLine(keys.map((key) => row[key] ?? null))}\n`
    if (++lines % BATCH === 0) {
      if (!out.write(batch)) await Promise.race([once(out, 'drain'), failed])
      batch = ''
    }
  }
  out.end(batch)
  await Promise.race([once(out, 'finish'), failed])
  return (await stat(path)).size
}
