import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import type { BenchRow } from '../authz.js'
import { timeOps } from './timed-ops.js'
import { buildApp } from '../../src/app.js'
import type { AuditTrail } from '../../src/platform/audit/audit-trail.js'
import type { Actor } from '../../src/platform/auth/principal.js'
import { loadConfig } from '../../src/platform/config.js'
import { createCatalogModule, type ItemContent } from '../../src/modules/catalog/index.js'
import { DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import { seedDemo } from '../../src/seed-demo.js'

const ROUNDS = 20
const OPS_PER_ROUND = 500
const TARGET_PCT = 10

const round = (n: number): number => Math.round(n * 100) / 100

/** The same services with an audit trail that writes nothing: the peer of the use-case figure. */
const noAudit: AuditTrail = {
  record: async () => 'none',
  seal: async () => 0,
  verify: async () => ({ ok: true, checked: 0, firstBad: null }),
  close: async () => {},
}

/**
 * Figure 3b: a whole one-row write use case — editing a catalogue draft through the service
 * (validation, authorisation, one UPDATE, its audit record) — with the real hash-chained audit
 * against the same service wired to an audit trail that writes nothing. SQLite file, WAL.
 */
export async function benchAuditUseCase(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-usecase-'))
  const config = loadConfig({
    TONGBAN_DATA_DIR: dir,
    TONGBAN_SECRET: 'bench-secret-0123456789-abcdefghijklmnop',
    TONGBAN_LOG_LEVEL: 'silent',
  })
  const app = await buildApp({ config, logger: pino({ level: 'silent' }) })
  try {
    await seedDemo(app)
    const base = DEMO_ITEMS.find((i) => i.departmentCode === 'market') as ItemContent
    const department = await app.identity.departments.findByCode('market')
    const actor: Actor = {
      principal: {
        id: 'bench-editor',
        kind: 'staff',
        sessionId: 'bench',
        channel: 'web',
        assignments: [{ role: 'catalog_editor', departmentId: department?.id ?? '' }],
      },
      requestId: 'bench',
      channel: 'web',
    }
    const draft = await app.catalog.items.createDraft(actor, {
      ...base,
      implementationCode: `${base.implementationCode.slice(0, 40)}-BENCH`,
    })
    const silent = createCatalogModule({
      db: app.database.db,
      clock: app.clock,
      audit: noAudit,
      guard: app.guard,
      departments: app.identity.departments,
    })
    let n = 0
    const edit = (items: typeof silent.items) => () =>
      items.editDraft(actor, draft.id, 1, {
        ...base,
        implementationCode: draft.implementationCode,
        name: { zh: `${base.name.zh}（第${n++}稿）`, en: base.name.en },
      })
    const seal = () => app.audit.seal()
    const audited = edit(app.catalog.items)
    const plain = edit(silent.items)
    await timeOps(plain, OPS_PER_ROUND)
    await timeOps(audited, OPS_PER_ROUND, seal)
    let plainSeconds = 0
    let auditedSeconds = 0
    for (let r = 0; r < ROUNDS; r++) {
      plainSeconds += await timeOps(plain, OPS_PER_ROUND)
      await app.database.checkpoint()
      auditedSeconds += await timeOps(audited, OPS_PER_ROUND, seal)
      await app.database.checkpoint()
    }
    const ratio = plainSeconds / auditedSeconds
    const overhead = (1 - ratio) * 100
    const ops = (ROUNDS * OPS_PER_ROUND) / auditedSeconds
    return [
      {
        bench: 'kernel',
        metric: 'use_case_audited_ops',
        value: round(ops),
        unit: 'ops/s',
        peer: 'same use case without audit',
        peerValue: round((ROUNDS * OPS_PER_ROUND) / plainSeconds),
        ratio: round(ratio),
      },
      {
        bench: 'kernel',
        metric: 'use_case_audit_overhead_pct',
        value: round(overhead),
        unit: '%',
        peer: 'target',
        peerValue: TARGET_PCT,
        ratio: round(overhead / TARGET_PCT),
      },
    ]
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
