import { sql, type Transaction } from 'kysely'
import type { JobState } from '../../platform/jobs/job-queue.js'
import type { RunFailure } from './quality-check.js'

/** A run whose result the database refused on the job's last attempt (details logged). */
export const WRITE_FAILURE: RunFailure = {
  code: 'GOVERNANCE_RUN_WRITE_FAILED',
  message: {
    zh: '保存结果时数据库出错，三次尝试均失败；请稍后重新上传，如仍失败请联系运维',
    en: 'The database refused the result on all three attempts; upload the file again later, and tell operations if it fails again',
  },
}

/** A run whose job stopped (failed, or died with its worker) before finishing it. */
export const ABANDONED: RunFailure = {
  code: 'GOVERNANCE_RUN_ABANDONED',
  message: {
    zh: '处理该文件的后台任务已停止，运行未能完成；请重新上传，如仍失败请联系运维',
    en: 'The background job working this file stopped before it finished; upload the file again, and tell operations if it fails again',
  },
}

/**
 * Writes a run's result. On the job's last attempt a write the database refuses is rolled back
 * to a savepoint and `fail` records the run as failed in the same transaction, so the run does
 * not stay `running` after its job gives up.
 */
export async function writeOrFail(
  trx: Transaction<unknown>,
  lastAttempt: boolean,
  write: () => Promise<void>,
  fail: (error: unknown) => Promise<void>,
): Promise<void> {
  if (!lastAttempt) return write()
  await sql`savepoint governance_run_result`.execute(trx)
  try {
    await write()
  } catch (error) {
    await sql`rollback to savepoint governance_run_result`.execute(trx)
    await fail(error)
    return
  }
  await sql`release savepoint governance_run_result`.execute(trx)
}

/**
 * True when a pending run's job will never finish it: the job is gone, failed, done without
 * moving the run, or running past its lease on its last attempt (its worker died).
 */
export function jobStopped(state: JobState | undefined, now: Date): boolean {
  if (state === undefined) return true
  switch (state.status) {
    case 'failed':
    case 'done':
      return true
    case 'queued':
      return false
    case 'running':
      return (
        state.attempts >= state.maxAttempts &&
        state.lockedUntil !== null &&
        state.lockedUntil < now.toISOString()
      )
  }
}
