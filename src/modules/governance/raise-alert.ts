import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import type { GovernanceDeps } from './governance.deps.js'
import type { AlertRow, DatasetRow, GovernanceTables } from './governance.tables.js'
import { governanceStore } from './governance.store.js'

/** What a detector found: the row's kind, severity, message and detail, and what the audit names. */
export interface AlertFinding {
  kind: AlertRow['kind']
  severity: AlertRow['severity']
  message: { zh: string; en: string }
  detail: unknown
  /** Added to the audit record's `after`, beside the dataset, kind, severity and run. */
  audited?: Record<string, unknown>
}

/** Stores an alert on a run and audits it, in the caller's transaction; returns its id. */
export async function raiseAlert(
  trx: Transaction<GovernanceTables>,
  deps: Pick<GovernanceDeps, 'audit' | 'clock'>,
  actor: Actor,
  on: { dataset: DatasetRow; runId: string },
  finding: AlertFinding,
): Promise<string> {
  const at = deps.clock.now().toISOString()
  const id = uuidv7()
  await governanceStore.insertAlert(trx, {
    id,
    dataset_id: on.dataset.id,
    run_id: on.runId,
    kind: finding.kind,
    severity: finding.severity,
    message_zh: finding.message.zh,
    message_en: finding.message.en,
    detail_json: JSON.stringify(finding.detail),
    raised_at: at,
    acknowledged_by: null,
    acknowledged_at: null,
    acknowledge_note: null,
    created_at: at,
    updated_at: at,
  })
  await deps.audit.record(trx, actor, {
    action: 'governance.alert.raised',
    subject: { type: 'governance_alert', id },
    after: {
      dataset: on.dataset.code,
      kind: finding.kind,
      severity: finding.severity,
      runId: on.runId,
      ...finding.audited,
    },
  })
  return id
}
