import type { Enterprise } from './enterprises.js'
import type { Runner } from './runners.js'

export type Timing = { pairsPerSecond: number; passes: number[]; verdicts: Uint8Array }

const log = (line: string): void => void process.stderr.write(`policy: ${line}\n`)

/**
 * Runs `runner` over all `enterprises` × `policyCount` pairs after a warm-up on the first
 * `warmUp` enterprises: pass after pass until `minSeconds` have gone by (at most `maxPasses`),
 * and keeps the fastest pass.
 */
export async function measure(
  name: string,
  runner: Runner,
  enterprises: readonly Enterprise[],
  policyCount: number,
  { warmUp = 500, minSeconds = 2, maxPasses = 5 } = {},
): Promise<Timing> {
  const verdicts = new Uint8Array(enterprises.length * policyCount)
  await runner(enterprises.slice(0, warmUp), verdicts)
  const passes: number[] = []
  let spent = 0
  while (passes.length < maxPasses && (passes.length === 0 || spent < minSeconds)) {
    const started = performance.now()
    await runner(enterprises, verdicts)
    const seconds = (performance.now() - started) / 1000
    spent += seconds
    passes.push((enterprises.length * policyCount) / seconds)
  }
  const pairsPerSecond = Math.max(...passes)
  log(
    `${name}: ${enterprises.length} × ${policyCount} pairs, ${passes.length} passes, ` +
      `best ${Math.round(pairsPerSecond).toLocaleString('en')} pairs/s ` +
      `(${passes.map((p) => Math.round(p).toLocaleString('en')).join(', ')})`,
  )
  return { pairsPerSecond, passes, verdicts }
}
