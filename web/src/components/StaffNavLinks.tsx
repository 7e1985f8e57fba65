import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { api, orThrow } from '../api/client'
import { useSession } from '../auth/session'

/** The workbench's links, shown to signed-in staff only (the server says who is staff). */
export function StaffNavLinks() {
  const { t } = useTranslation()
  const session = useSession()
  // Same key as the workbench's useMe: one /me request for both.
  const me = useQuery({
    queryKey: ['me', session?.accessToken ?? null],
    enabled: session !== null,
    queryFn: async () => orThrow(await api.GET('/api/v1/me')),
    staleTime: 5 * 60_000,
  })
  if (!session || me.data?.kind !== 'staff') return null
  return (
    <>
      <NavLink to="/workbench" end className="shell-link">
        {t('workbench.nav')}
      </NavLink>
      <NavLink to="/workbench/work-orders" className="shell-link">
        {t('workbench.workOrders.nav')}
      </NavLink>
    </>
  )
}
