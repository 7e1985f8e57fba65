import type { Kysely } from 'kysely'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Clock } from '../../src/platform/clock.js'
import { moduleDb, openDatabase, type RootDb } from '../../src/platform/db/database.js'
import { migrateToLatest } from '../../src/platform/db/migrator.js'
import { createEventBus } from '../../src/platform/jobs/event-bus.js'
import { createJobQueue, type NewJob } from '../../src/platform/jobs/job-queue.js'
import { createJobRunner } from '../../src/platform/jobs/job-runner.js'
import type { JobTables } from '../../src/platform/jobs/jobs.tables.js'
import { platformMigrations } from '../../src/platform/migrations/index.js'
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js'

interface TestTables extends JobTables {
  test_job_effects: { id: string; note: string }
  test_job_counter: { id: number; n: number }
}

const T0 = Date.parse('2026-03-02T01:00:00Z')
const silent = pino({ level: 'silent' })
const tables = (db: unknown) => db as Kysely<TestTables>

/** A clock that stands still until the test moves it. */
function manualClock(start: number) {
  let t = start
  const clock: Clock = { now: () => new Date(t) }
  return { clock, advance: (ms: number) => (t += ms), at: () => t }
}

describe.each(testDialects())('background jobs and the outbox (%s)', (dialect) => {
  let database: TestDatabase
  let db: Kysely<TestTables>
  let time: ReturnType<typeof manualClock>

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    db = moduleDb<TestTables>(database.db)
    await migrateToLatest(database.db, dialect, platformMigrations)
    await db.schema
      .createTable('test_job_effects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('note', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('test_job_counter')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('n', 'integer', (c) => c.notNull())
      .execute()
  })
  afterAll(() => database.dispose())

  beforeEach(async () => {
    time = manualClock(T0)
    await db.deleteFrom('platform_jobs').execute()
    await db.deleteFrom('test_job_effects').execute()
    await db.deleteFrom('test_job_counter').execute()
    await db.insertInto('test_job_counter').values({ id: 1, n: 0 }).execute()
  })

  /** Queue, runner and bus on the manual clock; the kind 'effect' writes one row per job. */
  function kernel(root: RootDb = database.db) {
    const queue = createJobQueue({ clock: time.clock })
    const runner = createJobRunner({ db: root, dialect, clock: time.clock, logger: silent })
    const attempts: number[] = []
    runner.register('effect', async ({ trx, payload, jobId, attempt }) => {
      attempts.push(attempt)
      const note = (payload as { note: string }).note
      await tables(trx).insertInto('test_job_effects').values({ id: jobId, note }).execute()
    })
    return { queue, runner, attempts, events: createEventBus({ queue, runner }) }
  }

  const effect = (note: string, more: Partial<NewJob> = {}): NewJob => ({
    kind: 'effect',
    payload: { note },
    ...more,
  })
  const effects = () => db.selectFrom('test_job_effects').selectAll().orderBy('id').execute()
  const job = (id: string) =>
    db.selectFrom('platform_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  /** [status, attempts, locked_by, last_error] of one job. */
  const state = async (id: string) => {
    const j = await job(id)
    return [j.status, j.attempts, j.locked_by, j.last_error]
  }
  const jobCount = async () => (await db.selectFrom('platform_jobs').select('id').execute()).length

  it('never runs a job enqueued in a transaction that rolls back', async () => {
    const { queue, runner, attempts } = kernel()
    const work = db.transaction().execute(async (trx) => {
      await queue.enqueue(trx, effect('lost'))
      throw new Error('the change is refused')
    })
    await expect(work).rejects.toThrow('the change is refused')
    expect(await runner.drain()).toBe(0)
    expect(attempts).toEqual([])
    expect(await jobCount()).toBe(0)
  })

  it('runs a committed job exactly once and commits its handler writes with it', async () => {
    const { queue, runner, attempts } = kernel()
    const id = await db.transaction().execute((trx) => queue.enqueue(trx, effect('hello')))
    expect(await runner.drain()).toBe(1)
    expect(await runner.drain()).toBe(0)
    expect(attempts).toEqual([1])
    expect(await effects()).toEqual([{ id, note: 'hello' }])
    expect(await state(id)).toEqual(['done', 1, null, null])
    expect((await job(id)).locked_until).toBeNull()
  })

  it('retries a failing handler with back-off, rolls back its writes and fails it after max attempts', async () => {
    const { queue, runner } = kernel()
    const seen: Array<{ attempt: number; ownWrite: number }> = []
    runner.register('flaky', async ({ trx, jobId, attempt }) => {
      const t = tables(trx)
      await t
        .insertInto('test_job_effects')
        .values({ id: `${jobId}-${attempt}`, note: 'x' })
        .execute()
      seen.push({
        attempt,
        ownWrite: (await t.selectFrom('test_job_effects').select('id').execute()).length,
      })
      throw new Error(`boom ${attempt}`)
    })
    const id = await queue.enqueue(database.db, { kind: 'flaky', payload: null, maxAttempts: 3 })

    expect(await runner.drain()).toBe(1)
    expect(await state(id)).toEqual(['queued', 1, null, 'boom 1'])
    expect((await job(id)).run_at).toBe(new Date(T0 + 2000).toISOString())
    expect(await runner.drain()).toBe(0)
    time.advance(1999)
    expect(await runner.drain()).toBe(0)
    time.advance(1)
    expect(await runner.drain()).toBe(1)
    expect(await state(id)).toEqual(['queued', 2, null, 'boom 2'])
    expect((await job(id)).run_at).toBe(new Date(time.at() + 4000).toISOString())
    time.advance(4000)
    expect(await runner.drain()).toBe(1)
    expect(await state(id)).toEqual(['failed', 3, null, 'boom 3'])
    time.advance(3_600_000)
    expect(await runner.drain()).toBe(0)

    expect(seen).toEqual([1, 2, 3].map((attempt) => ({ attempt, ownWrite: 1 })))
    expect(await effects()).toEqual([])
  })

  it('reclaims a job whose worker crashed once its lease expires, and runs it once', async () => {
    const { queue, runner, attempts } = kernel()
    const crashed = await queue.enqueue(database.db, effect('crashed'))
    const busy = await queue.enqueue(database.db, effect('busy'))
    const lease = (id: string, worker: string, until: number) => {
      const lockedUntil = new Date(until).toISOString()
      return db
        .updateTable('platform_jobs')
        .set({ status: 'running', attempts: 1, locked_by: worker, locked_until: lockedUntil })
        .where('id', '=', id)
        .execute()
    }
    await lease(crashed, 'worker-that-crashed', T0 - 1000)
    await lease(busy, 'worker-still-alive', T0 + 30_000)

    expect(await runner.drain()).toBe(1)
    expect(await runner.drain()).toBe(0)
    expect(await state(crashed)).toEqual(['done', 2, null, null])
    expect(await state(busy)).toEqual(['running', 1, 'worker-still-alive', null])
    expect(await effects()).toEqual([{ id: crashed, note: 'crashed' }])

    time.advance(30_001)
    expect(await runner.drain()).toBe(1)
    expect(await state(busy)).toEqual(['done', 2, null, null])
    expect(attempts).toEqual([2, 2])
  })

  it('fails a job whose worker died on its last allowed attempt instead of retrying it forever', async () => {
    const { queue, runner, attempts } = kernel()
    const poison = await queue.enqueue(database.db, effect('poison', { maxAttempts: 2 }))
    await db
      .updateTable('platform_jobs')
      .set({
        status: 'running',
        attempts: 2,
        locked_by: 'worker-that-crashed',
        locked_until: new Date(T0 - 1000).toISOString(),
      })
      .where('id', '=', poison)
      .execute()
    expect(await runner.drain()).toBe(0)
    expect(await state(poison)).toEqual(['failed', 2, null, 'lease expired on the last attempt'])
    expect(attempts).toEqual([])
  })

  it('prepares a two-phase job on no connection, then commits its result exactly once', async () => {
    const { queue, runner } = kernel()
    const prepared: number[] = []
    runner.registerPrepared<string>('two-phase', {
      async prepare({ payload, attempt }) {
        prepared.push(attempt)
        // No transaction holds the connection: SQLite's one connection still serves this read.
        const others = await db.selectFrom('test_job_effects').select('id').execute()
        if (attempt === 1) throw new Error('the file went missing')
        return `${(payload as { note: string }).note} after ${others.length}`
      },
      async commit({ trx, jobId }, note) {
        await tables(trx).insertInto('test_job_effects').values({ id: jobId, note }).execute()
      },
    })
    const id = await queue.enqueue(database.db, { kind: 'two-phase', payload: { note: 'read' } })
    expect(await runner.drain()).toBe(1)
    expect(await state(id)).toEqual(['queued', 1, null, 'the file went missing'])
    time.advance(2000)
    expect(await runner.drain()).toBe(1)
    expect(await state(id)).toEqual(['done', 2, null, 'the file went missing'])
    expect(prepared).toEqual([1, 2])
    expect(await effects()).toEqual([{ id, note: 'read after 0' }])
  })

  it('enqueues a job with a dedupe key once, also after it ran', async () => {
    const { queue, runner } = kernel()
    const key = { dedupeKey: 'reminder:42' }
    const first = await queue.enqueue(database.db, effect('first', key))
    expect(await queue.enqueue(database.db, effect('again', key))).toBe(first)
    expect(await runner.drain()).toBe(1)
    const late = await db.transaction().execute((trx) => queue.enqueue(trx, effect('late', key)))
    expect(late).toBe(first)
    expect(await runner.drain()).toBe(0)
    expect(await jobCount()).toBe(1)
    expect(await effects()).toEqual([{ id: first, note: 'first' }])
  })

  it('lets a transaction enqueue a dedupe key another open transaction enqueued, once that commits', async () => {
    const { queue } = kernel()
    let release = () => {}
    let enqueued = () => {}
    const firstEnqueued = new Promise<void>((resolve) => (enqueued = resolve))
    const first = db.transaction().execute(async (trx) => {
      const id = await queue.enqueue(trx, effect('a', { dedupeKey: 'race' }))
      enqueued()
      await new Promise<void>((resolve) => (release = resolve))
      return id
    })
    await firstEnqueued
    const second = db
      .transaction()
      .execute((trx) => queue.enqueue(trx, effect('b', { dedupeKey: 'race' })))
    await new Promise((resolve) => setTimeout(resolve, 100))
    release()
    const [a, b] = await Promise.all([first, second])
    expect(b).toBe(a)
    expect(await jobCount()).toBe(1)
  })

  it('delivers a published event to each subscriber once, and nothing from a rolled-back publisher', async () => {
    const { runner, events } = kernel()
    const got = { mailer: [] as unknown[], ledger: [] as unknown[], other: [] as unknown[] }
    events.subscribe('person.registered', 'mailer', async ({ payload }) => {
      got.mailer.push(payload)
    })
    events.subscribe('person.registered', 'ledger', async ({ trx, payload, jobId }) => {
      got.ledger.push(payload)
      await tables(trx)
        .insertInto('test_job_effects')
        .values({ id: jobId, note: 'ledger' })
        .execute()
    })
    events.subscribe('item.published', 'mailer', async ({ payload }) => {
      got.other.push(payload)
    })

    const registered = { topic: 'person.registered', payload: { id: 'p1' } }
    await db.transaction().execute((trx) => events.publish(trx, registered))
    const refused = db.transaction().execute(async (trx) => {
      await events.publish(trx, { topic: 'person.registered', payload: { id: 'p2' } })
      throw new Error('refused')
    })
    await expect(refused).rejects.toThrow('refused')
    await events.publish(database.db, { topic: 'nobody.listens', payload: {} })

    expect(await runner.drain()).toBe(2)
    expect(await runner.drain()).toBe(0)
    expect(got).toEqual({ mailer: [{ id: 'p1' }], ledger: [{ id: 'p1' }], other: [] })
    expect((await effects()).map((e) => e.note)).toEqual(['ledger'])
  })

  it.runIf(dialect === 'postgres')(
    'runs each of 200 jobs exactly once across two runners on separate pools',
    async () => {
      const second = openDatabase({ url: database.url, poolSize: 5 })
      try {
        const { queue, runner: one } = kernel()
        const { runner: two } = kernel(second.db)
        for (const runner of [one, two]) {
          runner.register('count', async ({ trx, jobId }) => {
            await tables(trx)
              .insertInto('test_job_effects')
              .values({ id: jobId, note: runner.workerId })
              .execute()
            await tables(trx)
              .updateTable('test_job_counter')
              .set((eb) => ({ n: eb('n', '+', 1) }))
              .where('id', '=', 1)
              .execute()
          })
        }
        const ids = await db.transaction().execute(async (trx) => {
          const out: string[] = []
          for (let i = 0; i < 200; i++)
            out.push(await queue.enqueue(trx, { kind: 'count', payload: { i } }))
          return out
        })

        const [ranByOne, ranByTwo] = await Promise.all([one.drain(), two.drain()])
        expect((ranByOne ?? 0) + (ranByTwo ?? 0)).toBe(200)

        const rows = await effects()
        expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort())
        const perWorker = new Map<string, number>()
        for (const r of rows) perWorker.set(r.note, (perWorker.get(r.note) ?? 0) + 1)
        expect(perWorker.get(one.workerId)).toBeGreaterThan(0)
        expect(perWorker.get(two.workerId)).toBeGreaterThan(0)
        expect(perWorker.get(one.workerId)).toBe(ranByOne)

        const counter = await db
          .selectFrom('test_job_counter')
          .select('n')
          .where('id', '=', 1)
          .executeTakeFirstOrThrow()
        expect(counter.n).toBe(200)
        const jobs = await db.selectFrom('platform_jobs').select(['status', 'attempts']).execute()
        expect(jobs).toHaveLength(200)
        expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true)
      } finally {
        await second.close()
      }
    },
  )
})
