import { sql, type Transaction } from 'kysely'
import type { ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApprovalTables } from './approval.tables.js'
import { noticeStatusChange } from './applicant-notices.js'
import { applicationStatus, type CaseStatus } from './case-status.js'

/**
 * Recomputes an application's status from its cases, last in a step's transaction. On PostgreSQL
 * the application row is locked first: two steps finishing different cases of one application
 * at once would otherwise each read the other's case as still running and store a stale status.
 * Every step locks its case before the application, so the order is the same for all.
 */
export async function settleApplication(
  trx: Transaction<ApprovalTables>,
  deps: Pick<ApprovalDeps, 'dialect' | 'clock' | 'notifier' | 'parties'>,
  applicationId: string,
): Promise<string> {
  if (deps.dialect === 'postgres')
    await sql`select id from approval_applications where id = ${applicationId} for update`.execute(
      trx,
    )
  const application = await approvalStore.findApplicationHead(trx, deps.dialect, applicationId)
  if (!application) throw new Error(`application ${applicationId} is gone`)
  const cases = await approvalStore.listCases(trx, applicationId)
  const status = applicationStatus(cases.map((c) => c.status as CaseStatus))
  if (status === application.status) return status
  await approvalStore.updateApplication(trx, applicationId, {
    status,
    updated_at: deps.clock.now().toISOString(),
  })
  await noticeStatusChange(trx, deps, application, application.status, status)
  return status
}
