import { benchAuthz, type BenchRow } from './authz.js'
import { benchAudit } from './kernel/audit.js'
import { benchAuditUseCase } from './kernel/audit-use-case.js'
import { installChildCleanup, killAllChildren } from './kernel/children.js'
import { benchHttp } from './kernel/http.js'

export type Emit = (row: BenchRow) => void

interface Figure {
  key: 'http' | 'authz' | 'audit' | 'usecase'
  name: string
  run(): Promise<BenchRow[]>
}

const FIGURES: Figure[] = [
  { key: 'http', name: 'item GET over HTTP vs bare Fastify', run: benchHttp },
  {
    key: 'authz',
    name: 'authorisation with 100,000 staff–role assignments',
    run: async () => (await benchAuthz()).map((row) => ({ ...row, bench: 'kernel' })),
  },
  { key: 'audit', name: 'audit cost on a one-row write', run: benchAudit },
  {
    key: 'usecase',
    name: 'audit cost on a one-row write use case (catalogue draft edit)',
    run: benchAuditUseCase,
  },
]

/**
 * The kernel benchmark: the three figures in turn, each line emitted as soon as its figure is
 * done. A failing figure is reported on stderr and the rest still run; the exit code says so.
 * Child processes (servers, load generator) are killed at the end, on error and on Ctrl-C.
 */
export async function benchKernel(emit: Emit): Promise<void> {
  installChildCleanup()
  let failed = 0
  // BENCH_ONLY=http,audit runs a subset (handy while working on one figure).
  const only = process.env.BENCH_ONLY?.split(',')
  const figures = only ? FIGURES.filter((f) => only.includes(f.key)) : FIGURES
  try {
    for (const [i, figure] of figures.entries()) {
      process.stderr.write(`kernel: figure ${i + 1}/${figures.length}: ${figure.name}\n`)
      try {
        for (const row of await figure.run()) emit(row)
      } catch (error) {
        failed++
        process.stderr.write(`kernel: figure ${i + 1} failed: ${String(error)}\n`)
        if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
      }
    }
  } finally {
    killAllChildren()
  }
  if (failed > 0) throw new Error(`${failed} of ${figures.length} kernel figures failed`)
}
