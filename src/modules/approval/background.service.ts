import type { Transaction } from 'kysely'
import { systemActor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import type { JobContext } from '../../platform/jobs/job-runner.js'
import type { ApprovalDeps } from './approval.deps.js'
import { settleApplication } from './application-settle.js'
import type { ApplicationViews } from './application-views.js'
import type { ApprovalTables, CaseRow } from './approval.tables.js'
import type { CaseSession, CaseSessions } from './case-session.js'
import type { ServiceJobState } from './engine/index.js'
import { missingMaterials } from './required-materials.js'

type Trx = Transaction<ApprovalTables>

/** An internal handler of a service-task topic: does the work, returns process variables. */
export type ServiceHandler = (job: {
  trx: Trx
  caseRow: CaseRow
  session: CaseSession
  service: ServiceJobState
}) => Promise<Record<string, unknown>>

/**
 * The engine's background work, run by the platform job runner in the job's transaction:
 * service tasks whose topic has an internal handler, and boundary timers. A topic without a
 * handler stays open as an external task for a department system to complete.
 */
export function createBackgroundWork(
  deps: ApprovalDeps,
  sessions: CaseSessions,
  views: ApplicationViews,
) {
  const handlers = new Map<string, ServiceHandler>()

  async function finish(ctx: JobContext, session: CaseSession) {
    const trx = ctx.trx as unknown as Trx
    const before = session.row.status
    const facts = await sessions.commit(trx, session)
    if (facts.status !== before) await settleApplication(trx, deps, session.row.application_id)
    ctx.afterCommit(() => {
      sessions.remember(session)
      views.changed(session.row.application_id)
    })
  }

  async function runService(ctx: JobContext) {
    const trx = ctx.trx as unknown as Trx
    const { caseId, taskId } = ctx.payload as { caseId: string; taskId: string }
    const session = await sessions.load(trx, caseId)
    const service = session.state.services[taskId]
    if (!service || service.status !== 'open') return
    const handler = handlers.get(service.topic)
    if (!handler) return
    const actor = systemActor(`job:${ctx.jobId}`)
    try {
      const variables = await handler({ trx, caseRow: session.row, session, service })
      await sessions.run(trx, session, { type: 'completeService', taskId, variables }, actor)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      await sessions.run(trx, session, { type: 'failService', taskId, reason: error.code }, actor)
    }
    await finish(ctx, session)
    await deps.audit.record(trx, actor, {
      action: 'approval.service.ran',
      subject: { type: 'case', id: caseId },
      after: { taskId, topic: service.topic, status: session.state.services[taskId]?.status },
    })
  }

  async function fireTimer(ctx: JobContext) {
    const trx = ctx.trx as unknown as Trx
    const { caseId, timerId } = ctx.payload as { caseId: string; timerId: string }
    const session = await sessions.load(trx, caseId)
    const timer = session.state.timers[timerId]
    if (timer?.status !== 'pending') return
    const actor = systemActor(`job:${ctx.jobId}`)
    // An automatic approval is a decision for the applicant: like staff, it needs every required
    // material; without them the timer only fires and the task waits for staff (补正).
    const missing =
      timer.action === 'auto_approve' ? await missingMaterials(trx, deps, session.row) : []
    const withheld = missing.length > 0
    await sessions.run(
      trx,
      session,
      { type: 'fireTimer', timerId, withholdApproval: withheld },
      actor,
    )
    if (withheld)
      sessions.note(
        session,
        {
          type: 'case.auto_approval_withheld',
          at: deps.clock.now().toISOString(),
          taskId: timer.taskId,
          missing: missing.map((m) => m.code),
        },
        actor,
      )
    await finish(ctx, session)
    await deps.audit.record(trx, actor, {
      action: 'approval.timer.fired',
      subject: { type: 'case', id: caseId },
      after: { timerId, ...(withheld ? { approvalWithheld: missing.map((m) => m.code) } : {}) },
    })
  }

  return {
    registerHandler(topic: string, handler: ServiceHandler): void {
      if (handlers.has(topic)) throw new Error(`service topic ${topic} registered twice`)
      handlers.set(topic, handler)
    },
    runService,
    fireTimer,
  }
}

export type BackgroundWork = ReturnType<typeof createBackgroundWork>
