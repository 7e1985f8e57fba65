import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAuditTrail } from '../../src/platform/audit/audit-trail.js'
import { systemActor } from '../../src/platform/auth/principal.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'

describe.each(testDialects())('the SM3 hash-chained audit trail (%s)', (dialect) => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp({ dialect })
    for (let i = 1; i <= 5; i++) {
      await t.app.database.db.transaction().execute((trx) =>
        t.app.audit.record(trx, systemActor(`req-${i}`), {
          action: 'test.thing.changed',
          subject: { type: 'thing', id: `t${i}` },
          after: { n: i },
        }),
      )
    }
  })
  afterEach(() => t.dispose())
  const records = () =>
    t.app.database.db
      .selectFrom('platform_audit_records')
      .select(['seq', 'id'])
      .orderBy('seq')
      .execute()

  it('verifies an untouched chain', async () => {
    expect(await t.app.audit.verify()).toEqual({ ok: true, checked: 5, firstBad: null })
  })

  it('names a record whose content was modified', async () => {
    const third = (await records())[2]!
    await t.app.database.db
      .updateTable('platform_audit_records')
      .set({ after_json: '{"n":999}' })
      .where('seq', '=', third.seq)
      .execute()
    expect(await t.app.audit.verify()).toMatchObject({
      ok: false,
      checked: 2,
      firstBad: { reason: 'hash_mismatch', seq: Number(third.seq), id: third.id },
    })
  })

  it('names the record after one that was deleted', async () => {
    const rows = await records()
    await t.app.database.db
      .deleteFrom('platform_audit_records')
      .where('seq', '=', rows[1]!.seq)
      .execute()
    expect((await t.app.audit.verify()).firstBad).toMatchObject({
      reason: 'link_broken',
      seq: Number(rows[2]!.seq),
    })
  })

  it('detects two records swapped in order', async () => {
    const rows = await records()
    const [a, b] = [rows[1]!, rows[2]!]
    await t.app.database.db
      .updateTable('platform_audit_records')
      .set({ seq: -1 })
      .where('seq', '=', a.seq)
      .execute()
    await t.app.database.db
      .updateTable('platform_audit_records')
      .set({ seq: a.seq })
      .where('seq', '=', b.seq)
      .execute()
    await t.app.database.db
      .updateTable('platform_audit_records')
      .set({ seq: b.seq })
      .where('seq', '=', -1)
      .execute()
    expect((await t.app.audit.verify()).firstBad).toMatchObject({
      reason: 'link_broken',
      seq: Number(a.seq),
      id: b.id,
    })
  })

  it('detects the newest records cut off the end', async () => {
    const rows = await records()
    await t.app.database.db
      .deleteFrom('platform_audit_records')
      .where('seq', '=', rows[4]!.seq)
      .execute()
    expect((await t.app.audit.verify()).firstBad).toMatchObject({ reason: 'head_mismatch' })
  })

  it('keeps the chain when a transaction that wrote audit rolls back', async () => {
    await expect(
      t.app.database.db.transaction().execute(async (trx) => {
        await t.app.audit.record(trx, systemActor('rollback'), {
          action: 'test.thing.changed',
          subject: { type: 'thing', id: 'gone' },
        })
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    await t.app.database.db.transaction().execute((trx) =>
      t.app.audit.record(trx, systemActor('after'), {
        action: 'test.thing.changed',
        subject: { type: 'thing', id: 't6' },
      }),
    )
    expect(await t.app.audit.verify()).toMatchObject({ ok: true, checked: 6 })
  })

  it('keeps one chain when a second writer (the CLI) appends between two of ours', async () => {
    const other = createAuditTrail({ db: t.app.database.db, dialect, clock: t.app.clock })
    const write = (trail: typeof other, id: string) =>
      t.app.database.db.transaction().execute((trx) =>
        trail.record(trx, systemActor(id), {
          action: 'test.two.writers',
          subject: { type: 'thing', id },
        }),
      )
    await write(t.app.audit, 'ours-1')
    await write(other, 'cli-1')
    await write(t.app.audit, 'ours-2')
    expect(await t.app.audit.verify()).toMatchObject({ ok: true, checked: 8 })
  })

  it('chains concurrent writers into one line', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.app.database.db.transaction().execute((trx) =>
          t.app.audit.record(trx, systemActor(`c${i}`), {
            action: 'test.concurrent',
            subject: { type: 'thing', id: `c${i}` },
          }),
        ),
      ),
    )
    expect(await t.app.audit.verify()).toMatchObject({ ok: true, checked: 25 })
  })
})
