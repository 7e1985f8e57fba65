import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import zhCN from './zh-CN.json'

export type Locale = 'zh-CN' | 'en'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'tongban.locale'

type Messages = Record<string, unknown>

/**
 * Each feature keeps its own texts beside its code (features/<name>/i18n/zh-CN.json and en.json),
 * under the key <name>, so features grow without editing one shared file.
 */
const featureFiles = import.meta.glob<Messages>('../features/*/i18n/*.json', {
  eager: true,
  import: 'default',
})

function withFeatures(locale: Locale, common: Messages): Messages {
  const merged: Messages = { ...common }
  for (const [path, messages] of Object.entries(featureFiles)) {
    const match = /features\/([^/]+)\/i18n\/([^/]+)\.json$/.exec(path)
    if (match?.[2] !== locale) continue
    const feature = match[1] as string
    if (feature in merged) throw new Error(`i18n: feature ${feature} clashes with a common key`)
    merged[feature] = messages
  }
  return merged
}

/** Chinese first; English when the visitor chose it on this device before. */
function initialLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: withFeatures('zh-CN', zhCN) },
    en: { translation: withFeatures('en', en) },
  },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
})
document.documentElement.lang = i18n.language

/** Switches the language of every text and remembers it on this device. */
export function changeLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
  void i18n.changeLanguage(locale)
}

export const currentLocale = (): Locale => (i18n.language === 'en' ? 'en' : 'zh-CN')

export { i18n }
