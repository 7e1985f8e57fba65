import { useQuery } from '@tanstack/react-query'
import { api, orThrow } from '../../api/client'
import type { paths } from '../../api/schema'
import { useSession } from '../../auth/session'

type QueueQuery = NonNullable<paths['/api/v1/approval/tasks']['get']['parameters']['query']>
export type QueueEntry =
  paths['/api/v1/approval/tasks']['get']['responses'][200]['content']['application/json'][number]
export type TaskMaterial =
  paths['/api/v1/approval/tasks/{id}/materials']['get']['responses'][200]['content']['application/json'][number]
export type WorkOrder =
  paths['/api/v1/approval/work-orders']['get']['responses'][200]['content']['application/json'][number]
export type TimelineEntry =
  paths['/api/v1/approval/applications/{id}/timeline']['get']['responses'][200]['content']['application/json'][number]

export type TaskAction =
  | 'claim'
  | 'approve'
  | 'reject'
  | 'correction'
  | 'return'
  | 'transfer'
  | 'delegate'
  | 'resolve'
  | 'addSigner'
  | 'removeSigner'
  | 'copy'
  | 'extension'

/** GET /tasks/:id as the server builds it (its schema is an open record). */
export interface TaskDetail {
  id: string
  caseId: string
  caseNumber: string
  applicationId: string
  item: { code: string; name: { zh: string; en: string } }
  step: { nodeId: string; name: string; role: string }
  state: string
  assigneeId: string | null
  openedAt: string
  caseStatus: string
  correction: { fields: Array<{ pointer: string; reason: string }> } | null
  form: Record<string, unknown>
  editableFields: string[]
  shared: { creditCode: string | null }
  missingMaterials: Array<{ code: string; name: { zh: string; en: string } | string }>
  actions: TaskAction[]
  returnTargets: Array<{ nodeId: string; name: string }>
  urged: number
  pendingExtension: { days: number; reason: string; requestedBy: string } | null
}

/** The signed-in principal: whether staff, and their id (to tell my tasks from others'). */
export function useMe() {
  const session = useSession()
  return useQuery({
    queryKey: ['me', session?.accessToken ?? null],
    enabled: session !== null,
    queryFn: async () => orThrow(await api.GET('/api/v1/me')),
    staleTime: 5 * 60_000,
  })
}

export function useQueue(query: QueueQuery) {
  return useQuery({
    queryKey: ['workbench', 'queue', query],
    queryFn: async () => orThrow(await api.GET('/api/v1/approval/tasks', { params: { query } })),
    staleTime: 0,
  })
}

export function useTask(id: string) {
  return useQuery({
    queryKey: ['workbench', 'task', id],
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/approval/tasks/{id}', { params: { path: { id } } }),
      ) as unknown as TaskDetail,
    staleTime: 0,
  })
}

export function useTaskMaterials(id: string) {
  return useQuery({
    queryKey: ['workbench', 'materials', id],
    queryFn: async () =>
      orThrow(await api.GET('/api/v1/approval/tasks/{id}/materials', { params: { path: { id } } })),
    staleTime: 0,
  })
}

export function useTimeline(applicationId: string | undefined) {
  return useQuery({
    queryKey: ['workbench', 'timeline', applicationId],
    enabled: applicationId !== undefined,
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/approval/applications/{id}/timeline', {
          params: { path: { id: applicationId ?? '' } },
        }),
      ),
    staleTime: 0,
  })
}

export function useWorkOrders() {
  return useQuery({
    queryKey: ['workbench', 'work-orders'],
    queryFn: async () => orThrow(await api.GET('/api/v1/approval/work-orders')),
    staleTime: 0,
  })
}

/** The item's form schema, for field titles (a missing one leaves the pointers as labels). */
export function useFormSchema(implementationCode: string | undefined) {
  return useQuery({
    queryKey: ['workbench', 'form-schema', implementationCode],
    enabled: implementationCode !== undefined,
    staleTime: 10 * 60_000,
    retry: false,
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/catalog/items/{id}', {
          params: { path: { id: implementationCode ?? '' } },
        }),
      ).content.formSchema,
  })
}
