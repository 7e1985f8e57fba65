import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError, fieldError, validationFailed } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import type { CaseSessions } from './case-session.js'
import type { TaskSteps } from './task-steps.js'

const DEPARTMENT_ROLES = ['dept_staff', 'dept_approver', 'dept_admin']

/** 抄送: a case copied to colleagues for information, each copy with a read state. */
export function createCopyService(deps: ApprovalDeps, sessions: CaseSessions, steps: TaskSteps) {
  const db = approvalDb(deps)

  return {
    /** 抄送: colleagues of the case's department get it for information, with a read state. */
    copyTo(actor: Actor, taskId: string, to: string[], note: string) {
      return steps.onTask(
        actor,
        taskId,
        'approval.case.copied',
        async (trx, session, principal) => {
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
        },
      )
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
  }
}

export type CopyService = ReturnType<typeof createCopyService>
