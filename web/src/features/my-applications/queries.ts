import { useQuery } from '@tanstack/react-query'
import { api, orThrow } from '../../api/client'

export const applicationKey = (id: string) => ['my-application', id]

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: async () =>
      orThrow(await api.GET('/api/v1/approval/applications/{id}', { params: { path: { id } } })),
  })
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: [...applicationKey(id), 'timeline'],
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/approval/applications/{id}/timeline', { params: { path: { id } } }),
      ),
  })
}

export function useCorrectionNotice(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...applicationKey(id), 'correction'],
    enabled,
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/approval/applications/{id}/correction-notice', {
          params: { path: { id } },
        }),
      ),
  })
}

/** Department names by id (public), for the timeline's and the notice's headings. */
export function useDepartmentNames() {
  const departments = useQuery({
    queryKey: ['departments'],
    staleTime: 10 * 60_000,
    queryFn: async () => orThrow(await api.GET('/api/v1/departments')),
  })
  const names = new Map((departments.data ?? []).map((d) => [d.id, d.name]))
  return (id: string) => names.get(id) ?? { zh: id, en: id }
}
