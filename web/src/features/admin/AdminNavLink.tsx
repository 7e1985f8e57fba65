import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useAdminRoles } from './access'

/** "管理 Admin" in the header, for the platform's admin roles only. */
export function AdminNavLink() {
  const { t } = useTranslation()
  const { roles } = useAdminRoles()
  if (roles.size === 0) return null
  return (
    <NavLink to="/admin" className="shell-link">
      {t('admin.nav')}
    </NavLink>
  )
}
