import { isAuthorized } from '@cedar-policy/cedar-wasm/nodejs'
import { setImmediate as settle } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'
import { createAssignmentIndex } from '../src/platform/authz/assignment-index.js'
import type { AssignmentIndex, AssignmentRow } from '../src/platform/authz/assignment-index.js'
import { createAuthorizer } from '../src/platform/authz/authorizer.js'
import { ACTION_TYPE } from '../src/platform/authz/cedar-names.js'
import { principalEntity, resourceEntity, resourceUid } from '../src/platform/authz/entities.js'
import { buildPolicySet } from '../src/platform/authz/policies.js'
import type { Action } from '../src/platform/authz/actions.js'
import { ROLE_DEFINITIONS } from '../src/platform/authz/roles.js'
import type { Role } from '../src/platform/authz/roles.js'
import type { Assignment, AuthzRequest } from '../src/platform/authz/types.js'

export type BenchRow = {
  bench: string
  metric: string
  value: number
  unit: string
  peer: string
  peerValue: number
  ratio: number
}

const STAFF = 20_000
const GRANTS_PER_STAFF = 5
const DEPARTMENTS = 500
const DECISIONS = 200_000
const PEER_DECISIONS = 20_000
const PEER = 'cedar isAuthorized (stateless: re-parses the policy set per call)'

const DEPT_ROLES: Role[] = [
  'dept_staff',
  'dept_approver',
  'catalog_editor',
  'catalog_publisher',
  'dept_admin',
]
const BENCH_ACTIONS: Action[] = [
  'catalog.item.read',
  'catalog.item.create',
  'catalog.item.publish',
  'application.task.decide',
  'application.task.handle',
  'identity.staff.manage',
  'audit.read',
]

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

function* assignmentRows(random: () => number): Generator<AssignmentRow> {
  for (let s = 0; s < STAFF; s++) {
    for (let g = 0; g < GRANTS_PER_STAFF; g++) {
      const departmentId = `d${Math.floor(random() * DEPARTMENTS)}`
      yield { staffId: `s${s}`, role: pick(DEPT_ROLES, random), departmentId }
    }
  }
}

/**
 * Half the requests use one of the staff member's grants as given (an action of that role in
 * that department, so they are allowed); half pick a random action in a random department
 * (almost all denied).
 */
function makeRequests(index: AssignmentIndex, count: number, random: () => number): AuthzRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const staffId = `s${Math.floor(random() * STAFF)}`
    const assignments = index.get(staffId)
    const target = random() < 0.5 ? plausibleTarget(assignments, random) : randomTarget(random)
    return {
      principal: { id: staffId, kind: 'staff', assignments },
      action: target.action,
      resource: { type: 'catalog.item', id: `r${i}`, departmentId: target.departmentId },
    }
  })
}

type Target = { action: Action; departmentId: string | null }

function plausibleTarget(assignments: readonly Assignment[], random: () => number): Target {
  const grant = pick(assignments, random)
  const action = pick(ROLE_DEFINITIONS[grant.role].actions, random)
  return { action, departmentId: grant.departmentId }
}

function randomTarget(random: () => number): Target {
  const departmentId = `d${Math.floor(random() * DEPARTMENTS)}`
  return { action: pick(BENCH_ACTIONS, random), departmentId }
}

type Timing = { perSecond: number; p50: number; p99: number; allowed: number }

function time(requests: AuthzRequest[], decide: (r: AuthzRequest) => boolean): Timing {
  const samples = new Float64Array(requests.length)
  let allowed = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < requests.length; i++) {
    const t0 = process.hrtime.bigint()
    if (decide(requests[i] as AuthzRequest)) allowed++
    samples[i] = Number(process.hrtime.bigint() - t0) / 1_000
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  samples.sort()
  return {
    perSecond: requests.length / seconds,
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    allowed: allowed / requests.length,
  }
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

/**
 * The naive peer: the same requests and entities, but the stateless call parses the policy set
 * on every decision. It isolates the gain from preparsing; both sides use the projected entity.
 */
function statelessDecide(request: AuthzRequest): boolean {
  const principal = principalEntity(request.principal, request.resource, [])
  const answer = isAuthorized({
    principal: principal.uid,
    action: { type: ACTION_TYPE, id: request.action },
    resource: resourceUid(request.resource),
    context: {},
    policies: { staticPolicies: buildPolicySet() },
    entities: [principal, resourceEntity(request.resource)],
  })
  return answer.type === 'success' && answer.response.decision === 'allow'
}

function rows(ours: Timing, peer: Timing): BenchRow[] {
  const base = { bench: 'authz', peer: PEER }
  const throughput = {
    ...base,
    metric: 'decisions_per_second',
    unit: 'decisions/s',
    value: Math.round(ours.perSecond),
    peerValue: Math.round(peer.perSecond),
    ratio: round(ours.perSecond / peer.perSecond), // ours / peer: higher is better
  }
  return [throughput, latencyRow('p50', ours.p50, peer.p50), latencyRow('p99', ours.p99, peer.p99)]
}

/** Latency rows keep ratio = ours / peer, so lower is better (0.1 = ten times faster). */
function latencyRow(metric: string, ours: number, peer: number): BenchRow {
  const values = { value: round(ours), peerValue: round(peer), ratio: round(ours / peer) }
  return { bench: 'authz', metric, unit: 'µs', peer: PEER, ...values }
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

/**
 * Loads 100,000 staff–role grants (20,000 staff × 5 over 500 departments) into the index and
 * times 200,000 mixed allow/deny decisions; the peer runs 20,000 decisions statelessly.
 */
export async function benchAuthz(): Promise<BenchRow[]> {
  const random = rng(20_240_601)
  const index = createAssignmentIndex()
  const loadStarted = process.hrtime.bigint()
  index.load(assignmentRows(random))
  const loadMs = Number(process.hrtime.bigint() - loadStarted) / 1e6
  const requests = makeRequests(index, DECISIONS, random)
  const { authorize } = createAuthorizer()
  const decide = (r: AuthzRequest) => authorize(r).allowed
  time(requests.slice(0, 5_000), decide) // warm-up
  await settle() // let pending I/O and GC work run before timing
  const ours = time(requests, decide)
  const peer = time(requests.slice(0, PEER_DECISIONS), statelessDecide)
  process.stderr.write(
    `authz: ${index.assignmentCount} grants for ${index.staffCount} staff loaded in ` +
      `${loadMs.toFixed(0)} ms; ${(ours.allowed * 100).toFixed(1)} % of decisions allowed\n`,
  )
  return rows(ours, peer)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchAuthz()) console.log(JSON.stringify(row))
}
