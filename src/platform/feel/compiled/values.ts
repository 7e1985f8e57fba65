import { FeelDate, FeelDateTime, FeelDuration, FeelRange } from 'feelin'
import { defer } from './bailout.js'

export type FeelContext = Record<string, unknown>

/** The FEEL types compiled code handles itself; anything else defers to the interpreter. */
export type Kind =
  | 'null'
  | 'number'
  | 'string'
  | 'boolean'
  | 'list'
  | 'context'
  | 'date'
  | 'date time'
  | 'duration'
  | 'range'

export function isContext(value: unknown): value is FeelContext {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * The FEEL type of a value. A zoned date-time (time-zone rules), a time, a JS Date and other
 * objects feelin converts first all defer to the interpreter.
 */
export function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'boolean'
  return objectKind(value)
}

function objectKind(value: unknown): Kind {
  if (Array.isArray(value)) return 'list'
  if (value instanceof FeelDate) return 'date'
  if (isContext(value)) return 'context'
  if (value instanceof FeelDuration) return 'duration'
  if (value instanceof FeelRange) return 'range'
  if (value instanceof FeelDateTime && value.zone === null) return 'date time'
  return defer(`value of type ${typeof value} (${Object.prototype.toString.call(value)})`)
}

export function isTemporalInstant(kind: Kind): boolean {
  return kind === 'date' || kind === 'date time'
}

/** feelin treats null, false and only those as "not satisfied" in if / some / every / filters. */
export function isTruthy(value: unknown): boolean {
  return value !== false && value !== null
}
