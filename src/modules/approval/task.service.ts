import type { Actor } from '../../platform/auth/principal.js'
import { DomainError, fieldError, validationFailed } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { CaseSessions } from './case-session.js'
import type { CorrectionField } from './case-status.js'
import { refuseUneditable, visibleForm } from './field-permissions.js'
import { requireNamedSigners } from './named-signers.js'
import { missingMaterials, requireMaterials } from './required-materials.js'
import { allowedActions } from './task-actions.js'
import { createTaskMaterials } from './task-materials.js'
import { readQueue, type QueueQuery } from './task-queue.js'
import { refuseWhileCorrecting, type TaskSteps } from './task-steps.js'

export interface Decision {
  approved: boolean
  /** Required for a rejection (行政许可法 第三十八条: a refusal states its reasons). */
  reason?: string
  /** Form values the step may set (its editable fields). */
  variables?: Record<string, unknown>
}

/** Department staff working their queue: claim, decide, ask for corrections, hand over. */
export function createTaskService(deps: ApprovalDeps, sessions: CaseSessions, steps: TaskSteps) {
  const db = approvalDb(deps)

  return {
    ...createTaskMaterials(deps),

    claim: (actor: Actor, taskId: string) =>
      steps.onTaskEngine(actor, taskId, 'approval.task.claimed', (p) => ({
        type: 'claim',
        taskId,
        actorId: p.id,
      })),

    decide(actor: Actor, taskId: string, decision: Decision) {
      const reason = decision.reason?.trim() ?? ''
      if (!decision.approved && reason === '')
        throw validationFailed([
          fieldError('/reason', 'required', {
            zh: '不予许可须说明理由',
            en: 'A rejection must state its reasons',
          }),
        ])
      return steps.onTask(
        actor,
        taskId,
        decision.approved ? 'approval.task.approved' : 'approval.task.rejected',
        async (trx, session, principal) => {
          refuseWhileCorrecting(sessions.facts(session))
          const open = session.state.tasks[taskId]
          refuseUneditable(decision.variables ?? {}, open?.editableFields ?? [])
          // A task this actor cannot decide is the engine's to refuse, whatever is missing.
          const decidable =
            open?.status === 'open' && (open.assignee ?? principal.id) === principal.id
          if (decision.approved && decidable) await requireMaterials(trx, deps, session.row)
          const events = await sessions.run(
            trx,
            session,
            {
              type: 'complete',
              taskId,
              actorId: principal.id,
              approved: decision.approved,
              variables: {
                ...(decision.variables ?? {}),
                ...(reason ? { decisionReason: reason } : {}),
              },
            },
            actor,
          )
          await requireNamedSigners(trx, deps, session, events)
          return { approved: decision.approved }
        },
      )
    },

    /** 补正: the case waits for the applicant; the task stays with whoever holds it. */
    requestCorrection(
      actor: Actor,
      taskId: string,
      request: { fields: CorrectionField[]; note?: string },
    ) {
      if (request.fields.length === 0)
        throw validationFailed([
          fieldError('/fields', 'minItems', {
            zh: '须列出需要补正的字段',
            en: 'List the fields to correct',
          }),
        ])
      return steps.onTask(
        actor,
        taskId,
        'approval.correction.requested',
        async (_trx, session, principal) => {
          const facts = sessions.facts(session)
          if (facts.finished)
            throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
              reasonZh: '办件已办结',
              reason: 'the case has finished',
            })
          refuseWhileCorrecting(facts)
          const task = session.state.tasks[taskId]
          if (!task || task.status !== 'open')
            throw new DomainError('APPROVAL_TASK_ALREADY_DECIDED')
          sessions.note(
            session,
            {
              type: 'case.correction_requested',
              at: deps.clock.now().toISOString(),
              taskId,
              requestedBy: principal.id,
              fields: request.fields,
              note: request.note ?? '',
            },
            actor,
          )
          return { fields: request.fields.map((f) => f.pointer) }
        },
      )
    },

    /** 转办 (transfer: the new holder owns it) and 委派 (delegate: ownership stays). */
    async handOver(actor: Actor, taskId: string, mode: 'transfer' | 'delegate', to: string) {
      await steps.requireColleague(to, taskId, '/to')
      return steps.onTaskEngine(
        actor,
        taskId,
        `approval.task.${mode === 'transfer' ? 'transferred' : 'delegated'}`,
        (p) => ({ type: mode, taskId, actorId: p.id, to }),
      )
    },

    /** The delegate hands the task back to its owner (委派办结). */
    resolve: (actor: Actor, taskId: string) =>
      steps.onTaskEngine(actor, taskId, 'approval.task.resolved', (p) => ({
        type: 'resolve',
        taskId,
        actorId: p.id,
      })),

    /** 加签: another signer decides before (then it comes back) or after this one. */
    async addSigner(actor: Actor, taskId: string, signer: string, position: 'before' | 'after') {
      await steps.requireColleague(signer, taskId, '/signer')
      return steps.onTaskEngine(actor, taskId, 'approval.signer.added', (p) => ({
        type: 'addSigner',
        taskId,
        actorId: p.id,
        signer,
        position,
      }))
    },

    /** 减签: cancels a signer's task that has not been decided (never the last one). */
    removeSigner: (actor: Actor, taskId: string) =>
      steps.onTaskEngine(actor, taskId, 'approval.signer.removed', (p) => ({
        type: 'removeSigner',
        taskId,
        actorId: p.id,
      })),

    returnTo: (actor: Actor, taskId: string, nodeId: string, reason: string) =>
      steps.onTaskEngine(actor, taskId, 'approval.task.returned', (p) => ({
        type: 'returnTo',
        taskId,
        actorId: p.id,
        nodeId,
        reason,
      })),

    /** One task as its step sees it: the case, and the form through the step's field permissions. */
    async detail(actor: Actor, taskId: string) {
      const task = await approvalStore.findTask(db, taskId)
      if (!task) throw new DomainError('APPROVAL_TASK_NOT_FOUND')
      deps.guard.require(actor, 'application.task.read', {
        type: 'task',
        id: task.id,
        departmentId: task.department_id,
      })
      return db.transaction().execute(async (trx) => {
        const session = await sessions.load(trx, task.case_id)
        const state = session.state.tasks[taskId]
        const facts = sessions.facts(session)
        const form = JSON.parse(session.row.form_json) as Record<string, unknown>
        const shared = await approvalStore.listSharedData(trx, session.row.application_id)
        const missing = await missingMaterials(trx, deps, session.row)
        const principalId = actor.principal?.id ?? ''
        const now = deps.clock.now().toISOString()
        const allowed = allowedActions(
          session.model,
          session.state,
          facts,
          taskId,
          principalId,
          now,
        )
        return {
          id: task.id,
          caseId: session.row.id,
          caseNumber: session.row.case_number,
          item: {
            code: session.row.implementation_code,
            name: { zh: session.row.name_zh, en: session.row.name_en },
          },
          step: { nodeId: task.node_id, name: task.name_zh, role: task.role },
          state: task.state,
          assigneeId: task.assignee_id,
          openedAt: task.opened_at,
          caseStatus: facts.status,
          correction: facts.correction,
          form: visibleForm(form, state?.visibleFields ?? null),
          editableFields: state?.editableFields ?? [],
          // 信息共享: what another department's step of this application established, so
          // nobody asks the applicant again (the credit code of the enterprise it founded).
          shared: { creditCode: shared.find((d) => d.name === 'creditCode')?.value ?? null },
          // What an approving decision would refuse for (409), so staff can ask for it (补正)
          // before deciding rather than learn it from the refusal.
          missingMaterials: missing.map((m) => ({ code: m.code, name: m.name })),
          // The workbench: what the engine accepts from this actor now, and where 退回 may go.
          applicationId: session.row.application_id,
          actions: allowed.actions,
          returnTargets: allowed.returnTargets.map((nodeId) => ({
            nodeId,
            name: session.model.nodes.get(nodeId)?.name ?? nodeId,
          })),
          urged: facts.urged,
          pendingExtension: facts.pendingExtension,
        }
      })
    },

    async queue(actor: Actor, query: QueueQuery) {
      const principal = actor.principal
      if (!principal) throw new DomainError('PLATFORM_UNAUTHENTICATED')
      const departmentIds = principal.assignments
        .filter(
          (a) =>
            a.departmentId !== null &&
            deps.guard.allows(actor, 'application.task.read', {
              type: 'task',
              id: '*',
              departmentId: a.departmentId,
            }),
        )
        .map((a) => a.departmentId as string)
      if (departmentIds.length === 0) throw new DomainError('PLATFORM_FORBIDDEN')
      const ids = [...new Set(departmentIds)]
      return readQueue(db, ids, query, deps.calendar(), deps.clock.now())
    },
  }
}

export type TaskService = ReturnType<typeof createTaskService>
