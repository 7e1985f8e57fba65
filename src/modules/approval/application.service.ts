import type { Transaction } from 'kysely'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError, validationFailed } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApplicationRow, ApprovalTables, CaseRow } from './approval.tables.js'
import { settleApplication } from './application-settle.js'
import { caseClock, clockEventsOf, jointClockEvents } from './case-clock.js'
import { DECISION_LIMITS, computeClock } from './sla/index.js'
import { readLog } from './case-log.js'
import type { CaseSessions } from './case-session.js'
import { mergeCorrections } from './case-status.js'
import { createFormChecker, mergedPointer, projectMemberForm } from './form-merge.js'
import { describeAction } from './timeline-labels.js'

type Trx = Transaction<ApprovalTables>

/** What applicants (and staff of the departments involved) see of an application. */
export function createApplicationService(deps: ApprovalDeps, sessions: CaseSessions) {
  const db = approvalDb(deps)
  const checkForm = createFormChecker()

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
    return db.transaction().execute(async (trx) => {
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
  }

  return {
    /** The status read (the busiest): two narrow queries, no form. */
    async get(actor: Actor, idOrNumber: string) {
      const application = await approvalStore.findApplicationHead(db, deps.dialect, idOrNumber)
      if (!application) throw new DomainError('APPROVAL_APPLICATION_NOT_FOUND')
      const cases = await approvalStore.listCaseHeads(db, deps.dialect, application.id)
      mayRead(actor, application, cases)
      return toView(application, cases)
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

    /** Each case's statutory clock: promised and statutory deadlines in working days. */
    async clocks(actor: Actor, idOrNumber: string) {
      const { cases } = await readable(actor, idOrNumber)
      const calendar = deps.calendar()
      const now = deps.clock.now()
      return Promise.all(
        cases.map(async (c) => {
          const log = readLog(await approvalStore.listActionsOfCase(db, c.id))
          const limits = { promisedDays: c.promised_days, statutoryDays: c.statutory_days }
          const result = caseClock(log, limits, calendar, now)
          return {
            caseId: c.id,
            caseNumber: c.case_number,
            clock: result?.ok ? result.view : null,
            refusal: result && !result.ok ? result.refusal.code : null,
          }
        }),
      )
    },

    /** 联合办理: a bundle's joint clock, 45 working days from the first acceptance (+15). */
    async jointClock(actor: Actor, idOrNumber: string) {
      const { application, cases } = await readable(actor, idOrNumber)
      if (application.kind !== 'bundle')
        throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
          reasonZh: '单个事项没有联合办理时限',
          reason: 'a single item has no joint-handling clock',
        })
      const perCase = await Promise.all(
        cases.map(async (c) => {
          const log = readLog(await approvalStore.listActionsOfCase(db, c.id))
          return clockEventsOf(log.engine, log.caseActions) ?? []
        }),
      )
      const events = jointClockEvents(perCase.filter((l) => l.length > 0))
      const { days, extensionDays } = DECISION_LIMITS.joint
      const result = events
        ? computeClock({
            events,
            promisedDays: days,
            statutoryDays: days,
            calendar: deps.calendar(),
            now: deps.clock.now(),
            maxExtensionDays: extensionDays,
          })
        : null
      return {
        applicationId: application.id,
        clock: result?.ok ? result.view : null,
        refusal: result && !result.ok ? result.refusal.code : null,
      }
    },

    /** 一次告知: every department's open correction request, merged per field. */
    async correctionNotice(actor: Actor, idOrNumber: string) {
      const { application, cases } = await readable(actor, idOrNumber)
      const open = await db.transaction().execute(async (trx) =>
        Promise.all(
          cases.map(async (c) => {
            const session = await sessions.open(trx, c)
            return {
              caseId: c.id,
              departmentId: c.department_id,
              correction: sessions.facts(session).correction,
            }
          }),
        ),
      )
      const members = await membersByCase(application, cases)
      const translated = open.map((c) => ({
        ...c,
        correction: c.correction && {
          ...c.correction,
          fields: c.correction.fields.map((f) => ({
            ...f,
            pointer: mergedPointer(members.get(c.caseId) ?? null, f.pointer),
          })),
        },
      }))
      return {
        applicationId: application.id,
        caseNumber: application.case_number,
        ...mergeCorrections(translated),
      }
    },

    /** The applicant sends the corrected form once; every case waiting for it resumes. */
    async resubmit(actor: Actor, idOrNumber: string, form: Record<string, unknown>) {
      const { application, cases } = await readable(actor, idOrNumber)
      ownApplication(actor, application, 'application.submit')
      const schemaKey = await formSchemaOf(application, cases)
      const errors = checkForm(schemaKey.key, schemaKey.schema, form)
      if (errors.length > 0) throw validationFailed(errors)
      const members = await membersByCase(application, cases)
      return withCases(
        actor,
        application.id,
        'approval.correction.resubmitted',
        async (trx, _app, current) => {
          const resumed: string[] = []
          for (const row of current) {
            const session = await sessions.open(trx, row)
            const correction = sessions.facts(session).correction
            if (!correction) continue
            const member = members.get(row.id) ?? null
            const caseForm = member ? projectMemberForm(member, form) : form
            sessions.note(
              session,
              {
                type: 'case.correction_resubmitted',
                at: deps.clock.now().toISOString(),
                pointers: correction.fields.map((f) => f.pointer),
              },
              actor,
            )
            await sessions.run(
              trx,
              session,
              { type: 'setVariables', actorId: actor.principal?.id ?? '', variables: caseForm },
              actor,
            )
            await sessions.commit(trx, session)
            await trx
              .updateTable('approval_cases')
              .set({ form_json: JSON.stringify(caseForm) })
              .where('id', '=', row.id)
              .execute()
            resumed.push(row.case_number)
          }
          if (resumed.length === 0) throw new DomainError('APPROVAL_NOTHING_TO_CORRECT')
          await approvalStore.updateApplication(trx, application.id, {
            status: application.status,
            updated_at: deps.clock.now().toISOString(),
            form_json: JSON.stringify(form),
          })
          return { resumed }
        },
      )
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

  async function formSchemaOf(application: ApplicationRow, cases: CaseRow[]) {
    if (application.kind === 'bundle') {
      const bundle = await deps.catalog.getPublishedBundle(application.subject_code)
      return { key: `bundle:${bundle.code}:${bundle.version}`, schema: bundle.content.formSchema }
    }
    const first = cases[0]
    if (!first) throw new DomainError('APPROVAL_CASE_NOT_FOUND')
    const definition = await deps.catalog.getDefinition(first.item_id, first.item_version)
    return {
      key: `item:${definition.itemId}:${definition.version}`,
      schema: definition.content.formSchema,
    }
  }

  async function membersByCase(application: ApplicationRow, cases: CaseRow[]) {
    const members = new Map<
      string,
      Awaited<ReturnType<typeof deps.catalog.getPublishedBundle>>['content']['members'][number]
    >()
    if (application.kind !== 'bundle') return members
    const bundle = await deps.catalog.getPublishedBundle(application.subject_code)
    for (const c of cases) {
      const member = bundle.content.members.find(
        (m) => m.implementationCode === c.implementation_code,
      )
      if (member) members.set(c.id, member)
    }
    return members
  }
}

type ApplicationHead = Pick<
  ApplicationRow,
  | 'id'
  | 'case_number'
  | 'kind'
  | 'subject_code'
  | 'name_zh'
  | 'name_en'
  | 'status'
  | 'enterprise_id'
  | 'channel'
  | 'submitted_at'
>
type CaseHead = Pick<
  CaseRow,
  | 'id'
  | 'case_number'
  | 'implementation_code'
  | 'name_zh'
  | 'name_en'
  | 'department_id'
  | 'status'
  | 'promised_days'
  | 'statutory_days'
  | 'finished_at'
>

function toSummary(a: ApplicationHead) {
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

function toView(a: ApplicationHead, cases: CaseHead[]) {
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
