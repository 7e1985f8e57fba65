import { FeelDateTime } from 'feelin'
import { defer } from './bailout.js'
import { dateOf } from './temporal.js'
import { kindOf } from './values.js'

/** A built-in's answer when it rejects well-typed input: a warning and a null result. */
export class Rejected {
  constructor(
    readonly warning: 'INVALID_ARGUMENTS' | 'FUNCTION_INVOCATION_FAILURE',
    readonly message: string,
  ) {}
}

const MISMATCH = Symbol('argument mismatch')

/**
 * A built-in with typed parameters (`'number'`, `'string?'`, `'list'`, `'any'` …), checked the way
 * feelin checks them: a one-element list stands for its element, a lone value for a list, a
 * date-time for a date; a missing or null required argument makes the call null, silently.
 */
export type Builtin = (args: readonly unknown[]) => unknown

export function typed(
  types: readonly string[],
  names: readonly string[],
  body: (...args: unknown[]) => unknown,
): Builtin {
  const testers = types.map(tester)
  const variadic = names.at(-1)?.startsWith('...') === true
  return (args) => {
    if (args.length > names.length && !variadic) {
      return new Rejected('FUNCTION_INVOCATION_FAILURE', `Cannot invoke with ${args.length} args`)
    }
    const converted: unknown[] = []
    for (let i = 0; i < Math.max(args.length, types.length); i++) {
      const test = testers[i]
      const value = test === undefined ? args[i] : test(args[i])
      if (value === MISMATCH) return null
      converted.push(value)
    }
    return body(...converted)
  }
}

/** `sum(1, 2)` or `sum([1, 2])`: every element must pass `elementType`, else null. */
export function overList(elementType: string, body: (items: unknown[]) => unknown): Builtin {
  const test = tester(elementType)
  return (args) => {
    if (args.length === 0) return null
    const items = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : [...args]
    if (items.some(Array.isArray)) defer('nested list in a list function')
    if (!items.every((item) => test(item) !== MISMATCH)) return null
    return body(items)
  }
}

function tester(spec: string): (value: unknown) => unknown {
  const optional = spec.endsWith('?')
  const type = optional ? spec.slice(0, -1) : spec
  if (type === 'list') return (value) => asList(value, optional)
  return (value) => {
    const single = type !== 'any' && Array.isArray(value) && value.length === 1
    const v: unknown = single ? (value as unknown[])[0] : value
    const kind = kindOf(v)
    if (type === 'any' || type === kind) return optional || v !== undefined ? v : MISMATCH
    if (kind === 'null') return optional ? v : MISMATCH
    return cast(v, type)
  }
}

function asList(value: unknown, optional: boolean): unknown {
  if (Array.isArray(value)) return value
  if (value === undefined) return optional ? value : MISMATCH
  return value === null ? MISMATCH : [value]
}

function cast(value: unknown, type: string): unknown {
  if (value instanceof FeelDateTime) {
    if (type === 'date') return dateOf(value)
    if (type === 'date time') return value
    if (type === 'time') defer('date-time to time conversion')
  }
  if (type === 'date time' && kindOf(value) === 'date') defer('date to date-time conversion')
  return MISMATCH
}
