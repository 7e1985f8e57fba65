import { useQuery } from '@tanstack/react-query'
import { api, orThrow } from '../../api/client'
import { useSession } from '../../auth/session'

/**
 * The three separated platform roles (三员分立), and the catalog roles for the items page, and
 * what each may open in the console.
 */
export type AdminRole =
  'system_admin' | 'security_admin' | 'auditor' | 'catalog_editor' | 'catalog_publisher'
export const ADMIN_ROLES: readonly AdminRole[] = [
  'system_admin',
  'security_admin',
  'auditor',
  'catalog_editor',
  'catalog_publisher',
]

export type AdminPage = 'departments' | 'staff' | 'calendar' | 'audit' | 'dashboards' | 'catalog'

/**
 * Which roles see which page: the same split the server enforces (src/platform/authz/roles.ts).
 * Staff accounts are run by the system admin and read by the security admin, who alone grants
 * roles; the auditor alone reads and verifies audit. Hiding a page is a courtesy: the server
 * refuses the request anyway. The dashboards' aggregate figures are the system admin's
 * (approval.statistics.read).
 */
export const PAGE_ROLES: Record<AdminPage, readonly AdminRole[]> = {
  departments: ['system_admin'],
  staff: ['system_admin', 'security_admin'],
  calendar: ['system_admin'],
  audit: ['auditor'],
  dashboards: ['system_admin'],
  catalog: ['catalog_editor', 'catalog_publisher'],
}
export const ADMIN_PAGES = Object.keys(PAGE_ROLES) as AdminPage[]

/** The signed-in principal's platform roles (empty when signed out or not an admin). */
export function useAdminRoles(): { pending: boolean; roles: ReadonlySet<AdminRole> } {
  const session = useSession()
  // Same key as the workbench's useMe: one /me request for both.
  const me = useQuery({
    queryKey: ['me', session?.accessToken ?? null],
    enabled: session !== null,
    queryFn: async () => orThrow(await api.GET('/api/v1/me')),
    staleTime: 5 * 60_000,
  })
  const roles = new Set<AdminRole>()
  if (session && me.data?.kind === 'staff')
    for (const r of me.data.roles)
      if ((ADMIN_ROLES as readonly string[]).includes(r.role)) roles.add(r.role as AdminRole)
  return { pending: session !== null && me.isPending, roles }
}

export const mayOpen = (page: AdminPage, roles: ReadonlySet<AdminRole>) =>
  PAGE_ROLES[page].some((r) => roles.has(r))
