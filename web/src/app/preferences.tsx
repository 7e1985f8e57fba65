import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client'
import { useSession } from '../auth/session'
import { changeLocale, currentLocale, type Locale } from '../i18n/i18n'

const ELDERLY_KEY = 'tongban.elderly'

interface Preferences {
  elderly: boolean
  setElderly: (on: boolean) => void
  locale: Locale
  setLocale: (locale: Locale) => void
}

const PreferencesContext = createContext<Preferences>({
  elderly: false,
  setElderly: () => {},
  locale: 'zh-CN',
  setLocale: () => {},
})

/**
 * 适老化 (elderly mode) and the language, one switch each. A visitor's choice is kept on the
 * device; a signed-in user's also on the server (/api/v1/me/preferences), so it follows them to
 * any device. At sign-in the saved choices apply, except that elderly mode switched on before
 * signing in stays on (and is saved): turning it on is never a surprise.
 */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const [elderly, setLocalElderly] = useState(() => localStorage.getItem(ELDERLY_KEY) === '1')
  const signedIn = useSession() !== null

  useEffect(() => {
    document.documentElement.toggleAttribute('data-elderly', elderly)
    localStorage.setItem(ELDERLY_KEY, elderly ? '1' : '0')
  }, [elderly])

  useEffect(() => {
    if (!signedIn) return
    let cancelled = false
    void api.GET('/api/v1/me/preferences').then(({ data }) => {
      if (cancelled || !data) return
      if (data.locale && data.locale !== currentLocale()) changeLocale(data.locale)
      if (data.elderlyMode) setLocalElderly(true)
      else if (localStorage.getItem(ELDERLY_KEY) === '1')
        void api.PATCH('/api/v1/me/preferences', { body: { elderlyMode: true } })
    })
    return () => {
      cancelled = true
    }
  }, [signedIn])

  const setElderly = useCallback(
    (on: boolean) => {
      setLocalElderly(on)
      if (signedIn) void api.PATCH('/api/v1/me/preferences', { body: { elderlyMode: on } })
    },
    [signedIn],
  )
  const setLocale = useCallback(
    (locale: Locale) => {
      changeLocale(locale)
      if (signedIn) void api.PATCH('/api/v1/me/preferences', { body: { locale } })
    },
    [signedIn],
  )
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  const value = useMemo(
    () => ({ elderly, setElderly, locale, setLocale }),
    [elderly, setElderly, locale, setLocale],
  )
  return <PreferencesContext value={value}>{children}</PreferencesContext>
}

export const usePreferences = (): Preferences => useContext(PreferencesContext)
