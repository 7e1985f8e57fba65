import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Actor, Principal } from '../../platform/auth/principal.js'
import type { Action } from '../../platform/authz/index.js'
import { DomainError, fieldError, validationFailed } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApprovalTables, TaskRow } from './approval.tables.js'
import type { CaseSession, CaseSessions } from './case-session.js'
import { settleApplication } from './application-settle.js'
import type { CorrectionField } from './case-status.js'
import type { EngineCommand } from './engine/index.js'
import { refuseUneditable, visibleForm } from './field-permissions.js'
import { DECISION_LIMITS, type SpecialProcedureKind } from './sla/index.js'

type Trx = Transaction<ApprovalTables>
const DEPARTMENT_ROLES = ['dept_staff', 'dept_approver', 'dept_admin']

export interface Decision {
  approved: boolean
  /** Required for a rejection (行政许可法 第三十八条: a refusal states its reasons). */
  reason?: string
  /** Form values the step may set (its editable fields). */
  variables?: Record<string, unknown>
}

/** Department staff working their queue: claim, decide, ask for corrections, hand over. */
export function createTaskService(deps: ApprovalDeps, sessions: CaseSessions) {
  const db = approvalDb(deps)

  async function authorise(
    actor: Actor,
    taskId: string,
  ): Promise<{ task: TaskRow; principal: Principal }> {
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

  /** One staff step on one task's case: one transaction, audited, 409 if another step won. */
  async function step(
    actor: Actor,
    taskId: string,
    auditAction: string,
    work: (trx: Trx, session: CaseSession, principal: Principal) => Promise<unknown>,
  ) {
    const { task, principal } = await authorise(actor, taskId)
    const { output, session } = await db.transaction().execute(async (trx) => {
      const session = await sessions.load(trx, task.case_id)
      const detail = await work(trx, session, principal)
      const facts = await sessions.commit(trx, session)
      await settleApplication(trx, deps, session.row.application_id)
      await deps.audit.record(trx, actor, {
        action: auditAction,
        subject: { type: 'case', id: session.row.id },
        after: { taskId, status: facts.status, ...(detail ?? {}) },
      })
      return { output: { caseId: session.row.id, taskId, status: facts.status }, session }
    })
    sessions.remember(session)
    return output
  }

  /** A hand-over target must hold the task's role in the task's department. */
  async function requireColleague(staffId: string, task: TaskRow, pointer: string) {
    if (!(await deps.parties.holdsRole(staffId, task.role, task.department_id)))
      throw validationFailed([
        fieldError(pointer, 'not_colleague', {
          zh: '对方须为本部门具有该岗位角色的工作人员',
          en: 'The target must hold this step’s role in the same department',
        }),
      ])
  }

  function refuseWhileCorrecting(sessionsFacts: ReturnType<CaseSessions['facts']>) {
    if (sessionsFacts.correction)
      throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
        reasonZh: '正在等待申请人补正',
        reason: 'the case waits for the applicant’s correction',
      })
  }

  const engineStep = (
    actor: Actor,
    taskId: string,
    auditAction: string,
    command: (p: Principal) => EngineCommand,
  ) =>
    step(actor, taskId, auditAction, async (trx, session, principal) => {
      refuseWhileCorrecting(sessions.facts(session))
      await sessions.run(trx, session, command(principal), actor)
      return {}
    })

  return {
    claim: (actor: Actor, taskId: string) =>
      engineStep(actor, taskId, 'approval.task.claimed', (p) => ({
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
      return step(
        actor,
        taskId,
        decision.approved ? 'approval.task.approved' : 'approval.task.rejected',
        async (trx, session, principal) => {
          refuseWhileCorrecting(sessions.facts(session))
          const open = session.state.tasks[taskId]
          refuseUneditable(decision.variables ?? {}, open?.editableFields ?? [])
          await sessions.run(
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
      return step(
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
      const task = await approvalStore.findTask(db, taskId)
      if (!task) throw new DomainError('APPROVAL_TASK_NOT_FOUND')
      await requireColleague(to, task, '/to')
      return engineStep(
        actor,
        taskId,
        `approval.task.${mode === 'transfer' ? 'transferred' : 'delegated'}`,
        (p) => ({ type: mode, taskId, actorId: p.id, to }),
      )
    },

    /** The delegate hands the task back to its owner (委派办结). */
    resolve: (actor: Actor, taskId: string) =>
      engineStep(actor, taskId, 'approval.task.resolved', (p) => ({
        type: 'resolve',
        taskId,
        actorId: p.id,
      })),

    /** 加签: another signer decides before (then it comes back) or after this one. */
    async addSigner(actor: Actor, taskId: string, signer: string, position: 'before' | 'after') {
      const task = await approvalStore.findTask(db, taskId)
      if (!task) throw new DomainError('APPROVAL_TASK_NOT_FOUND')
      await requireColleague(signer, task, '/signer')
      return engineStep(actor, taskId, 'approval.signer.added', (p) => ({
        type: 'addSigner',
        taskId,
        actorId: p.id,
        signer,
        position,
      }))
    },

    /** 减签: cancels a signer's task that has not been decided (never the last one). */
    removeSigner: (actor: Actor, taskId: string) =>
      engineStep(actor, taskId, 'approval.signer.removed', (p) => ({
        type: 'removeSigner',
        taskId,
        actorId: p.id,
      })),

    returnTo: (actor: Actor, taskId: string, nodeId: string, reason: string) =>
      engineStep(actor, taskId, 'approval.task.returned', (p) => ({
        type: 'returnTo',
        taskId,
        actorId: p.id,
        nodeId,
        reason,
      })),

    /** 延期: the handler asks; the department's approver decides (one extension, ≤ 10 days). */
    requestExtension(actor: Actor, taskId: string, days: number, reason: string) {
      return step(
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
      const row = await approvalStore.findCase(db, caseId)
      if (!row) throw new DomainError('APPROVAL_CASE_NOT_FOUND')
      const principal = deps.guard.require(actor, 'application.task.decide', {
        type: 'case',
        id: row.id,
        departmentId: row.department_id,
      })
      return db.transaction().execute(async (trx) => {
        const session = await sessions.load(trx, caseId)
        const pending = sessions.facts(session).pendingExtension
        if (!pending)
          throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
            reasonZh: '没有待批的延期申请',
            reason: 'no extension is pending',
          })
        if (pending.requestedBy === principal.id) throw new DomainError('PLATFORM_FORBIDDEN')
        sessions.note(
          session,
          {
            type: 'case.extension_decided',
            at: deps.clock.now().toISOString(),
            granted,
            days: pending.days,
            by: principal.id,
          },
          actor,
        )
        const facts = await sessions.commit(trx, session)
        await deps.audit.record(trx, actor, {
          action: granted ? 'approval.extension.granted' : 'approval.extension.refused',
          subject: { type: 'case', id: caseId },
          after: { days: pending.days },
        })
        return { caseId, status: facts.status, granted }
      })
    },

    /** 特别程序 (听证、检验检测、专家评审 …): the statutory clock stops while it runs. */
    specialProcedure(
      actor: Actor,
      taskId: string,
      kind: SpecialProcedureKind,
      change: 'start' | 'end',
      reason = '',
    ) {
      return step(
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

    /** 抄送: colleagues of the case's department get it for information, with a read state. */
    copyTo(actor: Actor, taskId: string, to: string[], note: string) {
      return step(actor, taskId, 'approval.case.copied', async (trx, session, principal) => {
        for (const [index, staffId] of to.entries()) {
          const colleague = await Promise.all(
            DEPARTMENT_ROLES.map((role) =>
              deps.parties.holdsRole(staffId, role, session.row.department_id, trx),
            ),
          )
          if (!colleague.some(Boolean))
            throw validationFailed([
              fieldError(`/to/${index}`, 'not_colleague', {
                zh: '只能抄送本部门工作人员',
                en: 'Copies go to staff of the same department',
              }),
            ])
        }
        const at = deps.clock.now().toISOString()
        const unique = [...new Set(to)]
        await trx
          .insertInto('approval_copies')
          .values(
            unique.map((staffId) => ({
              id: uuidv7(),
              case_id: session.row.id,
              application_id: session.row.application_id,
              department_id: session.row.department_id,
              to_staff_id: staffId,
              copied_by: principal.id,
              note,
              read_at: null,
              created_at: at,
              updated_at: at,
            })),
          )
          .execute()
        sessions.note(
          session,
          { type: 'case.copied', at, to: unique, note, by: principal.id },
          actor,
        )
        return { to: unique }
      })
    },

    async myCopies(actor: Actor, unreadOnly: boolean) {
      const principal = actor.principal
      if (!principal || principal.kind !== 'staff') throw new DomainError('PLATFORM_FORBIDDEN')
      let q = db.selectFrom('approval_copies').selectAll().where('to_staff_id', '=', principal.id)
      if (unreadOnly) q = q.where('read_at', 'is', null)
      const rows = await q.orderBy('created_at', 'desc').limit(100).execute()
      return rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        applicationId: r.application_id,
        copiedBy: r.copied_by,
        note: r.note,
        readAt: r.read_at,
        copiedAt: r.created_at,
      }))
    },

    async markCopyRead(actor: Actor, copyId: string) {
      const row = await db
        .selectFrom('approval_copies')
        .selectAll()
        .where('id', '=', copyId)
        .executeTakeFirst()
      if (!row || row.to_staff_id !== actor.principal?.id)
        throw new DomainError('APPROVAL_COPY_NOT_FOUND')
      if (row.read_at) return { id: row.id, readAt: row.read_at }
      const at = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('approval_copies')
          .set({ read_at: at, updated_at: at })
          .where('id', '=', row.id)
          .where('read_at', 'is', null)
          .execute()
        await deps.audit.record(trx, actor, {
          action: 'approval.copy.read',
          subject: { type: 'case', id: row.case_id },
          after: { copyId: row.id },
        })
      })
      return { id: row.id, readAt: at }
    },

    /** 跳转 (admin): moves a task's token to any step, with the reason on the record. */
    async jump(actor: Actor, taskId: string, nodeId: string, reason: string) {
      const task = await approvalStore.findTask(db, taskId)
      if (!task) throw new DomainError('APPROVAL_TASK_NOT_FOUND')
      const principal = deps.guard.require(actor, 'application.case.administer', {
        type: 'case',
        id: task.case_id,
        departmentId: task.department_id,
      })
      return db.transaction().execute(async (trx) => {
        const session = await sessions.load(trx, task.case_id)
        await sessions.run(
          trx,
          session,
          { type: 'jump', taskId, actorId: principal.id, nodeId, reason },
          actor,
        )
        const facts = await sessions.commit(trx, session)
        await settleApplication(trx, deps, session.row.application_id)
        await deps.audit.record(trx, actor, {
          action: 'approval.task.jumped',
          subject: { type: 'case', id: session.row.id },
          after: { taskId, nodeId, reason },
        })
        return { caseId: session.row.id, taskId, status: facts.status }
      })
    },

    /** 终止 (admin): stops a case for good, with the reason on the record. */
    async terminate(actor: Actor, caseId: string, reason: string) {
      const row = await approvalStore.findCase(db, caseId)
      if (!row) throw new DomainError('APPROVAL_CASE_NOT_FOUND')
      const principal = deps.guard.require(actor, 'application.case.administer', {
        type: 'case',
        id: row.id,
        departmentId: row.department_id,
      })
      return db.transaction().execute(async (trx) => {
        const session = await sessions.load(trx, caseId)
        await sessions.run(
          trx,
          session,
          { type: 'terminate', actorId: principal.id, reason },
          actor,
        )
        const facts = await sessions.commit(trx, session)
        await settleApplication(trx, deps, row.application_id)
        await deps.audit.record(trx, actor, {
          action: 'approval.case.terminated',
          subject: { type: 'case', id: caseId },
          after: { reason },
        })
        return { caseId, status: facts.status }
      })
    },

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
        }
      })
    },

    async queue(
      actor: Actor,
      query: { state?: TaskRow['state']; limit?: number; offset?: number },
    ) {
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
      const rows = await approvalStore.listQueue(db, {
        departmentIds: [...new Set(departmentIds)],
        state: query.state ?? 'open',
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      })
      return rows
    },
  }
}

export type TaskService = ReturnType<typeof createTaskService>
