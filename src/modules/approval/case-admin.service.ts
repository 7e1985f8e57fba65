import type { Actor } from '../../platform/auth/principal.js'
import { DomainError, fieldError, validationFailed } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { CaseSessions } from './case-session.js'
import { DECISION_LIMITS, type SpecialProcedureKind } from './sla/index.js'
import type { TaskSteps } from './task-steps.js'

/** Case administration: 延期, special procedures, and 跳转 / 终止 by department administrators. */
export function createCaseAdminService(
  deps: ApprovalDeps,
  sessions: CaseSessions,
  steps: TaskSteps,
) {
  const db = approvalDb(deps)

  return {
    /** 延期: the handler asks; the department's approver decides (one extension, ≤ 10 days). */
    requestExtension(actor: Actor, taskId: string, days: number, reason: string) {
      return steps.onTask(
        actor,
        taskId,
        'approval.extension.requested',
        async (_trx, session, principal) => {
          const facts = sessions.facts(session)
          if (facts.finished || facts.extended || facts.pendingExtension)
            throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
              reasonZh: '已延期过、已有待批的延期申请或已办结',
              reason: 'already extended, an extension is pending, or the case has finished',
            })
          if (days > DECISION_LIMITS.single.extensionDays)
            throw validationFailed([
              fieldError('/days', 'maximum', {
                zh: `延期不能超过 ${DECISION_LIMITS.single.extensionDays} 个工作日`,
                en: `An extension is at most ${DECISION_LIMITS.single.extensionDays} working days`,
              }),
            ])
          const at = deps.clock.now().toISOString()
          sessions.note(
            session,
            { type: 'case.extension_requested', at, days, reason, requestedBy: principal.id },
            actor,
          )
          return { days }
        },
      )
    },

    async decideExtension(actor: Actor, caseId: string, granted: boolean) {
      const auditAction = granted ? 'approval.extension.granted' : 'approval.extension.refused'
      const done = await steps.onCase(
        actor,
        caseId,
        'application.task.decide',
        auditAction,
        async (_trx, session, principal) => {
          const pending = sessions.facts(session).pendingExtension
          if (!pending)
            throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
              reasonZh: '没有待批的延期申请',
              reason: 'no extension is pending',
            })
          if (pending.requestedBy === principal.id) throw new DomainError('PLATFORM_FORBIDDEN')
          const at = deps.clock.now().toISOString()
          sessions.note(
            session,
            { type: 'case.extension_decided', at, granted, days: pending.days, by: principal.id },
            actor,
          )
          return { days: pending.days }
        },
      )
      return { ...done, granted }
    },

    /** 特别程序 (听证、检验检测、专家评审 …): the statutory clock stops while it runs. */
    specialProcedure(
      actor: Actor,
      taskId: string,
      kind: SpecialProcedureKind,
      change: 'start' | 'end',
      reason = '',
    ) {
      return steps.onTask(
        actor,
        taskId,
        `approval.special_procedure.${change === 'start' ? 'started' : 'ended'}`,
        async (_trx, session) => {
          const running = sessions.facts(session).specialProcedures.includes(kind)
          if (running === (change === 'start'))
            throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
              reasonZh: change === 'start' ? '该特别程序已在进行' : '该特别程序未开始',
              reason:
                change === 'start'
                  ? 'the procedure is already running'
                  : 'the procedure is not running',
            })
          const at = deps.clock.now().toISOString()
          sessions.note(
            session,
            change === 'start'
              ? { type: 'case.special_procedure_started', at, kind, reason }
              : { type: 'case.special_procedure_ended', at, kind },
            actor,
          )
          return { kind }
        },
      )
    },

    /** 跳转 (admin): moves a task's token to any step, with the reason on the record. */
    async jump(actor: Actor, taskId: string, nodeId: string, reason: string) {
      const task = await approvalStore.findTask(db, taskId)
      if (!task) throw new DomainError('APPROVAL_TASK_NOT_FOUND')
      const done = await steps.onCase(
        actor,
        task.case_id,
        'application.case.administer',
        'approval.task.jumped',
        async (trx, session, principal) => {
          await sessions.run(
            trx,
            session,
            { type: 'jump', taskId, actorId: principal.id, nodeId, reason },
            actor,
          )
          return { taskId, nodeId, reason }
        },
      )
      return { ...done, taskId }
    },

    /** 终止 (admin): stops a case for good, with the reason on the record. */
    terminate: (actor: Actor, caseId: string, reason: string) =>
      steps.onCase(
        actor,
        caseId,
        'application.case.administer',
        'approval.case.terminated',
        async (trx, session, principal) => {
          await sessions.run(
            trx,
            session,
            { type: 'terminate', actorId: principal.id, reason },
            actor,
          )
          return { reason }
        },
      ),
  }
}

export type CaseAdminService = ReturnType<typeof createCaseAdminService>
