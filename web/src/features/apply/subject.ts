import { useQuery } from '@tanstack/react-query'
import { api, orThrow } from '../../api/client'
import type { Kind } from './use-draft'

/** The bundle or item being applied for: its name and the form's JSON Schema. */
export function useSubject(kind: Kind, code: string) {
  return useQuery({
    queryKey: ['apply-subject', kind, code],
    queryFn: async () => {
      if (kind === 'bundle') {
        const b = orThrow(
          await api.GET('/api/v1/catalog/bundles/{id}', { params: { path: { id: code } } }),
        )
        return { name: b.content.name, schema: b.content.formSchema }
      }
      const i = orThrow(
        await api.GET('/api/v1/catalog/items/{id}', { params: { path: { id: code } } }),
      )
      return { name: i.content.name, schema: i.content.formSchema }
    },
  })
}

/** Enterprises the signed-in person may apply for as an agent (经办人). */
export function useMyEnterprises(enabled: boolean) {
  return useQuery({
    queryKey: ['my-enterprises'],
    enabled,
    queryFn: async () => orThrow(await api.GET('/api/v1/enterprises/mine')),
  })
}
