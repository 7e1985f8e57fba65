import { benchAuthz, type BenchRow } from './authz.js'
import { benchKernel } from './kernel.js'

type Bench = (emit: (row: BenchRow) => void) => Promise<void>

const BENCHES: Record<string, Bench> = {
  kernel: benchKernel,
  authz: async (emit) => {
    for (const row of await benchAuthz()) emit(row)
  },
}

const usage = (): string =>
  `Usage: npm run bench -- NAME   (tsx bench/run.ts NAME)\n` +
  `Benchmarks: ${Object.keys(BENCHES).join(', ')}\n` +
  `One JSON line per figure on stdout; progress on stderr. BENCH_SECONDS sets HTTP load duration.\n`

const name = process.argv[2]
const bench = name === undefined ? undefined : BENCHES[name]
if (!bench) {
  process.stderr.write(usage())
  process.exit(name === undefined || name === '--help' || name === '-h' ? 0 : 2)
}

try {
  await bench((row) => process.stdout.write(`${JSON.stringify(row)}\n`))
  process.exit(0)
} catch (error) {
  process.stderr.write(`bench ${name}: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
