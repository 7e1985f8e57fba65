import { Button } from 'antd'
import { Suspense } from 'react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, useNavigate } from 'react-router'
import { api } from '../api/client'
import { setSession, useSession } from '../auth/session'
import { StaffNavLinks } from '../components/StaffNavLinks'
import { AdminNavLink } from '../features/admin/AdminNavLink'
import { usePreferences } from './preferences'
import { ReadAloudButton } from './read-aloud'
import { Loading } from './status'

function SessionControls() {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  if (!session) {
    return (
      <NavLink to="/sign-in" className="shell-link">
        {t('nav.signIn')}
      </NavLink>
    )
  }
  const signOut = async () => {
    await api.POST('/api/v1/auth/sign-out').catch(() => undefined)
    setSession(null)
    void navigate('/')
  }
  return (
    <>
      <span className="shell-user">{t('nav.signedInAs')}</span>
      <Button onClick={() => void signOut()}>{t('nav.signOut')}</Button>
    </>
  )
}

/** The portal's frame: brand, navigation, the language and 长辈版 switches, read-aloud. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { elderly, setElderly, locale, setLocale } = usePreferences()
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <Link to="/" className="shell-brand">
          <span className="shell-brand-name">{t('app.name')}</span>
          <span className="shell-brand-title">{t('app.title')}</span>
        </Link>
        <nav className="shell-nav" aria-label={t('nav.home')}>
          <NavLink to="/" end className="shell-link">
            {t('nav.home')}
          </NavLink>
          <NavLink to="/search" className="shell-link">
            {t('nav.search')}
          </NavLink>
          <NavLink to="/my/applications" className="shell-link">
            {t('my-applications.nav')}
          </NavLink>
          <StaffNavLinks />
          <AdminNavLink />
        </nav>
        <div className="shell-tools">
          <Button
            lang={locale === 'en' ? 'zh-CN' : 'en'}
            aria-label={t('switch.languageLabel')}
            onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
          >
            {t('switch.language')}
          </Button>
          <Button
            type={elderly ? 'primary' : 'default'}
            aria-pressed={elderly}
            title={elderly ? t('switch.elderlyLabelOff') : t('switch.elderlyLabelOn')}
            onClick={() => setElderly(!elderly)}
          >
            {t('switch.elderly')}
          </Button>
          <ReadAloudButton />
          <SessionControls />
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
      <footer className="shell-footer">
        <span>{t('app.footer')}</span>
        <a href="/docs" className="shell-link">
          {t('app.apiDocs')}
        </a>
      </footer>
    </div>
  )
}
