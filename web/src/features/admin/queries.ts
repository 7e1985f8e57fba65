import { useQuery } from '@tanstack/react-query'
import { api, orThrow } from '../../api/client'
import type { paths } from '../../api/schema'

export type Department =
  paths['/api/v1/departments']['get']['responses'][200]['content']['application/json'][number]
export type Staff =
  paths['/api/v1/staff']['get']['responses'][200]['content']['application/json'][number]
export type AuditRecord =
  paths['/api/v1/audit/records']['get']['responses'][200]['content']['application/json']['items'][number]
export type AuditQuery = NonNullable<paths['/api/v1/audit/records']['get']['parameters']['query']>

export function useDepartments() {
  return useQuery({
    queryKey: ['admin', 'departments'],
    queryFn: async () => orThrow(await api.GET('/api/v1/departments')),
  })
}

export function useStaff() {
  return useQuery({
    queryKey: ['admin', 'staff'],
    queryFn: async () =>
      orThrow(await api.GET('/api/v1/staff', { params: { query: { limit: 500 } } })),
  })
}
