import { v7 as uuidv7 } from 'uuid'
import type { Action } from '../../platform/authz/index.js'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { moduleDb } from '../../platform/db/database.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { DraftRow, DraftTables } from './draft.tables.js'
import './draft.errors.js'

export interface DraftKey {
  code: string
  enterpriseId?: string | undefined
}

export interface DraftInput extends DraftKey {
  kind: 'item' | 'bundle'
  form: Record<string, unknown>
}

const view = (row: DraftRow) => ({
  code: row.subject_code,
  kind: row.kind,
  enterpriseId: row.party_id === '' ? null : row.party_id,
  form: JSON.parse(row.form_json) as Record<string, unknown>,
  updatedAt: row.updated_at,
})

export type DraftView = ReturnType<typeof view>

/** 草稿: one draft per applicant, party (self or an enterprise) and item or bundle. */
export function createDraftService(deps: ApprovalDeps) {
  const db = moduleDb<DraftTables>(deps.db)

  /** The signed-in applicant acting for themselves or for an enterprise they are agent of. */
  async function ownerOf(actor: Actor, action: Action, key: DraftKey) {
    const principal = deps.guard.require(actor, action, {
      type: 'application',
      id: 'draft',
      ownerId: actor.principal?.id ?? null,
    })
    if (
      key.enterpriseId !== undefined &&
      !(await deps.parties.isAgent(key.enterpriseId, principal.id))
    )
      throw new DomainError('APPROVAL_NOT_AGENT')
    return { ownerId: principal.id, partyId: key.enterpriseId ?? '' }
  }

  async function checkSubject(input: DraftInput) {
    const found =
      input.kind === 'item'
        ? deps.catalog.getPublishedDefinition(input.code)
        : deps.catalog.getPublishedBundle(input.code)
    await found.catch(() => {
      throw new DomainError('APPROVAL_SUBJECT_NOT_FOUND', { code: input.code })
    })
  }

  const find = (ownerId: string, partyId: string, code: string) =>
    db
      .selectFrom('approval_application_drafts')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('party_id', '=', partyId)
      .where('subject_code', '=', code)
      .executeTakeFirst()

  return {
    /** The form of one of my applications as last submitted, to correct it and send it again. */
    async submittedForm(actor: Actor, idOrNumber: string): Promise<Record<string, unknown>> {
      const application = await approvalStore.findApplication(approvalDb(deps), idOrNumber)
      if (!application) throw new DomainError('APPROVAL_APPLICATION_NOT_FOUND')
      deps.guard.require(actor, 'application.read', {
        type: 'application',
        id: application.id,
        ownerId: application.applicant_id,
      })
      if (application.applicant_id !== actor.principal?.id)
        throw new DomainError('APPROVAL_APPLICATION_NOT_FOUND')
      return JSON.parse(application.form_json) as Record<string, unknown>
    },

    async get(actor: Actor, key: DraftKey): Promise<DraftView> {
      const { ownerId, partyId } = await ownerOf(actor, 'application.read', key)
      const row = await find(ownerId, partyId, key.code)
      if (!row) throw new DomainError('APPROVAL_DRAFT_NOT_FOUND')
      return view(row)
    },

    /** Saves (replaces) the draft; the audit record names the draft, not its contents. */
    async save(actor: Actor, input: DraftInput): Promise<DraftView> {
      const { ownerId, partyId } = await ownerOf(actor, 'application.submit', input)
      await checkSubject(input)
      const at = deps.clock.now().toISOString()
      const row: DraftRow = {
        id: uuidv7(),
        owner_id: ownerId,
        party_id: partyId,
        subject_code: input.code,
        kind: input.kind,
        form_json: JSON.stringify(input.form),
        created_at: at,
        updated_at: at,
      }
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto('approval_application_drafts')
          .values(row)
          .onConflict((oc) =>
            oc
              .columns(['owner_id', 'party_id', 'subject_code'])
              .doUpdateSet({ kind: row.kind, form_json: row.form_json, updated_at: at }),
          )
          .execute()
        const saved = await trx
          .selectFrom('approval_application_drafts')
          .selectAll()
          .where('owner_id', '=', ownerId)
          .where('party_id', '=', partyId)
          .where('subject_code', '=', input.code)
          .executeTakeFirstOrThrow()
        await deps.audit.record(trx, actor, {
          action: 'approval.draft.saved',
          subject: { type: 'application_draft', id: saved.id },
          after: { code: input.code, kind: input.kind, enterpriseId: input.enterpriseId ?? null },
        })
        return view(saved)
      })
    },

    async discard(actor: Actor, key: DraftKey): Promise<void> {
      const { ownerId, partyId } = await ownerOf(actor, 'application.submit', key)
      const row = await find(ownerId, partyId, key.code)
      if (!row) throw new DomainError('APPROVAL_DRAFT_NOT_FOUND')
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('approval_application_drafts').where('id', '=', row.id).execute()
        await deps.audit.record(trx, actor, {
          action: 'approval.draft.discarded',
          subject: { type: 'application_draft', id: row.id },
          before: { code: row.subject_code },
        })
      })
    },
  }
}

export type DraftService = ReturnType<typeof createDraftService>
