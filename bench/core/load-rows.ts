import type { BenchRow } from '../authz.js'
import type { LoadResult } from '../kernel/load.js'

/**
 * A warning and an `<prefix>_errors` row when the load saw non-2xx answers, errors or
 * timeouts (its ratio is the failed share of our requests), as the kernel's HTTP figure does.
 */
export function errorRows(
  prefix: string,
  ours: LoadResult,
  peer: LoadResult,
  peerName: string,
  log: (line: string) => void,
): BenchRow[] {
  const failures = ours.non2xx + ours.errors + ours.timeouts
  if (failures === 0) return []
  log(
    `WARNING: ${ours.non2xx} non-2xx, ${ours.errors} errors, ${ours.timeouts} timeouts ` +
      `(status codes ${JSON.stringify(ours.statusCodeStats)})`,
  )
  const total = Math.max(1, ours.requests.total + ours.errors)
  return [
    {
      bench: 'core',
      metric: `${prefix}_errors`,
      value: failures,
      unit: 'responses',
      peer: peerName,
      peerValue: peer.non2xx + peer.errors + peer.timeouts,
      ratio: Math.round((failures / total) * 1e4) / 1e4,
    },
  ]
}
