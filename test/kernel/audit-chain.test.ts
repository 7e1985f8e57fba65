import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SEAL_BATCH } from '../../src/platform/audit/audit-sealer.js'
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
    // Tampering is evident once a record is sealed; the tests below tamper with sealed records.
    expect(await t.app.audit.seal()).toBe(5)
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

  it('detects two records swapped in chain order', async () => {
    const rows = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select(['seq', 'id', 'chain_pos'])
      .orderBy('chain_pos')
      .execute()
    const [a, b] = [rows[1]!, rows[2]!]
    const move = (from: number | null, to: number | null) =>
      t.app.database.db
        .updateTable('platform_audit_records')
        .set({ chain_pos: to })
        .where('chain_pos', '=', from)
        .execute()
    await move(a.chain_pos, -1)
    await move(b.chain_pos, a.chain_pos)
    await move(-1, b.chain_pos)
    // SQLite walks in `seq` order and meets `a` out of place; PostgreSQL walks in chain order
    // and meets `b` where `a` should be. Either way the first of the two is named.
    const { firstBad } = await t.app.audit.verify()
    expect(firstBad?.reason).toBe('link_broken')
    expect(firstBad?.id).toBe(dialect === 'sqlite' ? a.id : b.id)
  })

  it('detects a sealed record taken off the chain to be sealed again', async () => {
    const third = (await records())[2]!
    await t.app.database.db
      .updateTable('platform_audit_records')
      .set({ after_json: '{"n":999}', chain_pos: null, prev_hash: null, hash: null })
      .where('seq', '=', third.seq)
      .execute()
    const result = await t.app.audit.verify()
    expect(result.ok).toBe(false)
    expect(result.firstBad?.reason).toMatch(/link_broken|head_mismatch/)
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

  it('keeps records unsealed but durable until the sealer chains them', async () => {
    await t.app.database.db.transaction().execute((trx) =>
      t.app.audit.record(trx, systemActor('late'), {
        action: 'test.thing.changed',
        subject: { type: 'thing', id: 't6' },
      }),
    )
    const unsealed = () =>
      t.app.database.db
        .selectFrom('platform_audit_records')
        .select('id')
        .where('hash', 'is', null)
        .execute()
    expect(await unsealed()).toHaveLength(1)
    expect(await t.app.audit.verify()).toEqual({ ok: true, checked: 6, firstBad: null })
    expect(await unsealed()).toHaveLength(0)
    expect(await t.app.audit.seal()).toBe(0)
  })

  it('seals in batches when many records wait', async () => {
    const many = SEAL_BATCH + 7
    await t.app.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < many; i++)
        await t.app.audit.record(trx, systemActor(`bulk-${i}`), {
          action: 'test.bulk',
          subject: { type: 'thing', id: `b${i}` },
        })
    })
    expect(await t.app.audit.seal()).toBe(many)
    expect(await t.app.audit.verify()).toMatchObject({ ok: true, checked: 5 + many })
  })

  it('two sealers (server and CLI) sealing at once still make one chain', async () => {
    const other = createAuditTrail({ database: t.app.database, clock: t.app.clock })
    const writes = Array.from({ length: 30 }, (_, i) =>
      t.app.database.db.transaction().execute((trx) =>
        (i % 2 ? other : t.app.audit).record(trx, systemActor(`w${i}`), {
          action: 'test.two.sealers',
          subject: { type: 'thing', id: `w${i}` },
        }),
      ),
    )
    const seals = [t.app.audit.seal(), other.seal(), t.app.audit.seal(), other.seal()]
    await Promise.all([...writes, ...seals])
    expect(await other.verify()).toEqual({ ok: true, checked: 35, firstBad: null })
  })

  it('keeps one chain when a second writer (the CLI) appends between two of ours', async () => {
    const other = createAuditTrail({ database: t.app.database, clock: t.app.clock })
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
