import type { BenchRow } from './authz.js'
import { installChildCleanup, killAllChildren } from './kernel/children.js'

export type Emit = (row: BenchRow) => void

export interface Figure {
  /** What `BENCH_ONLY` names it by. */
  key: string
  name: string
  run(): Promise<BenchRow[]>
}

/**
 * Runs a benchmark's figures in turn, each line emitted as soon as its figure is done.
 * `BENCH_ONLY=key,key` runs a subset. A failing figure is reported on stderr and the rest still
 * run; the exit code says so. Child processes (servers, load generators) are killed at the end,
 * on error and on Ctrl-C.
 */
export async function runFigures(bench: string, all: Figure[], emit: Emit): Promise<void> {
  installChildCleanup()
  let failed = 0
  const only = process.env.BENCH_ONLY?.split(',')
  const figures = only ? all.filter((f) => only.includes(f.key)) : all
  try {
    for (const [i, figure] of figures.entries()) {
      process.stderr.write(`${bench}: figure ${i + 1}/${figures.length}: ${figure.name}\n`)
      const started = Date.now()
      try {
        for (const row of await figure.run()) emit(row)
      } catch (error) {
        failed++
        process.stderr.write(`${bench}: figure ${i + 1} failed: ${String(error)}\n`)
        if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
      }
      process.stderr.write(
        `${bench}: figure ${i + 1} took ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      )
    }
  } finally {
    killAllChildren()
  }
  if (failed > 0) throw new Error(`${failed} of ${figures.length} ${bench} figures failed`)
}
