import type { ApplicationHeadRow, CaseHeadRow } from './approval.store.js'

/** How long a remembered view is served without asking the database (another instance's steps). */
const STALE_MS = 1000
const KEPT = 10_000

export interface ApplicationHeads {
  application: ApplicationHeadRow
  cases: CaseHeadRow[]
}

/**
 * The application status read (polled by apps and the portal) remembered per application. A step
 * of this process drops the entry once it has committed (`changed`), and a read that overlapped
 * such a step does not store what it read, so this process never serves a status older than its
 * own last commit. A step committed by another instance (PostgreSQL scale-out) is seen within
 * STALE_MS, as live sessions are (decision 0001). Access is still checked per request on the
 * remembered rows.
 */
export function createApplicationViews(monotonicMs: () => number = () => performance.now()) {
  // Orders reads and changes: a read stores what it saw only if no change came after it began.
  let sequence = 0
  const changedAt = new Map<string, number>()
  const views = new Map<string, { heads: ApplicationHeads; at: number; seq: number }>()

  const bounded = <V>(map: Map<string, V>, key: string, value: V) => {
    map.delete(key)
    if (map.size >= KEPT) map.delete(map.keys().next().value ?? key)
    map.set(key, value)
  }

  return {
    async read(id: string, load: () => Promise<ApplicationHeads | null>) {
      const hit = views.get(id)
      if (hit && monotonicMs() - hit.at < STALE_MS && (changedAt.get(id) ?? -1) < hit.seq)
        return hit.heads
      const seq = ++sequence
      const heads = await load()
      if (heads && (changedAt.get(id) ?? -1) < seq)
        bounded(views, id, { heads, at: monotonicMs(), seq })
      return heads
    },
    /** After a step on the application committed in this process. */
    changed(id: string): void {
      bounded(changedAt, id, ++sequence)
      views.delete(id)
    },
  }
}

export type ApplicationViews = ReturnType<typeof createApplicationViews>
