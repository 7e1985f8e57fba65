import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { BenchRow } from '../authz.js'

/**
 * The token-replay figure (traces per second over the road-fine log) lives in
 * bench/insight/replay.ts, written with the conformance code; it exports
 * `benchReplay(): Promise<BenchRow[]>`. Until that file exists the figure says so and is skipped.
 */
export async function replayFigure(log: (line: string) => void): Promise<BenchRow[]> {
  const file = new URL('./replay.ts', import.meta.url)
  if (!existsSync(fileURLToPath(file))) {
    log('bench/insight/replay.ts is not there yet: the token-replay figure is skipped')
    return []
  }
  const module = (await import(file.href)) as { benchReplay: () => Promise<BenchRow[]> }
  return module.benchReplay()
}
