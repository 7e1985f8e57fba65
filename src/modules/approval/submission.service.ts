import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { toShanghaiDate } from '../../platform/calendar/index.js'
import { DomainError, fieldError, validationFailed } from '../../platform/errors.js'
import type { BundleContent, PublishedDefinition } from '../catalog/index.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApplicationRow, ApprovalTables, CaseRow } from './approval.tables.js'
import { applicationNumber, caseNumber } from './case-number.js'
import type { CaseSessions } from './case-session.js'
import { applicationStatus, type CaseStatus } from './case-status.js'
import { applicableMembers, projectMemberForm, type FormChecker } from './form-merge.js'

export interface SubmitInput {
  kind: 'item' | 'bundle'
  code: string
  form: Record<string, unknown>
  enterpriseId?: string
  /** 窗口代办: counter staff apply for a citizen, recording how the citizen consented. */
  onBehalfOf?: {
    idNumber: string
    consent: { method: 'signature' | 'id_card_reader' | 'face_verification'; reference: string }
  }
}

interface Applicant {
  id: string
  consent: Record<string, unknown> | null
}

interface Member {
  definition: PublishedDefinition
  form: Record<string, unknown>
}

/** Submitting an item or a bundle: one merged form, one case per member, all started at once. */
export function createSubmissionService(
  deps: ApprovalDeps,
  sessions: CaseSessions,
  checkForm: FormChecker,
) {
  const db = approvalDb(deps)

  async function membersOf(input: SubmitInput) {
    if (input.kind === 'item') {
      const definition = await deps.catalog
        .getPublishedDefinition(input.code)
        .catch(() => notFound(input.code))
      const errors = checkForm(
        `item:${definition.itemId}:${definition.version}`,
        definition.content.formSchema,
        input.form,
      )
      if (errors.length > 0) throw validationFailed(errors)
      return {
        name: definition.content.name,
        version: definition.version,
        members: [{ definition, form: input.form }],
      }
    }
    const bundle = await deps.catalog
      .getPublishedBundle(input.code)
      .catch(() => notFound(input.code))
    const errors = checkForm(
      `bundle:${bundle.code}:${bundle.version}`,
      bundle.content.formSchema,
      input.form,
    )
    if (errors.length > 0) throw validationFailed(errors)
    return {
      name: bundle.content.name,
      version: bundle.version,
      members: await bundleMembers(bundle.content, input.form),
    }
  }

  async function bundleMembers(
    content: BundleContent,
    form: Record<string, unknown>,
  ): Promise<Member[]> {
    const applicable = applicableMembers(content, form)
    if (applicable.length === 0) throw new DomainError('APPROVAL_NO_MEMBER_APPLIES')
    const members: Member[] = []
    for (const member of applicable) {
      const definition = await deps.catalog
        .getPublishedDefinition(member.implementationCode)
        .catch(() => notFound(member.implementationCode))
      members.push({ definition, form: projectMemberForm(member, form) })
    }
    return members
  }

  async function applicantOf(actor: Actor, input: SubmitInput): Promise<Applicant> {
    if (input.onBehalfOf) return counterApplicant(actor, input.onBehalfOf)
    const principal = deps.guard.require(actor, 'application.submit', {
      type: 'application',
      id: 'new',
      ownerId: actor.principal?.id ?? null,
    })
    if (
      input.enterpriseId !== undefined &&
      !(await deps.parties.isAgent(input.enterpriseId, principal.id))
    )
      throw new DomainError('APPROVAL_NOT_AGENT')
    return { id: principal.id, consent: null }
  }

  /** Counter staff signed in on the counter channel, in a department they clerk for. */
  async function counterApplicant(
    actor: Actor,
    behalf: NonNullable<SubmitInput['onBehalfOf']>,
  ): Promise<Applicant> {
    const principal = actor.principal
    const department = principal?.assignments.find(
      (a) =>
        a.departmentId !== null &&
        deps.guard.allows(actor, 'application.counter.submit', {
          type: 'application',
          id: 'new',
          departmentId: a.departmentId,
        }),
    )
    if (!principal || !department) throw new DomainError('PLATFORM_FORBIDDEN')
    if (principal.channel !== 'counter')
      throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
        reasonZh: '代办申请须在窗口渠道登录',
        reason: 'applying for a citizen needs a counter-channel session',
      })
    const citizen = await deps.parties.findPersonByIdNumber(behalf.idNumber)
    if (!citizen)
      throw validationFailed([
        fieldError('/onBehalfOf/idNumber', 'not_registered', {
          zh: '该身份证号码尚未注册，请先为其注册',
          en: 'No registered person has this ID number; register them first',
        }),
      ])
    const consent = {
      ...behalf.consent,
      recordedBy: principal.id,
      departmentId: department.departmentId,
      at: deps.clock.now().toISOString(),
    }
    return { id: citizen.id, consent }
  }

  return {
    /** Submits; every case's process starts in the same transaction as the application. */
    async submit(actor: Actor, input: SubmitInput) {
      const applicant = await applicantOf(actor, input)
      const { name, version, members } = await membersOf(input)
      const now = deps.clock.now()
      const at = now.toISOString()
      const submitted = await db.transaction().execute(async (trx) => {
        const serial = await approvalStore.nextSerial(trx, deps.dialect)
        const number = applicationNumber(deps.regionCode, toShanghaiDate(now), serial)
        const application: ApplicationRow = {
          id: uuidv7(),
          case_number: number,
          kind: input.kind,
          subject_code: input.code,
          subject_version: version,
          name_zh: name.zh,
          name_en: name.en,
          applicant_id: applicant.id,
          enterprise_id: input.enterpriseId ?? null,
          channel: actor.channel,
          consent_json: applicant.consent ? JSON.stringify(applicant.consent) : null,
          form_json: JSON.stringify(input.form),
          status: 'in_progress',
          version: 0,
          submitted_at: at,
          created_at: at,
          updated_at: at,
        }
        await approvalStore.insertApplication(trx, application)
        const statuses: CaseStatus[] = []
        for (const [index, member] of members.entries()) {
          const row = caseRow(application, member, caseNumber(number, index + 1), at)
          const session = await startCase(trx, row, member.form, actor)
          statuses.push(session.row.status as CaseStatus)
        }
        // Inserted as in progress; a process that finishes or waits at once changes that.
        const status = applicationStatus(statuses)
        if (status !== application.status)
          await approvalStore.updateApplication(trx, application.id, { status, updated_at: at })
        await deps.audit.record(trx, actor, {
          action: 'approval.application.submitted',
          subject: { type: 'application', id: application.id },
          after: {
            caseNumber: number,
            kind: input.kind,
            code: input.code,
            cases: members.length,
            onBehalfOf: applicant.consent ? applicant.id : null,
            consent: applicant.consent,
          },
        })
        return { id: application.id, caseNumber: number }
      })
      // Not remembered: a new case's next step comes when staff open it, long after a busy
      // server's cache has moved on, so remembering only fed the garbage collector.
      return submitted
    },
  }

  async function startCase(
    trx: Transaction<ApprovalTables>,
    row: CaseRow,
    form: Record<string, unknown>,
    actor: Actor,
  ) {
    const session = await sessions.openNew(trx, row)
    sessions.note(session, { type: 'case.submitted', at: row.created_at }, actor)
    await sessions.run(trx, session, { type: 'start', variables: form }, actor)
    await sessions.commit(trx, session)
    return session
  }
}

function notFound(code: string): never {
  throw new DomainError('APPROVAL_SUBJECT_NOT_FOUND', { code })
}

function caseRow(application: ApplicationRow, member: Member, number: string, at: string): CaseRow {
  const { definition } = member
  return {
    id: uuidv7(),
    application_id: application.id,
    case_number: number,
    item_id: definition.itemId,
    item_version: definition.version,
    implementation_code: definition.implementationCode,
    department_id: definition.departmentId,
    name_zh: definition.content.name.zh,
    name_en: definition.content.name.en,
    form_json: JSON.stringify(member.form),
    status: 'in_progress',
    promised_days: definition.content.promisedLimitDays,
    statutory_days: definition.content.statutoryLimitDays,
    version: 0,
    finished_at: null,
    created_at: at,
    updated_at: at,
  }
}

export type SubmissionService = ReturnType<typeof createSubmissionService>
