import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { sm3Hex } from '../../platform/crypto/index.js'
import { DomainError, fieldError, validationFailed } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApplicationRow, CaseRow } from './approval.tables.js'
import type { CaseSessions } from './case-session.js'
import { licenceStatus } from './licence/index.js'

export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024
/** What may be uploaded, recognised by content, never by the name or the declared type alone. */
const KINDS: ReadonlyArray<{ type: string; magic: Buffer }> = [
  { type: 'application/pdf', magic: Buffer.from('%PDF-') },
  { type: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
]
export const MATERIAL_TYPES = KINDS.map((k) => k.type)

export interface AttachInput {
  /** The member item (implementation code); may be left out when the application has one case. */
  item?: string
  code: string
  materialId?: string
  licence?: { identifier: string; reason: string }
}

const invalid = (pointer: string, code: string, zh: string, en: string) =>
  validationFailed([fieldError(pointer, code, { zh, en })])

/** Materials: uploads stored by content hash, and government-issued licences used instead (免提交). */
export function createMaterialService(deps: ApprovalDeps, sessions: CaseSessions) {
  const db = approvalDb(deps)

  async function ownApplication(
    actor: Actor,
    id: string,
  ): Promise<{ application: ApplicationRow; cases: CaseRow[] }> {
    const application = await approvalStore.findApplication(db, id)
    if (!application) throw new DomainError('APPROVAL_APPLICATION_NOT_FOUND')
    deps.guard.require(actor, 'application.submit', {
      type: 'application',
      id: application.id,
      ownerId: application.applicant_id,
    })
    return { application, cases: await approvalStore.listCases(db, application.id) }
  }

  async function heldLicences(application: ApplicationRow, type: string) {
    const holder = application.enterprise_id ?? application.applicant_id
    const rows = await db
      .selectFrom('approval_licences')
      .selectAll()
      .where('holder_party_id', '=', holder)
      .where('type_code', '=', type)
      .execute()
    const now = deps.clock.now().toISOString()
    return rows.filter(
      (r) =>
        licenceStatus(
          {
            validFrom: r.valid_from,
            validUntil: r.valid_until,
            revokedAt: r.revoked_at,
            cancelledAt: r.cancelled_at,
          },
          now,
        ) === 'valid',
    )
  }

  function caseOf(cases: CaseRow[], item: string | undefined): CaseRow {
    const found =
      item === undefined && cases.length === 1
        ? cases[0]
        : cases.find((c) => c.implementation_code === item)
    if (!found)
      throw invalid('/item', 'unknown_item', '申请中没有该事项', 'The application has no such item')
    return found
  }

  return {
    async upload(actor: Actor, file: { fileName: string; declaredType: string; content: Buffer }) {
      const principal = actor.principal
      if (!principal) throw new DomainError('PLATFORM_UNAUTHENTICATED')
      if (file.content.length === 0)
        throw invalid('/content', 'empty', '文件为空', 'The file is empty')
      if (file.content.length > MAX_MATERIAL_BYTES)
        throw invalid(
          '/content',
          'too_large',
          '文件不能超过 10 MB',
          'The file must not exceed 10 MB',
        )
      const kind = KINDS.find((k) => file.content.subarray(0, k.magic.length).equals(k.magic))
      if (!kind || kind.type !== file.declaredType)
        throw invalid(
          '/content',
          'type_not_allowed',
          '仅接受 PDF、PNG、JPEG 文件，且内容须与声明的类型一致',
          'Only PDF, PNG or JPEG files whose content matches the declared type',
        )
      const hash = sm3Hex(file.content)
      const at = deps.clock.now().toISOString()
      const row = {
        id: uuidv7(),
        owner_id: principal.id,
        hash,
        file_name: file.fileName,
        media_type: kind.type,
        size: file.content.length,
        created_at: at,
        updated_at: at,
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('approval_material_blobs')
          .values({
            hash,
            media_type: kind.type,
            size: row.size,
            content: file.content,
            created_at: at,
          })
          .onConflict((oc) => oc.column('hash').doNothing())
          .execute()
        await trx.insertInto('approval_materials').values(row).execute()
        await deps.audit.record(trx, actor, {
          action: 'approval.material.uploaded',
          subject: { type: 'material', id: row.id },
          after: { hash, size: row.size, mediaType: kind.type },
        })
      })
      return {
        id: row.id,
        hash,
        fileName: row.file_name,
        mediaType: row.media_type,
        size: row.size,
      }
    },

    /** Attaches an upload, or a held licence with the reason it replaces the material. */
    async attach(actor: Actor, applicationId: string, input: AttachInput) {
      const { application, cases } = await ownApplication(actor, applicationId)
      const row = caseOf(cases, input.item)
      const definition = await deps.catalog.getDefinition(row.item_id, row.item_version)
      const material = definition.content.materials.find((m) => m.code === input.code)
      if (!material)
        throw invalid(
          '/code',
          'unknown_material',
          '该事项没有此材料',
          'The item asks for no such material',
        )
      if ((input.materialId === undefined) === (input.licence === undefined))
        throw invalid(
          '/materialId',
          'one_of',
          '须提供上传的材料或已有证照之一',
          'Give either an upload or a licence',
        )
      let licenceId: string | null = null
      if (input.materialId !== undefined) {
        const upload = await db
          .selectFrom('approval_materials')
          .selectAll()
          .where('id', '=', input.materialId)
          .executeTakeFirst()
        if (!upload || upload.owner_id !== actor.principal?.id)
          throw invalid(
            '/materialId',
            'unknown_upload',
            '没有该上传文件',
            'No such upload of yours',
          )
      } else if (input.licence) {
        if (!material.licenceType)
          throw invalid(
            '/licence',
            'no_licence_accepted',
            '此材料不能以证照代替',
            'No licence can replace this material',
          )
        const held = (await heldLicences(application, material.licenceType)).find(
          (l) => l.identifier === input.licence?.identifier,
        )
        if (!held)
          throw invalid(
            '/licence/identifier',
            'not_held',
            '您（或所代理的企业）没有该有效证照',
            'You (or the enterprise) hold no such valid licence',
          )
        if (input.licence.reason.trim() === '')
          throw invalid('/licence/reason', 'required', '须说明使用理由', 'A reason is required')
        licenceId = held.id
      }
      const at = deps.clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        const session = await sessions.open(trx, row)
        if (sessions.facts(session).finished)
          throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
            reasonZh: '办件已办结',
            reason: 'the case has finished',
          })
        const id = uuidv7()
        await trx
          .insertInto('approval_case_materials')
          .values({
            id,
            application_id: application.id,
            case_id: row.id,
            material_code: material.code,
            material_id: input.materialId ?? null,
            licence_id: licenceId,
            reason: input.licence?.reason ?? null,
            attached_by: actor.principal?.id ?? '',
            created_at: at,
            updated_at: at,
          })
          .execute()
        sessions.note(
          session,
          {
            type: 'case.material_attached',
            at,
            code: material.code,
            via: licenceId ? 'licence' : 'upload',
            ...(input.licence
              ? { licenceIdentifier: input.licence.identifier, reason: input.licence.reason }
              : {}),
          },
          actor,
        )
        await sessions.commit(trx, session)
        await deps.audit.record(trx, actor, {
          action: licenceId ? 'approval.licence.reused' : 'approval.material.attached',
          subject: { type: 'case', id: row.id },
          after: { code: material.code, licenceId, reason: input.licence?.reason ?? null },
        })
        return { id, caseId: row.id, code: material.code, via: licenceId ? 'licence' : 'upload' }
      })
    },

    /** Per case: the materials its item asks for, what is attached, and licences that could serve. */
    async checklist(actor: Actor, applicationId: string) {
      const { application, cases } = await ownApplication(actor, applicationId)
      return Promise.all(
        cases.map(async (c) => {
          const definition = await deps.catalog.getDefinition(c.item_id, c.item_version)
          const attached = await db
            .selectFrom('approval_case_materials')
            .selectAll()
            .where('case_id', '=', c.id)
            .execute()
          const materials = await Promise.all(
            definition.content.materials.map(async (m) => ({
              code: m.code,
              name: m.name,
              required: m.required,
              licenceType: m.licenceType ?? null,
              attached: attached
                .filter((a) => a.material_code === m.code)
                .map((a) => ({ via: a.licence_id ? 'licence' : 'upload', at: a.created_at })),
              heldLicences: m.licenceType
                ? (await heldLicences(application, m.licenceType)).map((l) => ({
                    identifier: l.identifier,
                    name: l.name_zh,
                  }))
                : [],
            })),
          )
          return {
            caseId: c.id,
            caseNumber: c.case_number,
            implementationCode: c.implementation_code,
            materials,
          }
        }),
      )
    },
  }
}

export type MaterialService = ReturnType<typeof createMaterialService>
