import type { Transaction } from 'kysely'
import type { Actor, Principal } from '../../platform/auth/principal.js'
import type { Action } from '../../platform/authz/index.js'
import { DomainError, fieldError, validationFailed } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApprovalTables, TaskRow } from './approval.tables.js'
import { settleApplication } from './application-settle.js'
import type { ApplicationViews } from './application-views.js'
import type { CaseSession, CaseSessions } from './case-session.js'
import type { CaseFacts } from './case-status.js'
import type { EngineCommand } from './engine/index.js'

export type Trx = Transaction<ApprovalTables>
type Work = (trx: Trx, session: CaseSession, principal: Principal) => Promise<object | void>

/**
 * How staff steps run: authorised first, then one transaction that loads the case, does the
 * work, commits the case (409 if another step won), settles the application's status if the
 * case's moved, and writes the audit record; the committed case log is remembered for the next
 * step.
 */
export function createTaskSteps(
  deps: ApprovalDeps,
  sessions: CaseSessions,
  views: ApplicationViews,
) {
  const db = approvalDb(deps)

  async function authorise(actor: Actor, taskId: string) {
    const task = await approvalStore.findTask(db, taskId)
    if (!task) throw new DomainError('APPROVAL_TASK_NOT_FOUND')
    const action: Action =
      task.role === 'dept_approver' ? 'application.task.decide' : 'application.task.handle'
    const principal = deps.guard.require(actor, action, {
      type: 'task',
      id: task.id,
      departmentId: task.department_id,
    })
    return { task, principal }
  }

  async function run(
    actor: Actor,
    principal: Principal,
    caseId: string,
    audit: { action: string; taskId?: string },
    work: Work,
  ) {
    const { status, session } = await db.transaction().execute(async (trx) => {
      const session = await sessions.load(trx, caseId)
      const before = session.row.status
      const detail = await work(trx, session, principal)
      const facts = await sessions.commit(trx, session)
      // The application's status is a function of its cases': only a case whose status moved
      // can move it (most steps — claims, hand-overs, inner approvals — leave it as it was).
      if (facts.status !== before) await settleApplication(trx, deps, session.row.application_id)
      await deps.audit.record(trx, actor, {
        action: audit.action,
        subject: { type: 'case', id: session.row.id },
        after: {
          ...(audit.taskId ? { taskId: audit.taskId } : {}),
          status: facts.status,
          ...detail,
        },
      })
      return { status: facts.status, session }
    })
    sessions.remember(session)
    views.changed(session.row.application_id)
    return status
  }

  /** A step on one task by staff holding its role in its department. */
  async function onTask(actor: Actor, taskId: string, auditAction: string, work: Work) {
    const { task, principal } = await authorise(actor, taskId)
    const status = await run(actor, principal, task.case_id, { action: auditAction, taskId }, work)
    return { caseId: task.case_id, taskId, status }
  }

  return {
    onTask,

    /** A step on a whole case, by staff allowed `action` in the case's department. */
    async onCase(actor: Actor, caseId: string, action: Action, auditAction: string, work: Work) {
      const row = await approvalStore.findCase(db, caseId)
      if (!row) throw new DomainError('APPROVAL_CASE_NOT_FOUND')
      const principal = deps.guard.require(actor, action, {
        type: 'case',
        id: row.id,
        departmentId: row.department_id,
      })
      return { caseId, status: await run(actor, principal, caseId, { action: auditAction }, work) }
    },

    /** An engine command on a task, refused while the case waits for the applicant. */
    onTaskEngine(
      actor: Actor,
      taskId: string,
      auditAction: string,
      command: (principal: Principal) => EngineCommand,
    ) {
      return onTask(actor, taskId, auditAction, async (trx, session, principal) => {
        refuseWhileCorrecting(sessions.facts(session))
        await sessions.run(trx, session, command(principal), actor)
      })
    },

    /** A hand-over target must hold the task's role in the task's department. */
    async requireColleague(staffId: string, taskId: string, pointer: string): Promise<TaskRow> {
      const task = await approvalStore.findTask(db, taskId)
      if (!task) throw new DomainError('APPROVAL_TASK_NOT_FOUND')
      if (!(await deps.parties.holdsRole(staffId, task.role, task.department_id)))
        throw validationFailed([
          fieldError(pointer, 'not_colleague', {
            zh: '对方须为本部门具有该岗位角色的工作人员',
            en: 'The target must hold this step’s role in the same department',
          }),
        ])
      return task
    },
  }
}

export type TaskSteps = ReturnType<typeof createTaskSteps>

export function refuseWhileCorrecting(facts: CaseFacts): void {
  if (facts.correction)
    throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
      reasonZh: '正在等待申请人补正',
      reason: 'the case waits for the applicant’s correction',
    })
}
