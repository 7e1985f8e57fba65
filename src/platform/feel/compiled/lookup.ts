import type { Env } from './env.js'
import { normalizeKey } from './names.js'
import type { FeelContext } from './values.js'

/**
 * A name as compiled code looks it up: the name itself and its normalised form (feelin's
 * whitespace-insensitive key match), computed once at compile time.
 */
export type Name = { readonly name: string; readonly wanted: string }

export function nameKey(name: string): Name {
  return { name, wanted: normalizeKey(name) }
}

/** A variable from the innermost scope that defines it; undefined when none does. */
export function lookup(env: Env, key: Name): unknown {
  for (let scope: Env | null = env; scope !== null; scope = scope.parent) {
    const value = ownEntry(scope.vars, key.name)
    if (value !== undefined) return value
  }
  for (let scope: Env | null = env; scope !== null; scope = scope.parent) {
    const value = looseEntry(scope.vars, key.wanted)
    if (value !== undefined) return value
  }
  return undefined
}

/** Whether lookup(env, key) reads the caller's context (the outermost scope), not a local one. */
export function readsRoot(env: Env, key: Name): boolean {
  let root = env
  for (; root.parent !== null; root = root.parent) {
    if (ownEntry(root.vars, key.name) !== undefined) return false
  }
  if (ownEntry(root.vars, key.name) !== undefined) return true
  for (let scope = env; scope.parent !== null; scope = scope.parent) {
    if (looseEntry(scope.vars, key.wanted) !== undefined) return false
  }
  return true
}

/** A context entry by exact key, else by feelin's whitespace-insensitive key match. */
export function entry(context: FeelContext, key: Name): unknown {
  return ownEntry(context, key.name) ?? looseEntry(context, key.wanted)
}

function ownEntry(context: FeelContext, name: string): unknown {
  return Object.hasOwn(context, name) ? context[name] : undefined
}

/**
 * Only a key with whitespace can normalise to a different key ("legal  person"), and its first
 * character is whitespace or the wanted name's first character; other keys are skipped cheaply.
 */
export function looseEntry(context: FeelContext, wanted: string): unknown {
  const first = wanted.charCodeAt(0)
  for (const key in context) {
    const code = key.charCodeAt(0)
    if (code !== first && !isSpace(key, 0)) continue
    if (key.length < wanted.length || !hasWhitespace(key) || !Object.hasOwn(context, key)) continue
    if (normalizeKey(key) === wanted) return context[key]
  }
  return undefined
}

/** Runs on every miss over every key, so a char loop; regex only for rare Unicode spaces. */
export function hasWhitespace(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (isSpace(key, i)) return true
  return false
}

function isSpace(key: string, i: number): boolean {
  const code = key.charCodeAt(i)
  if (code <= 32 || code === 0xa0 || code === 0xfeff) return true
  return code >= 0x1680 && code <= 0x3000 && /\s/.test(key.charAt(i))
}
