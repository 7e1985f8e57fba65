import { duration as parseDuration, FeelDate, FeelDateTime, FeelDuration } from 'feelin'
import { parseDate, parseDateTime } from 'feelin'
import { defer } from './bailout.js'
import { modulo, meanOf, ROUNDING, roundTo, sumOf } from './decimal.js'
import { absDuration, dateOf, monthsBetween } from './temporal.js'
import { overList, Rejected, typed } from './signature.js'
import type { Builtin } from './signature.js'
import { toFeelString } from './to-string.js'
import { listBuiltins } from './list-builtins.js'

const numberBuiltins: Record<string, Builtin> = {
  abs: typed(['any'], ['n'], absolute),
  floor: typed(['number', 'number?'], ['n', 'scale'], (n, scale = 0) =>
    rounded(n as number, scale, ROUNDING.floor),
  ),
  ceiling: typed(['number', 'number?'], ['n', 'scale'], (n, scale = 0) =>
    rounded(n as number, scale, ROUNDING.ceiling),
  ),
  decimal: typed(['number', 'number'], ['n', 'scale'], (n, scale) =>
    rounded(n as number, scale, ROUNDING.halfEven),
  ),
  'round half up': typed(['number', 'number'], ['n', 'scale'], (n, scale) =>
    rounded(n as number, scale, ROUNDING.halfUp),
  ),
  'round half down': typed(['number', 'number'], ['n', 'scale'], (n, scale) =>
    rounded(n as number, scale, ROUNDING.halfDown),
  ),
  modulo: typed(['number', 'number'], ['dividend', 'divisor'], (a, b) =>
    b === 0
      ? new Rejected('INVALID_ARGUMENTS', 'modulo by zero')
      : modulo(a as number, b as number),
  ),
  count: typed(['list'], ['list'], (list) => (list as unknown[]).length),
  sum: overList('number', (items) => (items.length === 0 ? null : sumOf(items as number[]))),
  mean: overList('number', (items) => (items.length === 0 ? null : meanOf(items as number[]))),
  min: overList('number', (items) =>
    items.length === 0 ? null : Math.min(...(items as number[])),
  ),
  max: overList('number', (items) =>
    items.length === 0 ? null : Math.max(...(items as number[])),
  ),
  number: typed(
    ['string', 'string?', 'string?'],
    ['from', 'grouping separator', 'decimal separator'],
    toNumber,
  ),
}

const stringBuiltins: Record<string, Builtin> = {
  string: typed(['any'], ['from'], (from) => (from === null ? null : toFeelString(from))),
  'string length': typed(['string'], ['string'], (s) => Array.from(s as string).length),
  'upper case': typed(['string'], ['string'], (s) => (s as string).toUpperCase()),
  'lower case': typed(['string'], ['string'], (s) => (s as string).toLowerCase()),
  substring: typed(
    ['string', 'number', 'number?'],
    ['string', 'start position', 'length'],
    substring,
  ),
  contains: typed(['string', 'string'], ['string', 'match'], (s, m) =>
    (s as string).includes(m as string),
  ),
  'starts with': typed(['string', 'string'], ['string', 'match'], (s, m) =>
    (s as string).startsWith(m as string),
  ),
  'ends with': typed(['string', 'string'], ['string', 'match'], (s, m) =>
    (s as string).endsWith(m as string),
  ),
  matches: typed(['string', 'string', 'string?'], ['input', 'pattern', 'flags'], matches),
  not: typed(['any'], ['negand'], (b) => (typeof b === 'boolean' ? !b : null)),
}

const temporalBuiltins: Record<string, Builtin> = {
  date: typed(['any?', 'number?', 'number?', 'any?'], ['year', 'month', 'day', 'from'], toDate),
  'date and time': typed(['any?', 'time?', 'string?'], ['date', 'time', 'from'], toDateTime),
  duration: typed(['string'], ['from'], (from) =>
    rejectNull(parseDuration(from as string), `duration(${String(from)}) is not a valid duration`),
  ),
  'years and months duration': typed(['date', 'date'], ['from', 'to'], (from, to) =>
    monthsBetween(from as FeelDate, to as FeelDate),
  ),
}

/** The built-ins compiled code calls directly; any other call defers at compile time. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map(
  Object.entries({ ...numberBuiltins, ...stringBuiltins, ...temporalBuiltins, ...listBuiltins }),
)

function absolute(n: unknown): unknown {
  if (typeof n === 'number') return Math.abs(n)
  if (n instanceof FeelDuration) return absDuration(n)
  if (n === null) return null
  return new Rejected('INVALID_ARGUMENTS', 'abs(n) expects a number or duration')
}

function rounded(
  n: number,
  scale: unknown,
  mode: (typeof ROUNDING)[keyof typeof ROUNDING],
): unknown {
  if (scale === null) return null
  if (typeof scale !== 'number' || !Number.isInteger(scale) || scale < 0) defer('rounding scale')
  return roundTo(n, scale, mode)
}

function toNumber(from: unknown, grouping: unknown, decimal: unknown): unknown {
  let text = from as string
  if (typeof grouping === 'string' && grouping !== '') text = text.split(grouping).join('')
  if (typeof decimal === 'string' && decimal !== '' && decimal !== '.') {
    text = text.split('.').join('#').split(decimal).join('.')
  }
  const value = Number(text)
  if (Number.isNaN(value))
    return new Rejected('INVALID_ARGUMENTS', 'number(from) expects a numeric string')
  return value
}

/** Start counts from 1 (negative from the end) over code points, as feelin counts. */
function substring(text: unknown, start: unknown, length: unknown): string {
  const s = text as string
  const from = (start as number) < 0 ? s.length + (start as number) : (start as number) - 1
  const chars = Array.from(s)
  // feelin adds a null length too, which yields an empty string
  const end = length === undefined ? undefined : from + (length as number)
  return chars.slice(from, end).join('')
}

function matches(input: unknown, pattern: unknown, flags: unknown): unknown {
  const extra = typeof flags === 'string' ? flags : ''
  if (/[^smi]/.test(extra)) defer('regular expression flags')
  let regexp: RegExp
  try {
    regexp = new RegExp(pattern as string, `u${extra}`)
  } catch {
    return new Rejected('INVALID_ARGUMENTS', 'matches(input, pattern) expects a valid pattern')
  }
  return regexp.test(input as string)
}

function toDate(year: unknown, _month: unknown, _day: unknown, from: unknown): unknown {
  if (typeof year === 'number') defer('date(year, month, day)')
  const source = from ?? year
  if (typeof source === 'string') {
    if (source.startsWith('-')) defer('negative date')
    return rejectNull(parseDate(source), `date(${source}) is not a valid date`)
  }
  if (source instanceof FeelDate) return source
  if (source instanceof FeelDateTime) return dateOf(source)
  return new Rejected('INVALID_ARGUMENTS', 'date(from) is not a valid date')
}

function toDateTime(dateArg: unknown, time: unknown, from: unknown): unknown {
  if (time !== undefined && time !== null) defer('date and time(date, time)')
  const source = typeof dateArg === 'string' ? dateArg : from
  if (typeof source !== 'string') {
    return new Rejected('INVALID_ARGUMENTS', 'date and time(from) is not a valid date time')
  }
  if (source.startsWith('-')) defer('negative date')
  return rejectNull(parseDateTime(source), `date and time(${source}) is not a valid date time`)
}

function rejectNull<T>(value: T | null, message: string): T | Rejected {
  return value ?? new Rejected('INVALID_ARGUMENTS', message)
}
