import type { Transaction } from 'kysely'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApplicationRow, ApprovalTables, CaseRow } from './approval.tables.js'
import { settleApplication } from './application-settle.js'
import type { ApplicationViews } from './application-views.js'

type Trx = Transaction<ApprovalTables>

/** Who may see and act on an application, and the applicant's audited one-transaction steps. */
export function createApplicationAccess(deps: ApprovalDeps, views: ApplicationViews) {
  const db = approvalDb(deps)

  async function readable(actor: Actor, idOrNumber: string) {
    const application = await approvalStore.findApplication(db, idOrNumber)
    if (!application) throw new DomainError('APPROVAL_APPLICATION_NOT_FOUND')
    const cases = await approvalStore.listCases(db, application.id)
    mayRead(actor, application, cases)
    return { application, cases }
  }

  /** The applicant, or staff of a department with a case in it; anyone else learns nothing. */
  function mayRead(
    actor: Actor,
    application: { id: string; applicant_id: string },
    cases: ReadonlyArray<{ department_id: string }>,
  ): void {
    const resource = { type: 'application', id: application.id, ownerId: application.applicant_id }
    const allowed =
      deps.guard.allows(actor, 'application.read', resource) ||
      cases.some((c) =>
        deps.guard.allows(actor, 'application.read', {
          ...resource,
          ownerId: null,
          departmentId: c.department_id,
        }),
      )
    if (!allowed) {
      if (!actor.principal) throw new DomainError('PLATFORM_UNAUTHENTICATED')
      // Same answer as a missing application: a stranger learns nothing from the number.
      throw new DomainError('APPROVAL_APPLICATION_NOT_FOUND')
    }
  }

  function ownApplication(
    actor: Actor,
    application: ApplicationRow,
    action: 'application.read' | 'application.withdraw' | 'application.submit',
  ) {
    deps.guard.require(actor, action, {
      type: 'application',
      id: application.id,
      ownerId: application.applicant_id,
    })
  }

  async function withCases(
    actor: Actor,
    idOrNumber: string,
    audit: string,
    work: (
      trx: Trx,
      application: ApplicationRow,
      cases: CaseRow[],
    ) => Promise<Record<string, unknown>>,
  ) {
    const { application } = await readable(actor, idOrNumber)
    const done = await db.transaction().execute(async (trx) => {
      const cases = await approvalStore.listCases(trx, application.id)
      const detail = await work(trx, application, cases)
      const status = await settleApplication(trx, deps, application.id)
      await deps.audit.record(trx, actor, {
        action: audit,
        subject: { type: 'application', id: application.id },
        after: { status, ...detail },
      })
      return { id: application.id, status }
    })
    views.changed(application.id)
    return done
  }

  return { readable, mayRead, ownApplication, withCases }
}

export type ApplicationAccess = ReturnType<typeof createApplicationAccess>
