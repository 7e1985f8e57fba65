import { benchAuthz, type BenchRow } from './authz.js'
import { benchCore } from './core.js'
import { benchGovernance } from './governance.js'
import { benchInsight } from './insight.js'
import { benchKernel } from './kernel.js'
import { benchPolicy } from './policy.js'
import { benchWeb } from './web.js'

type Bench = (emit: (row: BenchRow) => void) => Promise<void>

const BENCHES: Record<string, Bench> = {
  kernel: benchKernel,
  governance: benchGovernance,
  core: benchCore,
  policy: benchPolicy,
  insight: benchInsight,
  web: benchWeb,
  authz: async (emit) => {
    for (const row of await benchAuthz()) emit(row)
  },
}

const usage = (): string =>
  `Usage: npm run bench -- NAME   (tsx bench/run.ts NAME)\n` +
  `Benchmarks: ${Object.keys(BENCHES).join(', ')}\n` +
  `One JSON line per figure on stdout, progress on stderr.\n` +
  `BENCH_SECONDS sets the HTTP load duration (default 10).\n` +
  `BENCH_ENTERPRISES sets the policy benchmark's enterprise count (default 100,000).\n` +
  `BENCH_ONLY=key,key runs some figures of kernel, core, policy (pairs, e2e), governance (dedup, febrl, quality)\n` +
  `insight (roadfine, generated, replay) or web (bundle, lcp); BENCH_ROUNDS (default 3) and BENCH_EVENTS (default 10,000,000) size insight.\n`

const name = process.argv[2]
const bench = name === undefined ? undefined : BENCHES[name]
if (!bench) {
  if (name !== undefined && !name.startsWith('-')) {
    process.stderr.write(`unknown benchmark: ${name}\n`)
  }
  process.stderr.write(usage())
  process.exit(name === '--help' || name === '-h' ? 0 : 2)
}

/** One line per figure, keys always in the documented order. */
function emit(row: BenchRow): void {
  const { metric, value, unit, peer, peerValue, ratio } = row
  const line = { bench: row.bench, metric, value, unit, peer, peerValue, ratio }
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

try {
  await bench(emit)
  process.exit(0)
} catch (error) {
  process.stderr.write(`bench ${name}: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
