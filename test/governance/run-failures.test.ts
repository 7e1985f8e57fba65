import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../src/platform/clock.js'
import type { DialectName } from '../../src/platform/db/database.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo } from '../support/demo.js'
import {
  api,
  getJson,
  officerToken,
  personsCsv,
  populationCsv,
  registerDataset,
  upload,
} from './governance-support.js'

interface Run {
  id: string
  status: string
  error: { code: string; message: { zh: string; en: string } } | null
}

/** A clock the test moves: retries of a failed job become due an hour later. */
const steppingClock = () => {
  let t = Date.parse('2026-12-01T02:00:00Z')
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date((t += 1)),
    advance: (ms) => void (t += ms),
  }
  return clock
}

/** A trigger that makes the database refuse the statement, as a failing disk or constraint would. */
async function injectFailure(t: TestApp, dialect: DialectName, name: string, on: string) {
  const [table, when] = on.split(' WHEN ')
  if (dialect === 'sqlite') {
    const [event, target] = (table ?? '').split(' ON ')
    await sql
      .raw(
        `CREATE TRIGGER ${name} BEFORE ${event} ON ${target} ${when ? `WHEN ${when}` : ''}
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
      )
      .execute(t.app.database.db)
    return
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION governance_injected_failure() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`,
    )
    .execute(t.app.database.db)
  await sql
    .raw(
      `CREATE TRIGGER ${name} BEFORE ${table} FOR EACH ROW ${when ? `WHEN (${when})` : ''}
       EXECUTE FUNCTION governance_injected_failure()`,
    )
    .execute(t.app.database.db)
}

async function removeFailure(t: TestApp, dialect: DialectName, name: string, table: string) {
  const drop = dialect === 'sqlite' ? `DROP TRIGGER ${name}` : `DROP TRIGGER ${name} ON ${table}`
  await sql.raw(drop).execute(t.app.database.db)
}

describe.each(testDialects())('a run whose result cannot be written (%s)', (dialect) => {
  let t: TestApp
  let officer: string
  const clock = steppingClock()
  const code = 'population.household'

  /** Runs the jobs, letting each retry come due, until none is left. */
  const runAllAttempts = async () => {
    for (let i = 0; i < 4; i++) {
      await t.app.runner.drain()
      clock.advance(3_600_000)
    }
    officer = await officerToken(t.app) // the earlier one expired meanwhile
  }
  const jobOf = async (runId: string, table: 'governance_check_runs' | 'governance_dedup_runs') => {
    const run = await t.app.database.db
      .selectFrom(table)
      .select('job_id')
      .where('id', '=', runId)
      .executeTakeFirstOrThrow()
    return t.app.database.db
      .selectFrom('platform_jobs')
      .select(['status', 'attempts'])
      .where('id', '=', run.job_id)
      .executeTakeFirstOrThrow()
  }
  const audited = async (subject: string): Promise<string[]> => {
    const rows: Array<{ action: string }> = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('action')
      .where('subject_id', '=', subject)
      .orderBy('seq')
      .execute()
    return rows.map((r) => r.action)
  }

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock })
    await seedDemo(t.app)
    await t.app.runner.drain()
    officer = await officerToken(t.app)
    const res = await registerDataset(t.app, officer)
    expect(res.statusCode, res.body).toBe(201)
  }, 120_000)
  afterAll(() => t.dispose())

  it('fails the run with a reason, audited, when the scores are refused on every attempt', async () => {
    await injectFailure(t, dialect, 'refuse_scores', 'INSERT ON governance_scores')
    const res = await upload(
      t.app,
      officer,
      code,
      populationCsv({ count: 50, seed: 1, errorRate: 0.1 }),
    )
    expect(res.statusCode, res.body).toBe(202)
    const runId = res.json<Run>().id
    await runAllAttempts()
    await removeFailure(t, dialect, 'refuse_scores', 'governance_scores')

    const run = await getJson<Run>(t.app, officer, `/check-runs/${runId}`)
    expect(run).toMatchObject({ status: 'failed', error: { code: 'GOVERNANCE_RUN_WRITE_FAILED' } })
    expect(run.error?.message.zh).toContain('三次')
    expect(await jobOf(runId, 'governance_check_runs')).toEqual({ status: 'done', attempts: 3 })
    expect(await audited(runId)).toEqual(['governance.check.requested', 'governance.check.failed'])
    const scores = await t.app.database.db
      .selectFrom('governance_scores')
      .select('run_id')
      .where('run_id', '=', runId)
      .execute()
    expect(scores).toEqual([])
  })

  it('shows a run as failed once its job has given up, even when the failure could not be written', async () => {
    await injectFailure(t, dialect, 'refuse_scores', 'INSERT ON governance_scores')
    await injectFailure(
      t,
      dialect,
      'refuse_failed_runs',
      "UPDATE ON governance_check_runs WHEN NEW.status = 'failed'",
    )
    const res = await upload(
      t.app,
      officer,
      code,
      populationCsv({ count: 50, seed: 2, errorRate: 0.1 }),
    )
    const runId = res.json<Run>().id
    await runAllAttempts()
    await removeFailure(t, dialect, 'refuse_failed_runs', 'governance_check_runs')
    await removeFailure(t, dialect, 'refuse_scores', 'governance_scores')
    expect(await jobOf(runId, 'governance_check_runs')).toEqual({ status: 'failed', attempts: 3 })
    const stored = await t.app.database.db
      .selectFrom('governance_check_runs')
      .select('status')
      .where('id', '=', runId)
      .executeTakeFirstOrThrow()
    expect(stored.status).toBe('running')

    const run = await getJson<Run>(t.app, officer, `/check-runs/${runId}`)
    expect(run).toMatchObject({ status: 'failed', error: { code: 'GOVERNANCE_RUN_ABANDONED' } })
    const listed = await getJson<Run[]>(t.app, officer, `/datasets/${code}/check-runs`)
    expect(listed.find((r) => r.id === runId)?.status).toBe('failed')
    expect(await audited(runId)).toEqual(['governance.check.requested', 'governance.check.failed'])
  })

  it('leaves a run whose job is still retrying as it is', async () => {
    await injectFailure(t, dialect, 'refuse_scores', 'INSERT ON governance_scores')
    const res = await upload(
      t.app,
      officer,
      code,
      populationCsv({ count: 20, seed: 3, errorRate: 0 }),
    )
    const runId = res.json<Run>().id
    await t.app.runner.drain()
    await removeFailure(t, dialect, 'refuse_scores', 'governance_scores')
    expect(await jobOf(runId, 'governance_check_runs')).toEqual({ status: 'queued', attempts: 1 })
    expect((await getJson<Run>(t.app, officer, `/check-runs/${runId}`)).status).toBe('running')
    clock.advance(3_600_000)
    await t.app.runner.drain()
    officer = await officerToken(t.app)
    expect((await getJson<Run>(t.app, officer, `/check-runs/${runId}`)).status).toBe('done')
  })

  it('fails a dedup run whose clusters are refused on every attempt', async () => {
    const persons = personsCsv(200, 5)
    const checked = await upload(t.app, officer, code, persons.csv)
    await t.app.runner.drain()
    const fileHash = checked.json<{ file: { hash: string } }>().file.hash
    await injectFailure(t, dialect, 'refuse_pairs', 'INSERT ON governance_dedup_pairs')
    const res = await t.app.http.inject({
      method: 'POST',
      url: api(`/datasets/${code}/dedup-runs`),
      headers: bearer(officer),
      payload: { fileHash },
    })
    expect(res.statusCode, res.body).toBe(202)
    const runId = res.json<Run>().id
    await runAllAttempts()
    await removeFailure(t, dialect, 'refuse_pairs', 'governance_dedup_pairs')
    const run = await getJson<Run>(t.app, officer, `/dedup-runs/${runId}`)
    expect(run).toMatchObject({ status: 'failed', error: { code: 'GOVERNANCE_RUN_WRITE_FAILED' } })
    expect(await audited(runId)).toEqual(['governance.dedup.requested', 'governance.dedup.failed'])
  })
})
