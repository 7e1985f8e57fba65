import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import type { CaseAction } from './case-status.js'
import type { ActionRow, CaseRow, NewActionRow } from './approval.tables.js'
import type { EngineEvent } from './engine/index.js'

/** Splits a case's action rows into the engine's events and the case's own actions. */
export function readLog(rows: readonly ActionRow[]): {
  engine: EngineEvent[]
  caseActions: CaseAction[]
} {
  const engine: EngineEvent[] = []
  const caseActions: CaseAction[] = []
  for (const row of rows) {
    const event = { ...(JSON.parse(row.payload_json) as object), type: row.type, at: row.at }
    if (row.kind === 'engine') engine.push(event as EngineEvent)
    else caseActions.push(event as CaseAction)
  }
  return { engine, caseActions }
}

function field(event: object, name: string): string | null {
  const value = (event as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : null
}

/** One action row: who did it comes from the event (`by`) or else the acting principal. */
export function toActionRow(
  caseRow: CaseRow,
  kind: 'engine' | 'case',
  event: EngineEvent | CaseAction,
  actor: Actor,
): NewActionRow {
  const { type, at, ...payload } = event
  const by = field(event, 'by') ?? field(event, 'requestedBy')
  return {
    id: uuidv7(),
    case_id: caseRow.id,
    application_id: caseRow.application_id,
    kind,
    type,
    task_id: field(event, 'taskId'),
    node_id: field(event, 'nodeId'),
    actor_id: by ?? actor.principal?.id ?? null,
    actor_kind: by && by !== actor.principal?.id ? 'staff' : (actor.principal?.kind ?? 'system'),
    department_id: caseRow.department_id,
    payload_json: JSON.stringify(payload),
    at,
  }
}
