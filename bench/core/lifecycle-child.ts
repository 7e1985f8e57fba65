import { peerLifecyclesPerSecond } from './bpmn-engine-peer.js'
import { BRANCHES, oursLifecycles } from './lifecycle-ours.js'
import { parallelProcessXml } from './parallel-process.js'

/**
 * One side of figure 3 in a fresh process, one JSON line on stdout.
 * Usage: lifecycle-child.ts ours [postgres-url] | lifecycle-child.ts peer BRANCHES COUNT
 * (A process that ran the task service on SQLite and then on PostgreSQL crashed V8 on Node
 * 20.20 in a deoptimisation; a process per side also gives each a fresh JIT and heap.)
 */
const [side, arg, count] = process.argv.slice(2)
if (side === 'ours') {
  process.stdout.write(`${JSON.stringify(await oursLifecycles(arg || undefined))}\n`)
} else if (side === 'peer') {
  const branches = Number(arg ?? BRANCHES)
  const n = Number(count ?? 200)
  const started = performance.now()
  const perSecond = await peerLifecyclesPerSecond(parallelProcessXml(branches), branches, n, 20)
  const seconds = (performance.now() - started) / 1000
  process.stdout.write(`${JSON.stringify({ perSecond, lifecycles: n, seconds })}\n`)
} else {
  process.stderr.write('usage: lifecycle-child.ts ours [postgres-url] | peer BRANCHES COUNT\n')
  process.exit(2)
}
