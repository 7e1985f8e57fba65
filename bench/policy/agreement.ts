import type { Enterprise } from './enterprises.js'
import type { Policy } from './policies.js'
import { formRunners } from './runners.js'

type Mismatch = { pair: number; verdicts: Record<string, number> }

/**
 * Runs the four forms on the same enterprises, first condition by condition (each condition as
 * a one-condition policy), then policy by policy, and throws unless all give the same verdict
 * on every pair — or if the condition verdicts are all alike (a check that cannot fail proves
 * nothing). Returns the pair counts and how many policy pairs are eligible.
 */
export async function checkAgreement(
  enterprises: readonly Enterprise[],
  policies: readonly Policy[],
): Promise<{ conditionPairs: number; policyPairs: number; eligible: number }> {
  const single = policies.flatMap((p) =>
    p.conditions.map((c, k) => ({ ...p, id: `${p.id}.${k + 1}`, conditions: [c] })),
  )
  const holding = await agree(enterprises, single)
  if (holding === 0 || holding === enterprises.length * single.length) {
    throw new Error('every condition verdict is the same: the check cannot fail')
  }
  const eligible = await agree(enterprises, policies)
  const conditionPairs = enterprises.length * single.length
  return { conditionPairs, policyPairs: enterprises.length * policies.length, eligible }
}

async function agree(enterprises: readonly Enterprise[], policies: readonly Policy[]) {
  const results: Record<string, Uint8Array> = {}
  for (const [name, runner] of Object.entries(formRunners(policies))) {
    const verdicts = new Uint8Array(enterprises.length * policies.length)
    await runner(enterprises, verdicts)
    results[name] = verdicts
  }
  const [first, ...others] = Object.values(results)
  if (first === undefined) throw new Error('no forms to compare')
  const mismatches: Mismatch[] = []
  for (let pair = 0; pair < first.length; pair++) {
    if (others.every((v) => v[pair] === first[pair])) continue
    const verdicts = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v[pair] ?? -1]))
    mismatches.push({ pair, verdicts })
  }
  if (mismatches.length > 0) throw new Error(describe(mismatches, enterprises, policies))
  return first.reduce((sum, v) => sum + v, 0)
}

/** Throws unless two forms gave the same verdicts (after timing, on all they both ran). */
export function sameVerdicts(name: string, a: Uint8Array, b: Uint8Array): void {
  const length = Math.min(a.length, b.length)
  for (let pair = 0; pair < length; pair++) {
    if (a[pair] !== b[pair]) throw new Error(`${name}: verdicts differ at pair ${pair}`)
  }
}

function describe(
  mismatches: Mismatch[],
  enterprises: readonly Enterprise[],
  policies: readonly Policy[],
): string {
  const lines = mismatches.slice(0, 5).map(({ pair, verdicts }) => {
    const e = enterprises[Math.floor(pair / policies.length)]
    const policy = policies[pair % policies.length]
    const conditions = (policy?.conditions ?? []).map(
      (c) => `    ${c.feel}  (hand-written: ${e ? c.test(e) : '?'})`,
    )
    return [
      `  ${policy?.id} × ${e?.id}: ${JSON.stringify(verdicts)}`,
      `    ${JSON.stringify(e)}`,
      ...conditions,
    ].join('\n')
  })
  return `the forms disagree on ${mismatches.length} pairs:\n${lines.join('\n')}`
}
