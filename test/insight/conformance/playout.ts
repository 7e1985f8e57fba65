import type { Variant } from '../../../src/modules/insight/log/variants.js'
import {
  activity,
  loop,
  parallel,
  sequence,
  TAU,
  xor,
  type ProcessTree,
} from '../../../src/modules/insight/mining/process-tree.js'

/** Mulberry32: a small seeded generator, so a failing case can be rerun. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!

/** One random run of a tree: a choice picks a child, ∧ interleaves, ↺ repeats up to 3 times. */
export function playOut(tree: ProcessTree, random: () => number): string[] {
  switch (tree.kind) {
    case 'activity':
      return [tree.label]
    case 'tau':
      return []
    case 'sequence':
      return tree.children.flatMap((c) => playOut(c, random))
    case 'xor':
      return playOut(pick(random, tree.children), random)
    case 'parallel':
      return interleave(
        tree.children.map((c) => playOut(c, random)),
        random,
      )
    case 'loop': {
      const [body, ...redo] = tree.children
      const out = playOut(body!, random)
      for (let i = 0; i < 3 && random() < 0.35; i++) {
        out.push(...playOut(pick(random, redo), random), ...playOut(body!, random))
      }
      return out
    }
  }
}

function interleave(parts: string[][], random: () => number): string[] {
  const out: string[] = []
  const at = parts.map(() => 0)
  for (;;) {
    const open = parts.map((p, i) => i).filter((i) => at[i]! < parts[i]!.length)
    if (open.length === 0) return out
    const i = pick(random, open)
    out.push(parts[i]![at[i]!]!)
    at[i]!++
  }
}

/** A random tree over distinct activities a, b, c, … (τ leaves appear under × and ↺). */
export function randomTree(random: () => number, activities: number, depth = 3): ProcessTree {
  const labels = 'abcdefghijklmnopqrstuvwxyz'.slice(0, activities).split('')
  const build = (pool: string[], level: number): ProcessTree => {
    if (pool.length === 1 || level >= depth) {
      return pool.length === 1 ? activity(pool[0]!) : sequence(pool.map(activity))
    }
    const kind = pick(random, ['sequence', 'xor', 'parallel', 'loop'] as const)
    const parts = splitPool(pool, random)
    const children = parts.map((p) => build(p, level + 1))
    if (kind === 'sequence') return sequence(children)
    if (kind === 'parallel') return parallel(children)
    if (kind === 'xor') return xor(random() < 0.3 ? [...children, TAU] : children)
    return loop(children[0]!, children.length > 1 ? children.slice(1) : [TAU])
  }
  return build(labels, 0)
}

function splitPool(pool: string[], random: () => number): string[][] {
  const parts = 2 + Math.floor(random() * Math.min(2, pool.length - 1))
  const out: string[][] = Array.from({ length: parts }, () => [])
  pool.forEach((label, i) => out[i < parts ? i : Math.floor(random() * parts)]!.push(label))
  return out
}

/** `cases` runs of a tree, grouped into variants with their case ids. */
export function simulateLog(tree: ProcessTree, cases: number, random: () => number): Variant[] {
  const byKey = new Map<string, { activities: string[]; caseIds: string[] }>()
  for (let c = 0; c < cases; c++) {
    const activities = playOut(tree, random)
    const key = activities.join('\u0001')
    const entry = byKey.get(key) ?? { activities, caseIds: [] }
    entry.caseIds.push(`case-${c}`)
    byKey.set(key, entry)
  }
  return [...byKey.values()]
    .map((v) => ({ activities: v.activities, count: v.caseIds.length, caseIds: v.caseIds }))
    .sort((a, b) => b.count - a.count)
}
