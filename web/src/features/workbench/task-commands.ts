import { api, orThrow } from '../../api/client'
import type { TaskAction } from './queries'

/** What each action's dialog collects (only the fields its action uses are set). */
export interface ActionValues {
  reason?: string
  note?: string
  fields?: string[]
  fieldReasons?: Record<string, string>
  nodeId?: string
  /** Staff ids: one colleague, or several for 抄送. */
  to?: string | string[]
  position?: 'before' | 'after'
  days?: number
}

const ids = (picked: string | string[] | undefined) =>
  (Array.isArray(picked) ? picked : (picked ?? '').split(/[,，\s]+/))
    .map((s) => s.trim())
    .filter(Boolean)
const one = (picked: string | string[] | undefined) => ids(picked)[0] ?? ''

/** Sends one action on a task to the server; a refusal comes back as an ApiError. */
export async function sendAction(taskId: string, action: TaskAction, v: ActionValues) {
  const path = { params: { path: { id: taskId } } }
  const reason = v.reason?.trim() ?? ''
  switch (action) {
    case 'claim':
      return orThrow(await api.POST('/api/v1/approval/tasks/{id}/claim', path))
    case 'approve':
    case 'reject':
      return orThrow(
        await api.POST('/api/v1/approval/tasks/{id}/decision', {
          ...path,
          body: { approved: action === 'approve', ...(reason ? { reason } : {}) },
        }),
      )
    case 'correction':
      return orThrow(
        await api.POST('/api/v1/approval/tasks/{id}/correction', {
          ...path,
          body: {
            fields: (v.fields ?? []).map((pointer) => ({
              pointer,
              reason: v.fieldReasons?.[pointer]?.trim() ?? '',
            })),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      )
    case 'return':
      return orThrow(
        await api.POST('/api/v1/approval/tasks/{id}/return', {
          ...path,
          body: { nodeId: v.nodeId ?? '', reason },
        }),
      )
    case 'transfer':
    case 'delegate':
      return orThrow(
        await api.POST('/api/v1/approval/tasks/{id}/hand-over', {
          ...path,
          body: { mode: action, to: one(v.to) },
        }),
      )
    case 'resolve':
      return orThrow(await api.POST('/api/v1/approval/tasks/{id}/resolve', path))
    case 'addSigner':
      return orThrow(
        await api.POST('/api/v1/approval/tasks/{id}/signers', {
          ...path,
          body: { signer: one(v.to), position: v.position ?? 'after' },
        }),
      )
    case 'removeSigner':
      return orThrow(await api.POST('/api/v1/approval/tasks/{id}/remove-signer', path))
    case 'copy':
      return orThrow(
        await api.POST('/api/v1/approval/tasks/{id}/copies', {
          ...path,
          body: { to: ids(v.to), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
        }),
      )
    case 'extension':
      return orThrow(
        await api.POST('/api/v1/approval/tasks/{id}/extension', {
          ...path,
          body: { days: v.days ?? 0, reason },
        }),
      )
  }
}
