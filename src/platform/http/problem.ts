import { message, pick, type Locale, type LocalizedMessage } from '../i18n/i18n.js'
import { statusOf, type DomainError, type FieldError } from '../errors.js'

/** RFC 9457 problem details, with the stable code and both languages beside the negotiated one. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string
  instance?: string
  requestId: string
  messages: LocalizedMessage
  errors: FieldError[]
}

export function problemFor(
  code: string,
  locale: Locale,
  requestId: string,
  detail?: LocalizedMessage,
  errors: FieldError[] = [],
): Problem {
  const title = message(`error.${code}`)
  const text = detail ?? title
  return {
    type: `urn:tongban:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: pick(title, locale),
    status: statusOf(code),
    detail: pick(text, locale),
    code,
    requestId,
    messages: text,
    errors,
  }
}

export function problemFromDomain(error: DomainError, locale: Locale, requestId: string): Problem {
  const text = message(`error.${error.code}`, error.params)
  return problemFor(error.code, locale, requestId, text, error.fields)
}
