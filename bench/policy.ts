import type { BenchRow } from './authz.js'
import { runFigures, type Emit } from './figures.js'
import { checkAgreement, sameVerdicts } from './policy/agreement.js'
import { templateCosts } from './policy/diagnostics.js'
import type { Enterprise } from './policy/enterprises.js'
import { generateEnterprises } from './policy/enterprises.js'
import { benchMatchingJob } from './policy/matching-job.js'
import { generatePolicies } from './policy/policies.js'
import type { Policy } from './policy/policies.js'
import { formRunners } from './policy/runners.js'
import { measure } from './policy/timing.js'

const POLICIES = 50
/** The peers run on the first enterprises only (the ratio is per pair); all four agree first. */
const RULES_ENTERPRISES = 1_000
const FEELIN_ENTERPRISES = 200
const CHECK_ENTERPRISES = 200

const log = (line: string): void => void process.stderr.write(`policy: ${line}\n`)

function enterpriseCount(): number {
  const raw = process.env.BENCH_ENTERPRISES
  const count = raw === undefined ? 100_000 : Number(raw)
  if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_ENTERPRISES: ${raw}`)
  return count
}

/**
 * `npm run bench -- policy`: 100,000 generated enterprises × 50 generated policies of 3–8
 * conditions (BENCH_ENTERPRISES for fewer). Two figures (BENCH_ONLY=pairs or e2e for one):
 * pairs — compiled FEEL against json-rules-engine and feelin on the same rules and data, and
 * against hand-written JavaScript as the ceiling; e2e — the full matching job over every
 * enterprise on SQLite, with explanations stored.
 */
export function benchPolicy(emit: Emit): Promise<void> {
  let data: { enterprises: Enterprise[]; policies: Policy[] } | undefined
  const generated = () => {
    if (data) return data
    data = {
      enterprises: generateEnterprises(enterpriseCount()),
      policies: generatePolicies(POLICIES),
    }
    const conditions = data.policies.reduce((n, p) => n + p.conditions.length, 0)
    log(`${data.enterprises.length} enterprises, ${POLICIES} policies, ${conditions} conditions`)
    return data
  }
  return runFigures(
    'policy',
    [
      {
        key: 'pairs',
        name: 'compiled FEEL pairs/s vs json-rules-engine, feelin and hand-written',
        run: async () => {
          const { enterprises, policies } = generated()
          await check(enterprises.slice(0, CHECK_ENTERPRISES), policies)
          return figures(enterprises, policies)
        },
      },
      {
        key: 'e2e',
        name: 'the full matching job on SQLite, explanations stored',
        run: () => benchMatchingJob(generated().enterprises, generated().policies),
      },
    ],
    emit,
  )
}

/** All four forms agree before anything is timed; then what each compiled template costs. */
async function check(enterprises: readonly Enterprise[], policies: readonly Policy[]) {
  const agreed = await checkAgreement(enterprises, policies)
  log(
    `all four forms agree on ${agreed.conditionPairs} enterprise × condition and ` +
      `${agreed.policyPairs} enterprise × policy pairs (${agreed.eligible} eligible)`,
  )
  for (const [template, cost] of templateCosts(enterprises, policies)) {
    const note = cost.deferred > 0 ? `, deferred to feelin on ${cost.deferred} of ${cost.runs}` : ''
    log(`compiled FEEL ${template}: ${Math.round(cost.nanoseconds)} ns per condition${note}`)
  }
}

async function figures(enterprises: readonly Enterprise[], policies: readonly Policy[]) {
  const runners = formRunners(policies)
  const n = policies.length
  const hand = await measure('hand-written', runners.hand, enterprises, n)
  const ours = await measure('compiled FEEL', runners.ours, enterprises, n, { minSeconds: 20 })
  sameVerdicts('compiled FEEL vs hand-written, all pairs', ours.verdicts, hand.verdicts)
  const rulesSample = enterprises.slice(0, RULES_ENTERPRISES)
  const rules = await measure('json-rules-engine', runners.rules, rulesSample, n, {
    warmUp: 100,
    maxPasses: 3,
  })
  sameVerdicts('json-rules-engine vs hand-written', rules.verdicts, hand.verdicts)
  const feelinSample = enterprises.slice(0, FEELIN_ENTERPRISES)
  const feelin = await measure('feelin', runners.feelin, feelinSample, n, {
    warmUp: 20,
    maxPasses: 1,
  })
  sameVerdicts('feelin vs hand-written', feelin.verdicts, hand.verdicts)
  const first = (count: number): string => `first ${count.toLocaleString('en')} enterprises × ${n}`
  const row = figureRow(ours.pairsPerSecond)
  return [
    row(`json-rules-engine, same rules (${first(rulesSample.length)})`, rules.pairsPerSecond),
    row(`feelin interpreting the same FEEL (${first(feelinSample.length)})`, feelin.pairsPerSecond),
    row('hand-written JavaScript, same conditions (ceiling)', hand.pairsPerSecond),
  ]
}

/** One line per peer: the same value, ratio = ours / peer. */
function figureRow(pairsPerSecond: number) {
  const value = Math.round(pairsPerSecond)
  return (peer: string, peerValue: number): BenchRow => ({
    bench: 'policy',
    metric: 'compiled_feel_pairs_per_s',
    value,
    unit: 'pairs/s',
    peer,
    peerValue: Math.round(peerValue),
    ratio: Number((pairsPerSecond / peerValue).toPrecision(3)),
  })
}
