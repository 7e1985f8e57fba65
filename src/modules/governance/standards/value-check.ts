import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { ValidationContext, ValueCheck } from './standard.types.js'

/** The one passing result, shared so a valid value allocates nothing. */
export const PASSED: ValueCheck = Object.freeze({ ok: true })

export function failed(reason: string, message: LocalizedMessage): ValueCheck {
  return { ok: false, reason, message }
}

/** A validator of one value (already trimmed, never empty). */
export type ValueValidator = (value: string, context: ValidationContext) => ValueCheck

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar date in China Standard Time at an instant: the `today` validators compare with. */
export function chinaToday(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10)
}

/** A context whose today is the China date of the instant. */
export function validationContext(instant: Date): ValidationContext {
  return { today: chinaToday(instant) }
}

/** Noon in China on an ISO date: the instant the platform validators take as "today". */
export function instantOf(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+08:00`)
}
