// Structured, bilingual validation errors with JSON-pointer paths (RFC 6901).

export type LocalizedText = { readonly zh: string; readonly en: string }

export type CalendarErrorCode =
  | 'expected_object'
  | 'expected_array'
  | 'expected_string'
  | 'unknown_property'
  | 'invalid_year'
  | 'empty_string'
  | 'empty_list'
  | 'invalid_date'
  | 'date_outside_year'
  | 'make_up_not_weekend'
  | 'holiday_and_make_up'
  | 'duplicate_date'
  | 'duplicate_year'

export type CalendarValidationError = {
  readonly path: string
  readonly code: CalendarErrorCode
  readonly message: LocalizedText
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly CalendarValidationError[] }

const MESSAGES: { readonly [C in CalendarErrorCode]: (subject: string) => LocalizedText } = {
  expected_object: () => ({ zh: '应为对象', en: 'Expected an object' }),
  expected_array: () => ({ zh: '应为数组', en: 'Expected an array' }),
  expected_string: () => ({ zh: '应为字符串', en: 'Expected a string' }),
  unknown_property: (key) => ({ zh: `未知字段 ${key}`, en: `Unknown property ${key}` }),
  invalid_year: () => ({
    zh: '年份须为 1949 至 2200 之间的整数',
    en: 'Year must be an integer from 1949 to 2200',
  }),
  empty_string: () => ({ zh: '不能为空', en: 'Must not be empty' }),
  empty_list: () => ({ zh: '列表不能为空', en: 'List must not be empty' }),
  invalid_date: (value) => ({
    zh: `${value} 不是有效的 YYYY-MM-DD 日期`,
    en: `${value} is not a real YYYY-MM-DD date`,
  }),
  date_outside_year: (value) => ({
    zh: `${value} 不在该年度内（仅允许上一年 12 月 25 日至 31 日）`,
    en: `${value} is outside the year (only 25–31 December of the previous year may spill over)`,
  }),
  make_up_not_weekend: (value) => ({
    zh: `调休上班日 ${value} 必须是周六或周日`,
    en: `Make-up workday ${value} must be a Saturday or Sunday`,
  }),
  holiday_and_make_up: (value) => ({
    zh: `${value} 不能既是假日又是调休上班日`,
    en: `${value} cannot be both a holiday and a make-up workday`,
  }),
  duplicate_date: (value) => ({ zh: `日期 ${value} 重复`, en: `Date ${value} is listed twice` }),
  duplicate_year: (value) => ({ zh: `年份 ${value} 重复`, en: `Year ${value} is listed twice` }),
}

export function issue(
  path: string,
  code: CalendarErrorCode,
  subject = '',
): CalendarValidationError {
  return { path, code, message: MESSAGES[code](subject) }
}

/** Appends segments to a JSON pointer, escaping '~' and '/'. */
export function pointer(base: string, ...segments: ReadonlyArray<string | number>): string {
  const escaped = segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`)
  return base + escaped.join('')
}
