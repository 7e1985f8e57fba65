import { Alert, Menu } from 'antd'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, Route, Routes, useLocation } from 'react-router'
import { Loading } from '../../app/status'
import { useSession } from '../../auth/session'
import { ADMIN_PAGES, mayOpen, useAdminRoles, type AdminPage } from './access'
import './admin.css'

const DepartmentsPage = lazy(() =>
  import('./DepartmentsPage').then((m) => ({ default: m.DepartmentsPage })),
)
const StaffPage = lazy(() => import('./StaffPage').then((m) => ({ default: m.StaffPage })))
const CalendarPage = lazy(() => import('./CalendarPage').then((m) => ({ default: m.CalendarPage })))
const AuditPage = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })))
const DashboardsPage = lazy(() =>
  import('./DashboardsPage').then((m) => ({ default: m.DashboardsPage })),
)

const CatalogPage = lazy(() => import('./CatalogPage').then((m) => ({ default: m.CatalogPage })))

const PAGES: Record<AdminPage, React.ComponentType> = {
  departments: DepartmentsPage,
  staff: StaffPage,
  calendar: CalendarPage,
  audit: AuditPage,
  dashboards: DashboardsPage,
  catalog: CatalogPage,
}

/** The admin console (/admin/*): a menu of the pages the user's role may open, and the page. */
export function AdminApp() {
  const { t } = useTranslation()
  const session = useSession()
  const { pending, roles } = useAdminRoles()
  const location = useLocation()
  if (!session || (!pending && roles.size === 0))
    return <Alert type="info" showIcon title={t('admin.adminOnly')} />
  if (pending) return <Loading />
  const pages = ADMIN_PAGES.filter((p) => mayOpen(p, roles))
  const current = pages.find((p) => location.pathname.startsWith(`/admin/${p}`))
  return (
    <div className="admin-layout">
      <nav aria-label={t('admin.nav')} className="admin-menu">
        <Menu
          mode="vertical"
          selectedKeys={current ? [current] : []}
          items={pages.map((p) => ({
            key: p,
            label: <Link to={`/admin/${p}`}>{t(`admin.${p}.nav`)}</Link>,
          }))}
        />
      </nav>
      <section className="admin-page">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<Navigate to={`/admin/${pages[0] ?? 'dashboards'}`} replace />} />
            {ADMIN_PAGES.map((p) => {
              const Page = PAGES[p]
              return (
                <Route
                  key={p}
                  path={`${p}/*`}
                  element={
                    mayOpen(p, roles) ? (
                      <Page />
                    ) : (
                      <Alert type="warning" showIcon title={t('admin.notYourPage')} />
                    )
                  }
                />
              )
            })}
          </Routes>
        </Suspense>
      </section>
    </div>
  )
}
