import type { Variables } from './engine-events.js'

/** Names a variable may not have: they would reach the object's prototype when merged. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

/** Copies `source`'s own entries onto `target`, skipping prototype-polluting names. */
export function mergeVariables(target: Variables, source: Variables): void {
  for (const key of Object.keys(source)) {
    if (!FORBIDDEN.has(key)) target[key] = source[key]
  }
}

/**
 * The variables as the event store will give them back: a JSON round trip (so folding stored
 * events equals folding fresh ones), or null when not a plain JSON object with allowed names.
 */
export function normaliseVariables(value: unknown): Variables | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  let copy: unknown
  try {
    copy = JSON.parse(JSON.stringify(value))
  } catch {
    return null
  }
  if (typeof copy !== 'object' || copy === null) return null
  return Object.keys(copy).some((key) => FORBIDDEN.has(key)) ? null : (copy as Variables)
}
