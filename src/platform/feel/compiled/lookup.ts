import type { Env } from './env.js'
import { normalizeKey } from './names.js'
import type { FeelContext } from './values.js'

/** A variable from the innermost scope that defines it; undefined when none does. */
export function lookup(env: Env, name: string): unknown {
  for (let scope: Env | null = env; scope !== null; scope = scope.parent) {
    const value = ownEntry(scope.vars, name)
    if (value !== undefined) return value
  }
  for (let scope: Env | null = env; scope !== null; scope = scope.parent) {
    const value = looseEntry(scope.vars, name)
    if (value !== undefined) return value
  }
  return undefined
}

/** A context entry by exact key, else by feelin's whitespace-insensitive key match. */
export function entry(context: FeelContext, name: string): unknown {
  return ownEntry(context, name) ?? looseEntry(context, name)
}

function ownEntry(context: FeelContext, name: string): unknown {
  return Object.hasOwn(context, name) ? context[name] : undefined
}

/** Only a key with whitespace can normalise to a different key ("legal  person"). */
function looseEntry(context: FeelContext, name: string): unknown {
  const wanted = normalizeKey(name)
  const keys = Object.keys(context)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    if (key.length < wanted.length || !hasWhitespace(key)) continue
    if (normalizeKey(key) === wanted) return context[key]
  }
  return undefined
}

/** Runs on every miss over every key, so a char loop; regex only for rare Unicode spaces. */
function hasWhitespace(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i)
    if (code <= 32 || code === 0xa0 || code === 0xfeff) return true
    if (code >= 0x1680 && code <= 0x3000 && /\s/.test(key.charAt(i))) return true
  }
  return false
}
