import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import type { BenchRow } from '../authz.js'
import { startTs } from '../kernel/children.js'
import { toShanghaiDate } from '../../src/platform/calendar/index.js'
import {
  isEligible,
  loadPolicyYaml,
  prepareFacts,
  type CompiledPolicy,
  type EligibilityStatus,
  type FactDeclaration,
} from '../../src/modules/policy/index.js'
import type { Enterprise } from './enterprises.js'
import type { MatchingJobResult } from './matching-job-child.js'
import { benchConfig, indexOfCreditCode, openBenchApp, seedMatching } from './matching-setup.js'
import type { Policy } from './policies.js'
import { FACTS, factValuesOf, policyCode, policyYaml } from './policy-yaml.js'
import { handRunner } from './runners.js'

const log = (line: string): void => void process.stderr.write(`policy: ${line}\n`)
const round = (n: number, digits = 3): number => Number(n.toPrecision(digits))
const CODES: Record<EligibilityStatus, number> = {
  not_eligible: 0,
  eligible: 1,
  possibly_eligible: 2,
}

/**
 * End to end: the full matching job (`policy.match`, chunked, explanations stored) over every
 * enterprise against the 50 generated policies, on a SQLite file of the real app. Setup — the
 * policies published through authoring, the facts imported through importFacts — is not timed.
 * The job runs in a child process of its own, so its peak RSS (getrusage) is the job's; the
 * peers are one in-memory pass of isEligible over the same pairs, and the child's RSS before it.
 */
export async function benchMatchingJob(
  enterprises: readonly Enterprise[],
  policies: readonly Policy[],
): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-matching-'))
  try {
    await prepare(dir, enterprises, policies)
    const memory = await inMemoryPass(enterprises, policies)
    const job = await runJob(dir)
    logJob(job, memory.seconds, enterprises.length, policies.length)
    checkStored(dir, enterprises, policies, memory.statuses)
    return rows(job, memory.seconds)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function logJob(job: MatchingJobResult, inMemory: number, enterprises: number, policies: number) {
  const pairs = Math.round((enterprises * policies) / job.seconds).toLocaleString('en')
  log(
    `matching job: ${enterprises} enterprises × ${policies} policies in ` +
      `${job.seconds.toFixed(1)} s, ${Math.round(enterprises / job.seconds)} enterprises/s, ` +
      `${pairs} pairs/s, ${job.jobs} jobs; one isEligible pass in memory ${inMemory.toFixed(2)} s`,
  )
  const mb = (n: number): string => `${n.toFixed(0)} MB`
  log(
    `matching job memory: RSS ${mb(job.rssBeforeMb)} before, peak ${mb(job.peakRssMb)} ` +
      `(getrusage), ${mb(job.sampledPeakRssMb)} in ${job.samples} samples at 100 ms`,
  )
  log(
    `matching job event loop: longest stall ${(job.longestStallMs / 1000).toFixed(1)} s, ` +
      `${job.checkpoints} WAL checkpoints ran, WAL ${mb(job.walMb)} at the end`,
  )
}

async function prepare(
  dir: string,
  enterprises: readonly Enterprise[],
  policies: readonly Policy[],
): Promise<void> {
  const started = performance.now()
  const app = await openBenchApp(dir)
  try {
    await seedMatching(app, enterprises, policies)
    await app.database.checkpoint()
  } finally {
    await app.close()
  }
  const seconds = (performance.now() - started) / 1000
  log(
    `matching job setup (not timed): ${policies.length} policies published, ` +
      `${enterprises.length} enterprises' facts imported in ${seconds.toFixed(1)} s`,
  )
}

/** The peer: the module's fast path on the same facts and date, one pass, nothing stored. */
async function inMemoryPass(enterprises: readonly Enterprise[], policies: readonly Policy[]) {
  const compiled = await Promise.all(policies.map(compiledPolicy))
  const declarations: FactDeclaration[] = Object.entries(FACTS).map(([name, f]) => ({ name, ...f }))
  const names = Object.keys(FACTS) as (keyof typeof FACTS)[]
  const facts = enterprises.map((e) => factValuesOf(e, names))
  const on = toShanghaiDate(new Date())
  const n = compiled.length
  const statuses = new Uint8Array(enterprises.length * n)
  const started = performance.now()
  for (let i = 0; i < facts.length; i++) {
    const prepared = prepareFacts(facts[i] as Record<string, unknown>, declarations, on)
    for (let p = 0; p < n; p++)
      statuses[i * n + p] = CODES[isEligible(compiled[p] as CompiledPolicy, prepared, on)]
  }
  return { seconds: (performance.now() - started) / 1000, statuses }
}

async function compiledPolicy(policy: Policy, index: number): Promise<CompiledPolicy> {
  const loaded = await loadPolicyYaml(policyYaml(policy, index), {
    readFile: () => {
      throw new Error('no DMN files')
    },
  })
  if (!loaded.ok)
    throw new Error(`${policy.id}: ${loaded.issues.map((i) => i.message.en).join('; ')}`)
  return loaded.policy
}

async function runJob(dir: string): Promise<MatchingJobResult> {
  const child = startTs('matching job', 'bench/policy/matching-job-child.ts', [dir], {
    captureStdout: true,
  })
  const { code, stdout } = await child.exited
  const line = stdout.trim().split('\n').at(-1)
  if (code !== 0 || line === undefined)
    throw new Error(`the matching job child exited with ${code}`)
  return JSON.parse(line) as MatchingJobResult
}

/**
 * What the job stored, read back: sizes logged, and every stored outcome checked against the
 * in-memory pass and the hand-written evaluator (eligible exactly where the hand-written
 * conditions all hold; possibly eligible only where the in-memory pass says so too).
 */
function checkStored(
  dir: string,
  enterprises: readonly Enterprise[],
  policies: readonly Policy[],
  inMemory: Uint8Array,
): void {
  const file = benchConfig(dir).sqlitePath
  const db = new SQLite(file, { readonly: true })
  try {
    const one = <T>(query: string): T => db.prepare(query).get() as T
    const evaluations = one<{ n: number; bytes: number }>(
      `select count(*) as n, sum(length(cast(results_json as blob))) as bytes
       from policy_evaluations`,
    )
    const notices = one<{ n: number }>('select count(*) as n from policy_notices').n
    const { stored, matches } = storedOutcomes(db, enterprises.length, policies)
    log(
      `matching job stored: ${matches.toLocaleString('en')} policy_matches rows, ` +
        `${evaluations.n.toLocaleString('en')} policy_evaluations with ` +
        `${(evaluations.bytes / 1_048_576).toFixed(1)} MB of results_json ` +
        `(${Math.round(evaluations.bytes / Math.max(1, evaluations.n))} bytes each), ` +
        `${notices.toLocaleString('en')} notices; database file ${fileMb(file)} MB`,
    )
    compare(stored, inMemory, handVerdicts(enterprises, policies))
  } finally {
    db.close()
  }
}

/** policy_matches as one status code per enterprise × policy pair (no row: not eligible). */
function storedOutcomes(db: SQLite.Database, enterprises: number, policies: readonly Policy[]) {
  const n = policies.length
  const stored = new Uint8Array(enterprises * n)
  const index = new Map(policies.map((p, k) => [policyCode(p), k]))
  let matches = 0
  const select = db.prepare('select credit_code, policy_code, outcome from policy_matches')
  for (const row of select.iterate() as Iterable<Record<string, string>>) {
    matches++
    const p = index.get(row.policy_code ?? '')
    if (p === undefined) throw new Error(`policy_matches: unknown policy ${row.policy_code}`)
    const outcome = row.outcome as EligibilityStatus
    stored[indexOfCreditCode(row.credit_code ?? '') * n + p] = CODES[outcome]
  }
  return { stored, matches }
}

function handVerdicts(enterprises: readonly Enterprise[], policies: readonly Policy[]) {
  const verdicts = new Uint8Array(enterprises.length * policies.length)
  void handRunner(policies)(enterprises, verdicts)
  return verdicts
}

function compare(stored: Uint8Array, inMemory: Uint8Array, hand: Uint8Array): void {
  let eligible = 0
  let possibly = 0
  for (let pair = 0; pair < stored.length; pair++) {
    const s = stored[pair]
    if (s !== inMemory[pair]) throw new Error(`stored outcome ≠ isEligible at pair ${pair}`)
    if ((s === 1) !== (hand[pair] === 1))
      throw new Error(`stored outcome ≠ hand-written at pair ${pair}`)
    if (s === 1) eligible++
    if (s === 2) possibly++
  }
  const count = (n: number): string => n.toLocaleString('en')
  log(
    `matching job outcomes agree with isEligible and hand-written on all ` +
      `${count(stored.length)} pairs: ${count(eligible)} eligible, ${count(possibly)} possibly ` +
      `eligible (a ratio over zero revenue is null, never false)`,
  )
}

/** The database file alone: the child's close checkpointed the WAL into it. */
const fileMb = (file: string): string => (statSync(file).size / 1_048_576).toFixed(0)

function rows(job: MatchingJobResult, inMemorySeconds: number): BenchRow[] {
  return [
    {
      bench: 'policy',
      metric: 'matching_job_seconds',
      value: round(job.seconds),
      unit: 's',
      peer: 'one pass of isEligible over the same pairs in memory',
      peerValue: round(inMemorySeconds),
      ratio: round(job.seconds / inMemorySeconds),
    },
    {
      bench: 'policy',
      metric: 'matching_job_peak_rss_mb',
      value: Math.round(job.peakRssMb),
      unit: 'MB',
      peer: 'RSS before the job',
      peerValue: Math.round(job.rssBeforeMb),
      ratio: round(job.peakRssMb / job.rssBeforeMb),
    },
  ]
}
