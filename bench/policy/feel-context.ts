import { parseDate } from 'feelin'
import type { Enterprise } from './enterprises.js'

/**
 * The enterprise as a FEEL context: the same entries, the date of establishment as a FEEL date
 * (compiled code and feelin order FeelDate values; an ISO string against `date("…")` makes the
 * compiled code defer to the interpreter).
 */
export function feelContext(enterprise: Enterprise): Record<string, unknown> {
  const registered = parseDate(enterprise.registered)
  if (registered === null) throw new Error(`not a date: ${enterprise.registered}`)
  return { ...enterprise, registered }
}
