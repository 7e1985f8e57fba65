import { DomainError, fieldError } from '../../platform/errors.js'
import { message, registerMessages } from '../../platform/i18n/i18n.js'
import type { ItemContent } from '../catalog/index.js'
import type { ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { CaseRow } from './approval.tables.js'
import { licenceStatus } from './licence/index.js'
import type { Trx } from './task-steps.js'

type Material = ItemContent['materials'][number]

export const REQUIRED_MATERIAL_MESSAGES = {
  'approval.field.material_missing': {
    zh: '必须提交的材料尚未提供：{name}',
    en: 'Required material not provided: {name}',
  },
}
registerMessages(REQUIRED_MATERIAL_MESSAGES)

/**
 * The required materials of a case's item that are not provided. Submission cannot check them:
 * materials are attached to an application once it exists, and again in answer to a 补正
 * request, so an approving decision is the guard.
 *
 * Provided means the case has an attachment record (approval_case_materials) with the
 * material's code: an upload of the applicant's, or a government-issued licence used instead
 * (免提交) that is still valid now — one revoked, cancelled or expired since it was attached no
 * longer stands in. A material's note ("系统自动生成", "共享") does not count: only records do.
 */
export async function missingMaterials(
  trx: Trx,
  deps: ApprovalDeps,
  row: CaseRow,
): Promise<Material[]> {
  const definition = await deps.catalog.getDefinition(row.item_id, row.item_version, trx)
  const required = definition.content.materials.filter((m) => m.required)
  if (required.length === 0) return []
  const now = deps.clock.now().toISOString()
  const provided = new Set(
    (await approvalStore.listCaseAttachments(trx, row.id))
      .filter(
        (a) =>
          a.licence_id === null ||
          (a.valid_from !== null &&
            licenceStatus(
              {
                validFrom: a.valid_from,
                validUntil: a.valid_until,
                revokedAt: a.revoked_at,
                cancelledAt: a.cancelled_at,
              },
              now,
            ) === 'valid'),
      )
      .map((a) => a.material_code),
  )
  return required.filter((m) => !provided.has(m.code))
}

/** Refuses an approving decision, naming each missing material by its code. */
export async function requireMaterials(trx: Trx, deps: ApprovalDeps, row: CaseRow): Promise<void> {
  const missing = await missingMaterials(trx, deps, row)
  if (missing.length === 0) return
  throw new DomainError(
    'APPROVAL_MATERIALS_MISSING',
    {},
    missing.map((m) =>
      fieldError(`/materials/${m.code}`, 'material_missing', {
        zh: message('approval.field.material_missing', { name: m.name.zh }).zh,
        en: message('approval.field.material_missing', { name: m.name.en }).en,
      }),
    ),
  )
}
