import { FeelDuration } from 'feelin'
import type { FeelDate, FeelDateTime } from 'feelin'
import { defer } from './bailout.js'
import { add, divide, multiply, power, subtract } from './decimal.js'
import { addDurations, addToInstant, subtractInstants } from './temporal.js'
import { kindOf } from './values.js'
import type { Kind } from './values.js'

/** Returned for operands FEEL cannot combine; the caller warns INVALID_TYPE and yields null. */
export const INVALID_OPERANDS = Symbol('invalid operands')
export type ArithResult = unknown

type Instant = FeelDate | FeelDateTime

const TEMPORAL: ReadonlySet<Kind> = new Set(['date', 'date time', 'duration'])

export function arithmetic(op: string, a: unknown, b: unknown): ArithResult {
  const ka = kindOf(a)
  const kb = kindOf(b)
  if (ka === 'list' || kb === 'list') return INVALID_OPERANDS
  if (TEMPORAL.has(ka)) {
    if (!TEMPORAL.has(kb)) return INVALID_OPERANDS
    return temporalArithmetic(op, a as Instant | FeelDuration, b as Instant | FeelDuration)
  }
  if (ka !== kb) return INVALID_OPERANDS
  if (ka === 'string' && op === '+') return (a as string) + (b as string)
  if (ka !== 'number') return INVALID_OPERANDS
  return numeric(op, a as number, b as number)
}

function numeric(op: string, a: number, b: number): number | null {
  switch (op) {
    case '+':
      return add(a, b)
    case '-':
      return subtract(a, b)
    case '*':
      return multiply(a, b)
    case '/':
      return divide(a, b)
    default:
      return power(a, b)
  }
}

function temporalArithmetic(
  op: string,
  a: Instant | FeelDuration,
  b: Instant | FeelDuration,
): ArithResult {
  if (op === '+') return plus(a, b)
  if (op === '-') return minus(a, b)
  return defer(`${op} on temporal values`)
}

function plus(a: Instant | FeelDuration, b: Instant | FeelDuration): ArithResult {
  const [x, y] = a instanceof FeelDuration && !(b instanceof FeelDuration) ? [b, a] : [a, b]
  if (x instanceof FeelDuration) {
    return addDurations(x, y as FeelDuration, 1) ?? INVALID_OPERANDS
  }
  if (y instanceof FeelDuration) return addToInstant(x, y, 1)
  return null
}

function minus(a: Instant | FeelDuration, b: Instant | FeelDuration): ArithResult {
  if (a instanceof FeelDuration) {
    if (!(b instanceof FeelDuration)) return defer('duration minus a date')
    return addDurations(a, b, -1) ?? INVALID_OPERANDS
  }
  if (b instanceof FeelDuration) return addToInstant(a, b, -1)
  return subtractInstants(a, b)
}
