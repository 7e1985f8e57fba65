import type { BenchRow } from '../authz.js'
import { runJsonChild } from './child-json.js'

const TARGET_MB = 300
const SERVER_ALLOCATOR_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' }

interface OursResult {
  count: number
  seconds: number
  openTasks: number
  rssBeforeMb: number
  rssMb: number
  heapUsedMb: number
  maxRssMb: number
  databaseMb: number
}

interface PeerResult {
  sample: number
  seconds: number
  heapPerInstanceKb: number
  rssPerInstanceKb: number
}

const log = (line: string): void => void process.stderr.write(`core/waiting: ${line}\n`)
const round = (n: number): number => Math.round(n * 100) / 100
/** Ratios far below 1 keep three significant digits instead of rounding to 0. */
const ratio = (n: number): number => Number(n.toPrecision(3))

function positive(name: string, fallback: number): number {
  const raw = Number(process.env[name] ?? fallback)
  return Number.isInteger(raw) && raw > 0 ? raw : fallback
}

/**
 * Figure 4: memory of a process holding CORE_WAITING (default 100,000) applications parked at
 * the five user tasks of the parallel process, after full GCs, against bpmn-engine's heap per
 * waiting instance (measured on CORE_PEER_SAMPLE instances, default 500) × the same count.
 */
export async function benchWaiting(): Promise<BenchRow[]> {
  const count = positive('CORE_WAITING', 100_000)
  const sample = positive('CORE_PEER_SAMPLE', 500)
  const peer = await runJsonChild<PeerResult>(
    'bpmn-engine',
    'bench/core/peer-waiting-child.ts',
    [String(sample)],
    { gc: true },
  )
  log(
    `bpmn-engine: ${sample} waiting instances in ${peer.seconds.toFixed(1)} s, ` +
      `${peer.heapPerInstanceKb.toFixed(1)} KB heap (${peer.rssPerInstanceKb.toFixed(1)} KB rss) each`,
  )
  // The allocator setting `npm start` runs the server with (package.json, the same value): freed
  // blocks over 128 KB go back to the kernel instead of staying in the process (scrypt's 16 MB
  // buffers, ~90 MB of a seeded server); glibc reads it once, at process start.
  const ours = await runJsonChild<OursResult>(
    'tongban',
    'bench/core/waiting-child.ts',
    [String(count)],
    { gc: true, env: { ...process.env, ...SERVER_ALLOCATOR_ENV } },
  )
  const perInstanceKb = ((ours.rssMb - ours.rssBeforeMb) * 1024) / ours.count
  log(
    `ours: ${ours.count} parked in ${ours.seconds.toFixed(0)} s (${(ours.count / ours.seconds).toFixed(0)}/s), ` +
      `${ours.openTasks} open tasks; rss after GC ${ours.rssBeforeMb.toFixed(1)} MB before → ` +
      `${ours.rssMb.toFixed(1)} MB after (heap ${ours.heapUsedMb.toFixed(1)} MB, peak rss ${ours.maxRssMb.toFixed(1)} MB; database file ${ours.databaseMb.toFixed(0)} MB)`,
  )
  const peerMb = (peer.heapPerInstanceKb * ours.count) / 1024
  return [
    {
      bench: 'core',
      metric: 'waiting_instances_rss_mb',
      value: round(ours.rssMb),
      unit: 'MB',
      peer: `bpmn-engine heap per waiting instance × ${ours.count} (extrapolated from ${sample})`,
      peerValue: round(peerMb),
      ratio: ratio(ours.rssMb / peerMb),
    },
    {
      bench: 'core',
      metric: 'waiting_instances_rss_target',
      value: round(ours.rssMb),
      unit: 'MB',
      peer: 'target',
      peerValue: TARGET_MB,
      ratio: round(ours.rssMb / TARGET_MB), // ≤ 1 meets the target
    },
    {
      bench: 'core',
      metric: 'waiting_instance_kb',
      value: round(perInstanceKb),
      unit: 'KB/instance',
      peer: `bpmn-engine heap per waiting instance (sample of ${sample})`,
      peerValue: round(peer.heapPerInstanceKb),
      ratio: ratio(perInstanceKb / peer.heapPerInstanceKb),
    },
  ]
}
