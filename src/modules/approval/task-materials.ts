import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'

/** The materials of a task's case as its department's staff see them, and their files. */
export function createTaskMaterials(deps: ApprovalDeps) {
  const db = approvalDb(deps)

  async function readableTask(actor: Actor, taskId: string) {
    const task = await approvalStore.findTask(db, taskId)
    if (!task) throw new DomainError('APPROVAL_TASK_NOT_FOUND')
    deps.guard.require(actor, 'application.task.read', {
      type: 'task',
      id: task.id,
      departmentId: task.department_id,
    })
    return task
  }

  return {
    /** What the case holds: each attached material with its file's name, type and size. */
    async taskMaterials(actor: Actor, taskId: string) {
      const task = await readableTask(actor, taskId)
      const rows = await db
        .selectFrom('approval_case_materials as cm')
        .leftJoin('approval_materials as m', 'm.id', 'cm.material_id')
        .select([
          'cm.id as id',
          'cm.material_code as code',
          'cm.material_id as materialId',
          'cm.licence_id as licenceId',
          'cm.created_at as attachedAt',
          'm.file_name as fileName',
          'm.media_type as mediaType',
          'm.size as size',
        ])
        .where('cm.case_id', '=', task.case_id)
        .orderBy('cm.created_at')
        .orderBy('cm.id')
        .execute()
      return rows.map((r) => ({ ...r, size: r.size === null ? null : Number(r.size) }))
    },

    /** One attached file's content, for the inline preview. */
    async taskMaterialContent(actor: Actor, taskId: string, materialId: string) {
      const task = await readableTask(actor, taskId)
      const found = await db
        .selectFrom('approval_case_materials as cm')
        .innerJoin('approval_materials as m', 'm.id', 'cm.material_id')
        .innerJoin('approval_material_blobs as b', 'b.hash', 'm.hash')
        .select(['m.media_type as mediaType', 'm.file_name as fileName', 'b.content as content'])
        .where('cm.case_id', '=', task.case_id)
        .where('cm.material_id', '=', materialId)
        .executeTakeFirst()
      if (!found) throw new DomainError('PLATFORM_NOT_FOUND')
      return found
    },
  }
}

export type TaskMaterials = ReturnType<typeof createTaskMaterials>
