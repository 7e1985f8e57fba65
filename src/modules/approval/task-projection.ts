import type { Transaction } from 'kysely'
import { approvalStore } from './approval.store.js'
import type { ApprovalTables, CaseRow } from './approval.tables.js'
import type { EngineEvent, ProcessModel } from './engine/index.js'

/**
 * Keeps `approval_tasks` (the department queues) in step with the engine's task events, in the
 * same transaction. The action log stays the truth; this is an index over it.
 */
export async function projectTasks(
  trx: Transaction<ApprovalTables>,
  session: { row: CaseRow; model: ProcessModel },
  events: readonly EngineEvent[],
): Promise<void> {
  for (const event of events) {
    const at = event.at
    if (event.type === 'task_opened')
      await approvalStore.insertTask(trx, {
        id: event.taskId,
        case_id: session.row.id,
        application_id: session.row.application_id,
        department_id: session.row.department_id,
        node_id: event.nodeId,
        name_zh: session.model.nodes.get(event.nodeId)?.name ?? event.nodeId,
        role: event.role ?? '',
        assignee_id: event.assignee,
        state: 'open',
        opened_at: at,
        closed_at: null,
        created_at: at,
        updated_at: at,
      })
    else if (event.type === 'task_claimed')
      await approvalStore.assignTask(trx, event.taskId, { assignee_id: event.by, updated_at: at })
    else if (event.type === 'task_reassigned')
      await approvalStore.assignTask(trx, event.taskId, { assignee_id: event.to, updated_at: at })
    else if (event.type === 'task_suspended' || event.type === 'task_resumed')
      await approvalStore.setTaskState(trx, event.taskId, {
        state: event.type === 'task_suspended' ? 'suspended' : 'open',
        updated_at: at,
      })
    else if (event.type === 'task_completed' || event.type === 'task_cancelled')
      await approvalStore.closeTask(trx, event.taskId, {
        state: event.type === 'task_completed' ? 'completed' : 'cancelled',
        closed_at: at,
        updated_at: at,
      })
  }
}
