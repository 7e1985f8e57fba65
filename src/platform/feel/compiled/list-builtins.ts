import { feelEquals } from './compare.js'
import { overList, typed } from './signature.js'
import type { Builtin } from './signature.js'

/** List built-ins; `list contains` and `index of` match with `===`, as feelin does. */
export const listBuiltins: Record<string, Builtin> = {
  'list contains': typed(['list', 'any?'], ['list', 'element'], (list, element) =>
    (list as unknown[]).some((item) => item === element),
  ),
  'index of': typed(['list', 'any'], ['list', 'match'], (list, match) =>
    (list as unknown[]).flatMap((item, i) => (item === match ? [i + 1] : [])),
  ),
  append: typed(['list', 'any?'], ['list', '...item'], (list, ...items) =>
    (list as unknown[]).concat(items),
  ),
  concatenate: typed(['any'], ['...list'], (...lists) =>
    lists.flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : [list])),
  ),
  'distinct values': typed(['list'], ['list'], (list) => distinct(list as unknown[])),
  flatten: typed(['list'], ['list'], (list) => flattenDeep(list as unknown[])),
  reverse: typed(['list'], ['list'], (list) => (list as unknown[]).slice().reverse()),
  all: overList('any?', (items) => allOf(items)),
  any: overList('any?', (items) => anyOf(items)),
}

function distinct(list: unknown[]): unknown[] {
  const result: unknown[] = []
  for (const item of list) {
    if (!result.some((seen) => feelEquals(item, seen) === true)) result.push(item)
  }
  return result
}

function flattenDeep(list: unknown[]): unknown[] {
  const result: unknown[] = []
  for (const item of list) {
    if (Array.isArray(item)) result.push(...flattenDeep(item as unknown[]))
    else if (item !== undefined) result.push(item)
  }
  return result
}

/** Three-valued: a false wins, otherwise any non-boolean makes it null. */
function allOf(items: unknown[]): boolean | null {
  if (items.includes(false)) return false
  return items.every((item) => typeof item === 'boolean') ? true : null
}

function anyOf(items: unknown[]): boolean | null {
  if (items.includes(true)) return true
  return items.every((item) => typeof item === 'boolean') ? false : null
}
