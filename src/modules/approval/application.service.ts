import { validate as isUuid } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore, type ApplicationHeadRow, type CaseHeadRow } from './approval.store.js'
import type { ApplicationAccess } from './application-access.js'
import type { ApplicationHeads, ApplicationViews } from './application-views.js'
import { caseClock } from './case-clock.js'
import { readLog } from './case-log.js'
import type { CaseSessions } from './case-session.js'
import { describeAction } from './timeline-labels.js'

/** What applicants (and staff of the departments involved) see of an application; 撤回, 催办. */
export function createApplicationService(
  deps: ApprovalDeps,
  sessions: CaseSessions,
  access: ApplicationAccess,
  views: ApplicationViews,
) {
  const db = approvalDb(deps)
  const { readable, mayRead, ownApplication, withCases } = access
  const serialised = new WeakMap<ApplicationHeads, Buffer>()

  async function readableHeads(actor: Actor, idOrNumber: string): Promise<ApplicationHeads> {
    const load = async () => {
      const application = await approvalStore.findApplicationHead(db, deps.dialect, idOrNumber)
      if (!application) return null
      const cases = await approvalStore.listCaseHeads(db, deps.dialect, application.id)
      return { application, cases }
    }
    const heads = isUuid(idOrNumber) ? await views.read(idOrNumber, load) : await load()
    if (!heads) throw new DomainError('APPROVAL_APPLICATION_NOT_FOUND')
    mayRead(actor, heads.application, heads.cases)
    return heads
  }

  return {
    /**
     * The status read (the busiest): two narrow queries, no form, remembered per application id
     * (application-views.ts); a case number is always read afresh.
     */
    async get(actor: Actor, idOrNumber: string) {
      const heads = await readableHeads(actor, idOrNumber)
      return toView(heads.application, heads.cases)
    },

    /**
     * The same view as JSON bytes for the HTTP route: made once per remembered view (it is the
     * same for every reader allowed to see it), so busy polling neither renders nor encodes.
     */
    async getSerialised(actor: Actor, idOrNumber: string): Promise<Buffer> {
      const heads = await readableHeads(actor, idOrNumber)
      let json = serialised.get(heads)
      if (!json) {
        json = Buffer.from(JSON.stringify(toView(heads.application, heads.cases)))
        serialised.set(heads, json)
      }
      return json
    },

    async listMine(actor: Actor, query: { limit?: number; offset?: number }) {
      const principal = deps.guard.require(actor, 'application.read', {
        type: 'application',
        id: '*',
        ownerId: actor.principal?.id ?? null,
      })
      const rows = await approvalStore.listApplicationsOf(
        db,
        principal.id,
        query.limit ?? 20,
        query.offset ?? 0,
      )
      return rows.map((a) => toSummary(a))
    },

    async timeline(actor: Actor, idOrNumber: string) {
      const { application, cases } = await readable(actor, idOrNumber)
      const numbers = new Map(cases.map((c) => [c.id, c.case_number]))
      const rows = await approvalStore.listActionsOfApplication(db, application.id)
      return rows.flatMap((row) => {
        const label = describeAction(row.type)
        if (!label) return []
        return [
          {
            seq: Number(row.seq),
            at: row.at,
            caseId: row.case_id,
            caseNumber: numbers.get(row.case_id) ?? '',
            departmentId: row.department_id,
            type: row.type,
            label,
            actorKind: row.actor_kind,
            taskId: row.task_id,
            nodeId: row.node_id,
            detail: JSON.parse(row.payload_json) as Record<string, unknown>,
          },
        ]
      })
    },
    /** 催办: the applicant presses a case that is past its promised deadline. */
    async urge(actor: Actor, caseId: string) {
      const row = await approvalStore.findCase(db, caseId)
      if (!row) throw new DomainError('APPROVAL_CASE_NOT_FOUND')
      const { application } = await readable(actor, row.application_id)
      ownApplication(actor, application, 'application.submit')
      const log = readLog(await approvalStore.listActionsOfCase(db, row.id))
      const limits = { promisedDays: row.promised_days, statutoryDays: row.statutory_days }
      const clock = caseClock(log, limits, deps.calendar(), deps.clock.now())
      const overdue = clock?.ok === true && clock.view.promised?.state === 'red'
      if (!overdue)
        throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
          reasonZh: '仅可对超过承诺时限的办件催办',
          reason: 'only a case past its promised deadline can be urged',
        })
      return withCases(actor, application.id, 'approval.case.urged', async (trx) => {
        const session = await sessions.load(trx, row.id)
        sessions.note(session, { type: 'case.urged', at: deps.clock.now().toISOString() }, actor)
        await sessions.commit(trx, session)
        return { caseId: row.id }
      })
    },

    /** 撤回: every case not yet decided is withdrawn; decided ones stand. */
    async withdraw(actor: Actor, idOrNumber: string, reason: string) {
      const { application } = await readable(actor, idOrNumber)
      ownApplication(actor, application, 'application.withdraw')
      return withCases(
        actor,
        application.id,
        'approval.application.withdrawn',
        async (trx, _app, current) => {
          const withdrawn: string[] = []
          for (const row of current) {
            const session = await sessions.open(trx, row)
            if (sessions.facts(session).finished) continue
            sessions.note(
              session,
              { type: 'case.withdrawn', at: deps.clock.now().toISOString(), reason },
              actor,
            )
            await sessions.run(
              trx,
              session,
              {
                type: 'terminate',
                actorId: actor.principal?.id ?? '',
                reason: `withdrawn: ${reason}`,
              },
              actor,
            )
            await sessions.commit(trx, session)
            withdrawn.push(row.case_number)
          }
          if (withdrawn.length === 0)
            throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
              reasonZh: '已全部作出决定，不能撤回',
              reason: 'every case has been decided',
            })
          return { withdrawn }
        },
      )
    },
  }
}

function toSummary(a: ApplicationHeadRow) {
  return {
    id: a.id,
    caseNumber: a.case_number,
    kind: a.kind,
    code: a.subject_code,
    name: { zh: a.name_zh, en: a.name_en },
    status: a.status,
    enterpriseId: a.enterprise_id,
    channel: a.channel,
    submittedAt: a.submitted_at,
  }
}

function toView(a: ApplicationHeadRow, cases: CaseHeadRow[]) {
  return {
    ...toSummary(a),
    cases: cases.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      implementationCode: c.implementation_code,
      name: { zh: c.name_zh, en: c.name_en },
      departmentId: c.department_id,
      status: c.status,
      promisedDays: c.promised_days,
      statutoryDays: c.statutory_days,
      finishedAt: c.finished_at,
    })),
  }
}

export type ApplicationService = ReturnType<typeof createApplicationService>
