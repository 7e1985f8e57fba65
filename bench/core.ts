import type { BenchRow } from './authz.js'
import { benchLifecycle } from './core/lifecycle.js'
import { benchStatus } from './core/status.js'
import { benchSubmit } from './core/submit.js'
import { benchWaiting } from './core/waiting.js'
import type { Emit } from './kernel.js'
import { installChildCleanup, killAllChildren } from './kernel/children.js'

interface Figure {
  key: 'status' | 'submit' | 'lifecycle' | 'waiting'
  name: string
  run(): Promise<BenchRow[]>
}

const FIGURES: Figure[] = [
  { key: 'status', name: 'application status GET over HTTP vs bare Fastify', run: benchStatus },
  { key: 'submit', name: '企业开办 bundle submissions over HTTP', run: benchSubmit },
  {
    key: 'lifecycle',
    name: '5-department parallel lifecycles vs bpmn-engine',
    run: benchLifecycle,
  },
  { key: 'waiting', name: 'memory with waiting instances vs bpmn-engine', run: benchWaiting },
]

/**
 * The approval core benchmark: the four figures in turn, each line emitted as soon as its
 * figure is done. `BENCH_ONLY=status,submit,lifecycle,waiting` runs a subset. A failing figure
 * is reported on stderr and the rest still run; child processes are killed at the end.
 */
export async function benchCore(emit: Emit): Promise<void> {
  installChildCleanup()
  let failed = 0
  const only = process.env.BENCH_ONLY?.split(',')
  const figures = only ? FIGURES.filter((f) => only.includes(f.key)) : FIGURES
  try {
    for (const [i, figure] of figures.entries()) {
      process.stderr.write(`core: figure ${i + 1}/${figures.length}: ${figure.name}\n`)
      const started = Date.now()
      try {
        for (const row of await figure.run()) emit(row)
      } catch (error) {
        failed++
        process.stderr.write(`core: figure ${i + 1} failed: ${String(error)}\n`)
        if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
      }
      process.stderr.write(
        `core: figure ${i + 1} took ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      )
    }
  } finally {
    killAllChildren()
  }
  if (failed > 0) throw new Error(`${failed} of ${figures.length} core figures failed`)
}
