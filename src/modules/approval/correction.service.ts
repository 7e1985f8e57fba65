import type { Actor } from '../../platform/auth/principal.js'
import { DomainError, validationFailed } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApplicationAccess } from './application-access.js'
import type { ApplicationRow, CaseRow } from './approval.tables.js'
import type { CaseSessions } from './case-session.js'
import { mergeCorrections } from './case-status.js'
import { mergedPointer, projectMemberForm, type FormChecker } from './form-merge.js'

/** 一次告知 and the one resubmission that answers it. */
export function createCorrectionService(
  deps: ApprovalDeps,
  sessions: CaseSessions,
  access: ApplicationAccess,
  checkForm: FormChecker,
) {
  const db = approvalDb(deps)
  const { readable, ownApplication, withCases } = access

  return {
    /** 一次告知: every department's open correction request, merged per field. */
    async correctionNotice(actor: Actor, idOrNumber: string) {
      const { application, cases } = await readable(actor, idOrNumber)
      const open = await db.transaction().execute(async (trx) =>
        Promise.all(
          cases.map(async (c) => {
            const session = await sessions.peek(trx, c)
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

export type CorrectionService = ReturnType<typeof createCorrectionService>
