import { compileFeel } from '../../../platform/feel/index.js'
import type { CompiledFeelExpression } from '../../../platform/feel/index.js'
import type { FactDeclaration, LocalizedText } from './policy.types.js'

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** A fact counts as missing when absent, undefined or null; it is never taken as false. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null
}

/** A calendar date written YYYY-MM-DD (checked for the month's length and leap years). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Why a present value does not fit the fact's declared type, or null when it does. */
export function factValueProblem(fact: FactDeclaration, value: unknown): LocalizedText | null {
  if (!fitsType(fact, value)) {
    return {
      zh: `事实“${fact.name}”应为 ${fact.type} 类型，实际为 ${describe(value)}`,
      en: `Fact '${fact.name}' must be of type ${fact.type}, got ${describe(value)}`,
    }
  }
  const outside = outsideValues(fact, value)
  if (outside === null) return null
  return {
    zh: `事实“${fact.name}”的取值“${outside}”不在允许的取值中：${(fact.values ?? []).join('、')}`,
    en: `Fact '${fact.name}' has value '${outside}', not one of: ${(fact.values ?? []).join(', ')}`,
  }
}

function fitsType(fact: FactDeclaration, value: unknown): boolean {
  switch (fact.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'date':
      return isIsoDate(value)
    case 'list-of-string':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
  }
}

function outsideValues(fact: FactDeclaration, value: unknown): string | null {
  if (fact.values === undefined) return null
  const items: unknown[] = Array.isArray(value) ? value : [value]
  const outside = items.find((item) => typeof item === 'string' && !fact.values?.includes(item))
  return typeof outside === 'string' ? outside : null
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'string') return `string "${value}"`
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value} ${String(value)}`
  return typeof value
}

let dateOf: CompiledFeelExpression | null = null
let dayBefore: CompiledFeelExpression | null = null
let dayAfter: CompiledFeelExpression | null = null
const feelDates = new Map<string, unknown>()
const FEEL_DATE_CACHE = 10_000

function compiled(source: string): CompiledFeelExpression {
  const result = compileFeel(source, 'expression')
  if (!result.ok) throw new Error(`FEEL date helper does not compile: ${source}`)
  return result.compiled
}

function evaluated(expression: CompiledFeelExpression, iso: string): unknown {
  const result = expression.evaluate({ d: iso })
  return result.ok ? result.value : null
}

/**
 * The FEEL date value of an ISO date string (made by FEEL's own `date()`, so nothing here needs
 * the engine's classes), memoised; null for an invalid date.
 */
export function feelDate(iso: string): unknown {
  const hit = feelDates.get(iso)
  if (hit !== undefined) return hit
  dateOf ??= compiled('date(d)')
  const value = evaluated(dateOf, iso)
  if (feelDates.size >= FEEL_DATE_CACHE) feelDates.clear()
  feelDates.set(iso, value)
  return value
}

/** The FEEL dates one day before and after an ISO date (for probing date intervals). */
export function neighbouringFeelDates(iso: string): unknown[] {
  dayBefore ??= compiled('date(d) - @"P1D"')
  dayAfter ??= compiled('date(d) + @"P1D"')
  return [evaluated(dayBefore, iso), evaluated(dayAfter, iso)]
}
