import { useTranslation } from 'react-i18next'

/** Picks the user's language from a server text that carries both ({ zh, en }). */
export function useLocalized(): (text: { zh: string; en: string } | null | undefined) => string {
  const { i18n } = useTranslation()
  return (text) => (text ? (i18n.language === 'en' ? text.en : text.zh) : '')
}
