/** Chinese first, English beside it: every user-facing text is a key with both. */
export type Locale = 'zh-CN' | 'en'

export interface LocalizedMessage {
  zh: string
  en: string
}

export type MessageParams = Record<string, string | number>

const catalogue = new Map<string, LocalizedMessage>()

/** Adds messages under their keys; a key registered twice with other text is a programming error. */
export function registerMessages(messages: Record<string, LocalizedMessage>): void {
  for (const [key, message] of Object.entries(messages)) {
    const existing = catalogue.get(key)
    if (existing && (existing.zh !== message.zh || existing.en !== message.en)) {
      throw new Error(`i18n key ${key} registered twice with different text`)
    }
    catalogue.set(key, message)
  }
}

/** Both languages of a key with `{name}` placeholders filled; the key itself when unknown. */
export function message(key: string, params: MessageParams = {}): LocalizedMessage {
  const found = catalogue.get(key) ?? { zh: key, en: key }
  return { zh: fill(found.zh, params), en: fill(found.en, params) }
}

export function pick(localized: LocalizedMessage, locale: Locale): string {
  return locale === 'en' ? localized.en : localized.zh
}

/** Picks the locale from an Accept-Language header: English only when it is preferred. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN'
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'zh-CN'
}

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
