import { registerMessages, type LocalizedMessage, type MessageParams } from './i18n/i18n.js'

/** One row of a module's error table: a stable code, its HTTP status and both messages. */
export interface ErrorSpec {
  status: number
  zh: string
  en: string
}

export interface FieldError {
  /** JSON pointer to the offending field, e.g. `/idNumber`. */
  pointer: string
  code: string
  message: LocalizedMessage
}

const statuses = new Map<string, number>()

/** Registers a module's error table (codes → status and messages); returns it typed. */
export function defineErrors<const T extends Record<string, ErrorSpec>>(table: T): T {
  const messages: Record<string, LocalizedMessage> = {}
  for (const [code, spec] of Object.entries(table)) {
    statuses.set(code, spec.status)
    messages[`error.${code}`] = { zh: spec.zh, en: spec.en }
  }
  registerMessages(messages)
  return table
}

export function statusOf(code: string): number {
  return statuses.get(code) ?? 500
}

/** A rule of the domain was broken. Services throw it; only the HTTP layer maps it to a status. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: MessageParams = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code)
    this.name = 'DomainError'
  }
}

export const PLATFORM_ERRORS = defineErrors({
  PLATFORM_VALIDATION_FAILED: {
    status: 400,
    zh: '请求内容有误，请检查标出的字段',
    en: 'The request has invalid fields',
  },
  PLATFORM_BAD_REQUEST: {
    status: 400,
    zh: '请求格式有误（例如网址中的中文未编码）',
    en: 'The request is malformed (for example a URL with unencoded characters)',
  },
  PLATFORM_MALFORMED_JSON: {
    status: 400,
    zh: '请求体不是合法的 JSON',
    en: 'The request body is not valid JSON',
  },
  PLATFORM_BODY_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  PLATFORM_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持的内容类型',
    en: 'Unsupported content type',
  },
  PLATFORM_UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Authentication is required' },
  PLATFORM_TOKEN_INVALID: {
    status: 401,
    zh: '登录凭证无效或已过期，请重新登录',
    en: 'The access token is invalid or expired',
  },
  PLATFORM_FORBIDDEN: { status: 403, zh: '您无权执行此操作', en: 'You are not allowed to do this' },
  PLATFORM_NOT_FOUND: {
    status: 404,
    zh: '请求的资源不存在',
    en: 'The requested resource does not exist',
  },
  PLATFORM_CONFLICT: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The data was changed by someone else; reload and retry',
  },
  PLATFORM_IDEMPOTENCY_MISMATCH: {
    status: 422,
    zh: '幂等键已用于另一个请求',
    en: 'The Idempotency-Key was used for a different request',
  },
  PLATFORM_RATE_LIMITED: {
    status: 429,
    zh: '请求过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  PLATFORM_INTERNAL: {
    status: 500,
    zh: '系统内部错误，请稍后再试',
    en: 'Internal error; try again later',
  },
  PLATFORM_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
})

export function fieldError(pointer: string, code: string, message: LocalizedMessage): FieldError {
  return { pointer, code, message }
}

export function validationFailed(fields: FieldError[]): DomainError {
  return new DomainError('PLATFORM_VALIDATION_FAILED', {}, fields)
}
