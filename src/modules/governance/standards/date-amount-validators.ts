import { parseCalendarDate } from '../../../platform/standards/index.js'
import type { ValidationContext, ValueCheck } from './standard.types.js'
import { failed, PASSED } from './value-check.js'

/**
 * 'YYYY-MM-DD' (GB/T 7408 extended) or 'YYYYMMDD' (basic) naming a real Gregorian date →
 * 'YYYY-MM-DD'; undefined otherwise. Mixed forms such as '1990-0307' are refused.
 */
export const normaliseDate = (value: string): string | undefined => parseCalendarDate(value)

const DATE_PATTERN = /^(\d{4})-?(\d{2})-?(\d{2})$/

/** A real calendar date, not after the context's today. */
export function checkDate(value: string, context: ValidationContext): ValueCheck {
  const date = normaliseDate(value)
  if (date === undefined) {
    if (!DATE_PATTERN.test(value) || (value.length !== 8 && value.length !== 10)) {
      return failed('date.bad_format', {
        zh: '日期格式应为 YYYY-MM-DD 或 YYYYMMDD',
        en: 'A date is written YYYY-MM-DD or YYYYMMDD',
      })
    }
    return failed('date.not_a_date', { zh: '不是真实存在的日期', en: 'Not a real calendar date' })
  }
  if (date > context.today) {
    return failed('date.in_future', { zh: '日期晚于今天', en: 'The date is in the future' })
  }
  return PASSED
}

const SIGNED_DECIMAL = /^[+-]?\d+(\.\d+)?$/

/** An exact decimal amount: no sign, no separators, at most two decimals (e.g. 注册资本 万元). */
export function checkAmount(value: string): ValueCheck {
  if (!SIGNED_DECIMAL.test(value)) {
    return failed('amount.bad_format', {
      zh: '金额应为数字，如 100 或 100.50，不含千位分隔符和单位',
      en: 'An amount is a plain number such as 100 or 100.50, without separators or units',
    })
  }
  if (value.startsWith('-') && /[1-9]/.test(value)) {
    return failed('amount.negative', { zh: '金额不能为负数', en: 'An amount cannot be negative' })
  }
  const decimals = value.split('.')[1]?.length ?? 0
  if (decimals > 2) {
    return failed('amount.too_many_decimals', {
      zh: '金额最多保留两位小数',
      en: 'An amount has at most two decimals',
    })
  }
  return PASSED
}

/** A whole number, optionally signed. */
export function checkInteger(value: string): ValueCheck {
  if (/^[+-]?\d+$/.test(value)) return PASSED
  return failed('integer.bad_format', { zh: '应为整数', en: 'Not a whole number' })
}

/** A decimal number, optionally signed, without exponent or separators. */
export function checkDecimal(value: string): ValueCheck {
  if (SIGNED_DECIMAL.test(value)) return PASSED
  return failed('decimal.bad_format', { zh: '应为数字', en: 'Not a number' })
}
