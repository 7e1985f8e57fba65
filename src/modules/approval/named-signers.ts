import { fieldError, validationFailed, type FieldError } from '../../platform/errors.js'
import { message, registerMessages } from '../../platform/i18n/i18n.js'
import type { ApprovalDeps } from './approval.deps.js'
import type { CaseSession } from './case-session.js'
import type { EngineEvent } from './engine/index.js'
import type { Trx } from './task-steps.js'

export const NAMED_SIGNER_MESSAGES = {
  'approval.field.signers_missing': {
    zh: '须指定“{step}”环节的会签人员',
    en: 'Name the signers of the step "{step}"',
  },
  'approval.field.signers_invalid': {
    zh: '“{step}”环节的会签人员须为本部门具有 {role} 岗位的不同工作人员',
    en: 'The signers of "{step}" must be different staff holding the {role} role in this department',
  },
}
registerMessages(NAMED_SIGNER_MESSAGES)

/** `/variables/<name>` when the collection is a plain variable the decision may set. */
const pointerOf = (collection: string) =>
  /^[A-Za-z_]\w*$/.test(collection) ? `/variables/${collection}` : '/variables'

/**
 * A decision that opens a 会签 / 或签 step names its signers (the step's `camunda:collection`,
 * usually a variable this step sets, e.g. the two inspectors of a 现场核查). They must be
 * different staff holding the step's role in the case's department; no signers at all is
 * refused here instead of leaving the case with an incident for an administrator.
 */
export async function requireNamedSigners(
  trx: Trx,
  deps: ApprovalDeps,
  session: CaseSession,
  events: readonly EngineEvent[],
): Promise<void> {
  const errors: FieldError[] = []
  for (const event of events) {
    const nodeId =
      event.type === 'group_opened' && event.mode !== 'single'
        ? event.nodeId
        : event.type === 'incident_raised' && event.reason === 'collection_invalid'
          ? event.nodeId
          : null
    const node = nodeId === null ? undefined : session.model.nodes.get(nodeId)
    if (node?.kind !== 'userTask' || node.multiInstance === null) continue
    const pointer = pointerOf(node.multiInstance.collection)
    const step = node.name ?? node.id
    if (event.type !== 'group_opened') {
      errors.push(
        fieldError(pointer, 'signers_missing', message('approval.field.signers_missing', { step })),
      )
      continue
    }
    if (!(await holdTheRole(trx, deps, session, node.role, event.signers)))
      errors.push(
        fieldError(
          pointer,
          'signers_invalid',
          message('approval.field.signers_invalid', { step, role: node.role ?? '' }),
        ),
      )
  }
  if (errors.length > 0) throw validationFailed(errors)
}

/** Different staff, each holding `role` (when the step names one) in the case's department. */
async function holdTheRole(
  trx: Trx,
  deps: ApprovalDeps,
  session: CaseSession,
  role: string | null,
  planned: ReadonlyArray<string | null>,
): Promise<boolean> {
  const signers = planned.filter((s): s is string => s !== null)
  if (new Set(signers).size !== signers.length) return false
  if (role === null) return true
  const departmentId = session.row.department_id
  const holds = await Promise.all(
    signers.map((s) => deps.parties.holdsRole(s, role, departmentId, trx)),
  )
  return !holds.includes(false)
}
