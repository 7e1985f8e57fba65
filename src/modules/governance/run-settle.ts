import { systemActor } from '../../platform/auth/principal.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import { governanceStore } from './governance.store.js'
import type { RunStatus } from './governance.tables.js'
import { ABANDONED, jobStopped } from './run-outcome.js'

export type RunKind = 'check' | 'dedup'

interface SettleableRun {
  id: string
  status: RunStatus
  job_id: string | null
  error_code: string | null
  error_json: string | null
  finished_at: string | null
  updated_at: string
}

const isPending = (run: SettleableRun) => run.status === 'queued' || run.status === 'running'

/**
 * Settles runs whose job has stopped: such a run is failed (GOVERNANCE_RUN_ABANDONED, audited)
 * rather than left `queued` or `running` for ever. Returns the runs as they now stand.
 */
export function createRunSettler(deps: GovernanceDeps) {
  const db = governanceDb(deps)

  async function fail<R extends SettleableRun>(
    kind: RunKind,
    run: R,
    jobStatus: string,
    at: string,
  ) {
    const set = {
      status: 'failed' as const,
      error_code: ABANDONED.code,
      error_json: JSON.stringify(ABANDONED.message),
      finished_at: at,
      updated_at: at,
    }
    const moved = await db.transaction().execute(async (trx) => {
      const from = ['queued', 'running']
      const ok =
        kind === 'check'
          ? await governanceStore.moveCheckRun(trx, run.id, from, set)
          : await governanceStore.moveDedupRun(trx, run.id, from, set)
      if (ok)
        await deps.audit.record(trx, systemActor('governance:run-settle'), {
          action: `governance.${kind}.failed`,
          subject: { type: `governance_${kind}_run`, id: run.id },
          after: { code: ABANDONED.code, job: run.job_id, jobStatus },
        })
      return ok
    })
    return moved ? { ...run, ...set } : null
  }

  return async function settle<R extends SettleableRun>(kind: RunKind, runs: readonly R[]) {
    const pending = runs.filter((r) => isPending(r) && r.job_id !== null)
    if (pending.length === 0) return [...runs]
    const states = await deps.queue.states(
      db,
      pending.map((r) => r.job_id ?? ''),
    )
    const now = deps.clock.now()
    const settled = new Map<string, R>()
    for (const run of pending) {
      const state = states.get(run.job_id ?? '')
      if (!jobStopped(state, now)) continue
      deps.logger.warn(
        { runId: run.id, jobId: run.job_id, lastError: state?.lastError },
        'governance run abandoned by its job',
      )
      const failed = await fail(kind, run, state?.status ?? 'missing', now.toISOString())
      if (failed) settled.set(run.id, failed)
    }
    return runs.map((r) => settled.get(r.id) ?? r)
  }
}

export type RunSettler = ReturnType<typeof createRunSettler>
