import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import type { DatasetAccess } from './dataset-access.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import { governanceStore } from './governance.store.js'
import type { AlertRow, DatasetRow } from './governance.tables.js'

export interface AlertQuery {
  dataset?: string
  /** true: not yet acknowledged; false: acknowledged; absent: both. */
  open?: boolean
  limit?: number
}

const toAlertView = (row: AlertRow, dataset: string) => ({
  id: row.id,
  dataset,
  runId: row.run_id,
  kind: row.kind,
  severity: row.severity,
  message: { zh: row.message_zh, en: row.message_en },
  detail: JSON.parse(row.detail_json) as unknown,
  raisedAt: row.raised_at,
  acknowledgedBy: row.acknowledged_by,
  acknowledgedAt: row.acknowledged_at,
  acknowledgeNote: row.acknowledge_note,
})

/** Alerts raised on datasets (quality drops, outliers): listed to readers, acknowledged once. */
export function createAlerts(deps: GovernanceDeps, access: DatasetAccess) {
  const db = governanceDb(deps)

  async function readable(actor: Actor, code: string | undefined): Promise<DatasetRow[]> {
    if (code !== undefined) return [await access.byCode(actor, 'governance.result.read', code)]
    const all = await governanceStore.listDatasets(db)
    return all.filter((d) => access.allows(actor, 'governance.result.read', d))
  }

  return {
    async list(actor: Actor, query: AlertQuery) {
      const datasets = await readable(actor, query.dataset)
      if (datasets.length === 0) return []
      const codes = new Map(datasets.map((d) => [d.id, d.code]))
      const rows = await governanceStore.listAlerts(
        db,
        [...codes.keys()],
        query.open,
        query.limit ?? 100,
      )
      return rows.map((row) => toAlertView(row, codes.get(row.dataset_id) ?? ''))
    },

    /** Marks an alert seen, with an optional note; a second acknowledgement is refused (409). */
    async acknowledge(actor: Actor, id: string, note: string | null) {
      const alert = await governanceStore.findAlert(db, id)
      if (!alert) throw new DomainError('GOVERNANCE_ALERT_NOT_FOUND', { id })
      const dataset = await access.byId(actor, 'governance.alert.ack', alert.dataset_id)
      const at = deps.clock.now().toISOString()
      const by = actor.principal?.id ?? null
      const cleanNote = note?.trim() || null
      await db.transaction().execute(async (trx) => {
        const moved = await governanceStore.acknowledgeAlert(trx, id, {
          acknowledged_by: by,
          acknowledged_at: at,
          acknowledge_note: cleanNote,
          updated_at: at,
        })
        if (!moved) throw new DomainError('GOVERNANCE_ALERT_ACKNOWLEDGED', { id })
        await deps.audit.record(trx, actor, {
          action: 'governance.alert.acknowledged',
          subject: { type: 'governance_alert', id },
          before: { acknowledgedAt: null },
          after: { acknowledgedAt: at, note: cleanNote },
        })
      })
      const row = await governanceStore.findAlert(db, id)
      return toAlertView(row ?? alert, dataset.code)
    },
  }
}

export type Alerts = ReturnType<typeof createAlerts>
