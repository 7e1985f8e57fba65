import { FeelDate, FeelDuration, FeelRange } from 'feelin'
import { defer } from './bailout.js'
import { dateDay } from './iso-date.js'
import { comparable, durationsEqual } from './temporal.js'
import { isTemporalInstant, kindOf } from './values.js'
import type { Kind } from './values.js'

/** A unary test compiled to a predicate (`= 3`, `!= "a"`); ranges and plain values test too. */
export type TestFn = (value: unknown) => boolean | null

const RANGE_KINDS: ReadonlySet<Kind> = new Set([
  'string',
  'number',
  'duration',
  'date',
  'date time',
])

/** FEEL `=`: null for values of different types, a one-element list equals its element. */
export function feelEquals(a: unknown, b: unknown): boolean | null {
  if ((a === null) !== (b === null)) return false
  const left = Array.isArray(a) && a.length < 2 ? (a[0] as unknown) : a
  const right = Array.isArray(b) && b.length < 2 ? (b[0] as unknown) : b
  const kl = kindOf(left)
  const kr = kindOf(right)
  if (isTemporalInstant(kl) || isTemporalInstant(kr)) {
    if (kl !== kr) return null
    return comparable(left as FeelDate) === comparable(right as FeelDate)
  }
  if (kl !== kr) return null
  return sameKindEquals(kl, left, right)
}

function sameKindEquals(kind: Kind, a: unknown, b: unknown): boolean {
  switch (kind) {
    case 'null':
      return true
    case 'list':
      return listsEqual(a as unknown[], b as unknown[])
    case 'context':
      return contextsEqual(a as Record<string, unknown>, b as Record<string, unknown>)
    case 'duration':
      return durationsEqual(a as FeelDuration, b as FeelDuration)
    case 'range':
      return rangesEqual(a as FeelRange, b as FeelRange)
    case 'number':
    case 'string':
    case 'boolean':
    case 'date':
    case 'date time':
      return a === b
  }
}

function listsEqual(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((element, i) => feelEquals(element, b[i]) === true)
}

function contextsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const entries = Object.entries(a)
  if (entries.length !== Object.keys(b).length) return false
  return entries.every(([key, value]) => Object.hasOwn(b, key) && feelEquals(value, b[key]))
}

function rangesEqual(a: FeelRange, b: FeelRange): boolean {
  return (
    a['start included'] === b['start included'] &&
    a['end included'] === b['end included'] &&
    feelEquals(a.start, b.start) === true &&
    feelEquals(a.end, b.end) === true
  )
}

/** `<` `<=` `>` `>=` on two numbers or two strings as order() signs them (NaN orders as equal). */
export function ordered(op: string, a: number | string, b: number | string): boolean {
  if (op === '<') return a < b
  if (op === '<=') return !(a > b)
  if (op === '>') return a > b
  return !(a < b)
}

/**
 * `<` `<=` `>` `>=` as feelin runs them (membership of the left value in an open-ended range),
 * without building the range: null bound or value → null, date vs date-time → null.
 */
export function feelOrder(op: string, left: unknown, right: unknown): boolean | null {
  if (right === null || right === undefined) return null
  const kr = kindOf(right)
  if (!RANGE_KINDS.has(kr)) defer('ordering against an unorderable value')
  if (left === null || left === undefined) return null
  const kl = kindOf(left)
  if (kl === 'range') defer('range inside range')
  if (isTemporalInstant(kl) && isTemporalInstant(kr) && kl !== kr) return null
  const sign = order(left, right)
  if (op === '<') return sign < 0
  if (op === '<=') return sign <= 0
  if (op === '>') return sign > 0
  return sign >= 0
}

/** Bounds of one orderable type, or both null (the empty range); feelin throws otherwise. */
export function makeRange(
  start: unknown,
  end: unknown,
  startIncluded: boolean,
  endIncluded: boolean,
): FeelRange {
  const ks = start === null ? null : kindOf(start)
  const ke = end === null ? null : kindOf(end)
  const valueType = ks ?? ke
  const typed = valueType !== null && RANGE_KINDS.has(valueType)
  if (valueType !== null && (!typed || (ks !== null && ke !== null && ks !== ke))) {
    defer('range bounds of mixed or unorderable types')
  }
  return new FeelRange({
    start,
    end,
    'start included': startIncluded,
    'end included': endIncluded,
    valueType,
  })
}

export function rangeIncludes(range: FeelRange, value: unknown): boolean | null {
  // FeelRange types its bounds as any; they hold FEEL values
  let start: unknown = range.start
  let end: unknown = range.end
  let startIncluded = range['start included']
  let endIncluded = range['end included']
  if (start === null && end === null) return null
  if (value === null || value === undefined) return null
  const kind = kindOf(value)
  if (kind === 'range') defer('range inside range')
  const rangeKind = range.valueType as Kind | null
  if (rangeKind !== null && isTemporalInstant(kind) && isTemporalInstant(rangeKind)) {
    if (kind !== rangeKind) return null
  }
  if (start !== null && end !== null && order(start, end) > 0) {
    ;[start, end] = [end, start]
    ;[startIncluded, endIncluded] = [endIncluded, startIncluded]
  }
  const afterStart =
    start === null || (startIncluded ? order(value, start) >= 0 : order(value, start) > 0)
  const beforeEnd = end === null || (endIncluded ? order(value, end) <= 0 : order(value, end) < 0)
  return afterStart && beforeEnd
}

/**
 * A constant range's membership test, with the bounds ordered once: numbers, strings and dates
 * (by day number) are compared inline, any other value goes through rangeIncludes.
 */
export function rangeTest(range: FeelRange): TestFn {
  if (range.start === null && range.end === null) return () => null
  let start: unknown = range.start
  let end: unknown = range.end
  let [startIncluded, endIncluded] = [range['start included'], range['end included']]
  if (start !== null && end !== null && order(start, end) > 0) {
    ;[start, end, startIncluded, endIncluded] = [end, start, endIncluded, startIncluded]
  }
  const primitive = typeof (start ?? end)
  const dates = (start ?? end) instanceof FeelDate
  const low = dates && start !== null ? dateDay(start as FeelDate) : start
  const high = dates && end !== null ? dateDay(end as FeelDate) : end
  // typed as numbers; strings (and day numbers) compare with the same operators
  const within = (v: number): boolean =>
    (low === null || (startIncluded ? !(v < (low as number)) : v > (low as number))) &&
    (high === null || (endIncluded ? !(v > (high as number)) : v < (high as number)))
  return (value) => {
    if (value === null || value === undefined) return null
    if (dates)
      return value instanceof FeelDate ? within(dateDay(value)) : rangeIncludes(range, value)
    return typeof value === primitive ? within(value as number) : rangeIncludes(range, value)
  }
}

/** Orders two values of one kind; feelin would coerce mismatched kinds JS-style, so defer. */
function order(a: unknown, b: unknown): number {
  const ka = kindOf(a)
  if (ka !== kindOf(b)) defer('ordering values of different types')
  if (ka === 'number' || ka === 'string') {
    const x = a as number | string
    const y = b as number | string
    return x < y ? -1 : x > y ? 1 : 0
  }
  if (ka === 'date' || ka === 'date time' || ka === 'duration') {
    const x = comparable(a as FeelDuration)
    const y = comparable(b as FeelDuration)
    return x < y ? -1 : x > y ? 1 : 0
  }
  return defer(`ordering ${ka} values`)
}

/** One unary test against a value: a predicate, a range or a value to equal. */
export function testValue(test: unknown, value: unknown): boolean | null {
  if (typeof test === 'function') return (test as TestFn)(value)
  if (test instanceof FeelRange) return rangeIncludes(test, value)
  return feelEquals(test, value)
}

/** `value in tests`: a matching test wins; an inconclusive range or predicate makes it null. */
export function feelIn(value: unknown, tests: unknown): boolean | null {
  if (tests === null || tests === undefined) return null
  const list = Array.isArray(tests) ? (tests as unknown[]) : [tests]
  let unknown = false
  for (const test of list) {
    let result = testValue(test, value)
    if (result === null && !(test instanceof FeelRange) && typeof test !== 'function') {
      result = false
    }
    if (result === true) return true
    if (result === null) unknown = true
  }
  return unknown ? null : false
}
