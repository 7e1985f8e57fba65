import { FeelDate } from 'feelin'
import { ordered } from '../compare.js'
import { add, divide, multiply, power, subtract } from '../decimal.js'
import { asIsoDate, dateDay, isoDay } from '../iso-date.js'
import { hasWhitespace, looseEntry } from '../lookup.js'
import type { FeelContext } from '../values.js'

/**
 * What generated code returns when it meets a value it does not handle itself; the caller then
 * runs the closures (and they, if need be, the interpreter). Every helper below either computes
 * exactly what the closures compute or returns DEFER.
 */
export const DEFER: unique symbol = Symbol('defer to the closures')
export type Defer = typeof DEFER

/**
 * Whether a key could normalise to a built-in's name (" not", "list  contains"): such a key
 * starts with whitespace or with one of the names' first characters (`firsts`, ASCII codes
 * marked 1) and contains whitespace. Conservative: the closures then decide exactly.
 */
function mayShadow(context: FeelContext, firsts: Uint8Array): boolean {
  for (const key in context) {
    const code = key.charCodeAt(0)
    if (code > 32 && code < 128 && firsts[code] !== 1) continue
    if (hasWhitespace(key)) return true
  }
  return false
}

/** feelOrder for numbers, strings, dates and nulls; anything else defers. */
function order(op: string, a: unknown, b: unknown): boolean | null | Defer {
  if (b === null) return null
  const type = typeof b
  if (type === 'number' || type === 'string') {
    if (typeof a === type) return ordered(op, a as number, b as number)
    return a === null ? null : DEFER
  }
  if (b instanceof FeelDate) {
    if (a instanceof FeelDate) return ordered(op, dateDay(a), dateDay(b))
    return a === null ? null : DEFER
  }
  return DEFER
}

/** feelEquals for primitives, dates and nulls; anything else defers. */
function equal(a: unknown, b: unknown): boolean | null | Defer {
  if (a === null || b === null) return a === b
  const type = typeof a
  if (type === 'number' || type === 'string' || type === 'boolean') {
    if (typeof b === type) return a === b
    return typeof b === 'number' || typeof b === 'string' || typeof b === 'boolean' ? null : DEFER
  }
  if (a instanceof FeelDate && b instanceof FeelDate) return dateDay(a) === dateDay(b)
  return DEFER
}

/** arithmetic() for numbers, strings, booleans and nulls: exact numbers, string `+`, else null. */
function arithmetic(op: string, a: unknown, b: unknown): unknown {
  const ta = typeof a
  const tb = typeof b
  if (ta === 'number' && tb === 'number') return numeric(op, a as number, b as number)
  if (!isPrimitive(a, ta) || !isPrimitive(b, tb)) return DEFER
  return ta === 'string' && tb === 'string' && op === '+' ? (a as string) + (b as string) : null
}

function numeric(op: string, a: number, b: number): number | null {
  if (op === '+') return add(a, b)
  if (op === '-') return subtract(a, b)
  if (op === '*') return multiply(a, b)
  if (op === '/') return divide(a, b)
  return power(a, b)
}

function isPrimitive(value: unknown, type: string): boolean {
  return value === null || type === 'number' || type === 'string' || type === 'boolean'
}

/** Everything generated code may call, handed to it as one object. */
export const RUNTIME = {
  DEFER,
  FeelDate,
  OBJECT_PROTOTYPE: Object.prototype,
  getPrototypeOf: Object.getPrototypeOf,
  isArray: Array.isArray,
  looseEntry,
  mayShadow,
  order,
  equal,
  arithmetic,
  add,
  subtract,
  multiply,
  divide,
  power,
  dateDay,
  isoDay,
  asIsoDate,
} as const

export type Runtime = typeof RUNTIME
