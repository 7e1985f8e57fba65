import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { toShanghaiDate } from '../../platform/calendar/index.js'
import { message } from '../../platform/i18n/i18n.js'
import type { JobContext } from '../../platform/jobs/job-runner.js'
import { factValues, type FactSheet } from './enterprise-facts.js'
import { MATCH_JOB } from './match-scheduler.js'
import './policy-notices.js'
import type { PolicyDeps } from './policy.deps.js'
import type { PolicyEnterpriseRow, PolicyTables } from './policy.tables.js'
import type { PublishedPolicies, PublishedPolicy } from './published-policies.js'
import { evaluatePolicy, type PolicyEvaluation } from './rules/evaluate-policy.js'
import { isEligible } from './rules/is-eligible.js'
import type { EligibilityStatus } from './rules/policy.types.js'

/** One policy's result for one enterprise, as stored: enough to list it and to explain it. */
export interface StoredResult {
  policy: string
  revision: number
  status: EligibilityStatus
  version: number | null
  need: string[]
  amount: { value: string; unit: string } | null
  outcome: unknown
  /** `[condition id, passed | failed | unknown | error]` in the version's order. */
  conditions: Array<[string, string]>
}

export interface StoredEvaluation {
  /** The date the rules were applied to (Asia/Shanghai). */
  on: string
  /** The pairs evaluated in full: eligible, possibly eligible, or a "no" the fast path missed. */
  results: StoredResult[]
  /**
   * `[policy, revision]` of each plain "no" (most pairs): their reasons are recomputed from the
   * stored facts when asked for.
   */
  notEligible: Array<[string, number]>
}

type Trx = Transaction<PolicyTables>

export function toStoredResult(p: PublishedPolicy, e: PolicyEvaluation): StoredResult {
  return {
    policy: p.code,
    revision: p.revision,
    status: e.status,
    version: e.version?.index ?? null,
    need: e.need,
    amount: e.amount,
    outcome: e.outcome ?? null,
    conditions: e.conditions.map((c) => [c.id, c.status]),
  }
}

/**
 * The matching run: every out-of-date enterprise against every published policy, a chunk per job
 * (one transaction), with the explanation stored; then notices to newly eligible enterprises and,
 * for 免申即享 policies, a grant waiting for the department — each at most once per revision.
 */
export function createMatching(deps: PolicyDeps, published: PublishedPolicies) {
  const chunk = deps.matchChunk ?? 250

  async function runChunk(ctx: JobContext): Promise<void> {
    const trx = ctx.trx as unknown as Trx
    if (deps.dialect === 'postgres') {
      // Serialises with `schedule`: a change committed after this chunk's read re-schedules.
      await trx
        .selectFrom('policy_match_state')
        .select('id')
        .where('id', '=', 1)
        .forUpdate()
        .execute()
    }
    const policies = await published.list(ctx.trx)
    const now = deps.clock.now()
    const on = toShanghaiDate(now)
    const dirty = trx
      .selectFrom('policy_enterprises')
      .selectAll()
      .where('dirty', '=', 1)
      .orderBy('credit_code')
      .limit(chunk)
    const rows = await (deps.dialect === 'postgres' ? dirty.forUpdate() : dirty).execute()
    if (rows.length > 0) await matchRows(trx, rows, policies, on, now.toISOString())
    if (rows.length === chunk) {
      await deps.queue.enqueue(ctx.trx, { kind: MATCH_JOB, payload: null })
    } else {
      await trx
        .updateTable('policy_match_state')
        .set({ scheduled: 0, updated_at: now.toISOString() })
        .where('id', '=', 1)
        .execute()
    }
  }

  async function matchRows(
    trx: Trx,
    rows: PolicyEnterpriseRow[],
    policies: PublishedPolicy[],
    on: string,
    now: string,
  ): Promise<void> {
    const codes = rows.map((r) => r.credit_code)
    const before = new Map<string, string>()
    for (const m of await trx
      .selectFrom('policy_matches')
      .select(['credit_code', 'policy_code', 'revision', 'outcome'])
      .where('credit_code', 'in', codes)
      .execute()) {
      before.set(`${m.credit_code}|${m.policy_code}`, `${m.revision}|${m.outcome}`)
    }
    await trx.deleteFrom('policy_matches').where('credit_code', 'in', codes).execute()
    const evaluations: PolicyTables['policy_evaluations'][] = []
    const matches: PolicyTables['policy_matches'][] = []
    const newlyEligible: Array<{
      row: PolicyEnterpriseRow
      policy: PublishedPolicy
      result: StoredResult
    }> = []
    for (const row of rows) {
      const values = factValues(JSON.parse(row.facts_json) as FactSheet)
      const results: StoredResult[] = []
      const notEligible: Array<[string, number]> = []
      for (const p of policies) {
        // Most pairs are a plain "no": the fast path decides them, and their explanation is
        // recomputed on request from the facts stored with the evaluation. Only the pairs that
        // may qualify are evaluated in full here (need, amount, outcome, per condition).
        if (isEligible(p.compiled, values, on) === 'not_eligible') {
          notEligible.push([p.code, p.revision])
          continue
        }
        const result = toStoredResult(p, evaluatePolicy(p.compiled, values, { on }))
        if (result.status !== 'not_eligible') {
          matches.push({
            credit_code: row.credit_code,
            policy_code: p.code,
            revision: p.revision,
            outcome: result.status,
            amount: result.amount?.value ?? null,
            need_json: JSON.stringify(result.need),
            deadline: p.compiled.document.effective.to,
            matched_at: now,
          })
          const was = before.get(`${row.credit_code}|${p.code}`)
          if (result.status === 'eligible' && was !== `${p.revision}|eligible`) {
            newlyEligible.push({ row, policy: p, result })
          }
        }
        results.push(result)
      }
      const stored: StoredEvaluation = { on, results, notEligible }
      evaluations.push({
        credit_code: row.credit_code,
        facts_version: row.facts_version,
        facts_json: row.facts_json,
        results_json: JSON.stringify(stored),
        evaluated_at: now,
      })
    }
    for (const part of slices(evaluations, 200)) {
      await trx
        .insertInto('policy_evaluations')
        .values(part)
        .onConflict((oc) =>
          oc.column('credit_code').doUpdateSet((eb) => ({
            facts_version: eb.ref('excluded.facts_version'),
            facts_json: eb.ref('excluded.facts_json'),
            results_json: eb.ref('excluded.results_json'),
            evaluated_at: eb.ref('excluded.evaluated_at'),
          })),
        )
        .execute()
    }
    for (const part of slices(matches, 500))
      await trx.insertInto('policy_matches').values(part).execute()
    await trx
      .updateTable('policy_enterprises')
      .set({ dirty: 0 })
      .where('credit_code', 'in', codes)
      .execute()
    for (const hit of newlyEligible) await deliver(trx, hit.row, hit.policy, hit.result, now)
  }

  /** A notice (unless opted out) and, for 免申即享, a grant — once per enterprise and revision. */
  async function deliver(
    trx: Trx,
    row: PolicyEnterpriseRow,
    policy: PublishedPolicy,
    result: StoredResult,
    now: string,
  ): Promise<void> {
    const document = policy.compiled.document
    if (policy.exemptApplication) {
      await trx
        .insertInto('policy_grants')
        .values({
          id: uuidv7(),
          credit_code: row.credit_code,
          policy_code: policy.code,
          revision: policy.revision,
          department_code: policy.departmentCode,
          amount: result.amount?.value ?? null,
          status: 'pending',
          reason: null,
          decided_by: null,
          decided_at: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['credit_code', 'policy_code', 'revision']).doNothing())
        .execute()
    }
    const optedOut = await trx
      .selectFrom('policy_opt_outs')
      .select('policy_code')
      .where('credit_code', '=', row.credit_code)
      .where('policy_code', 'in', [policy.code, '*'])
      .executeTakeFirst()
    if (optedOut) return
    const contact = await contactOf(trx, row)
    const inserted = await trx
      .insertInto('policy_notices')
      .values({
        id: uuidv7(),
        credit_code: row.credit_code,
        policy_code: policy.code,
        revision: policy.revision,
        delivery: contact ? 'sms' : 'no_contact',
        recipient_masked: contact?.recipientMasked ?? null,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['credit_code', 'policy_code', 'revision']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted || !contact) return
    const amount = result.amount
    const deadline = document.effective.to ?? ''
    const how = message(
      policy.exemptApplication
        ? 'policy.sms.how.exempt'
        : deadline
          ? 'policy.sms.how.apply'
          : 'policy.sms.how.open',
      { deadline },
    )
    // Money is texted in yuan; other units as the policy names them.
    const unitZh = amount?.unit === 'CNY' ? '元' : (amount?.unit ?? '')
    await deps.notifier.sendSms(trx, {
      recipientIndex: contact.recipientIndex,
      recipientMasked: contact.recipientMasked,
      template: 'policy.sms.eligible',
      params: {
        enterprise: row.name,
        policy: document.name.zh,
        documentNumber: document.documentNumber,
        amountZh: amount ? `，预计可享 ${amount.value} ${unitZh}` : '',
        amountEn: amount ? `, about ${amount.value} ${amount.unit}` : '',
        howZh: how.zh,
        howEn: how.en,
      },
    })
  }

  async function contactOf(trx: Trx, row: PolicyEnterpriseRow) {
    if (!row.enterprise_id) return null
    const within = trx as unknown as Parameters<typeof deps.parties.contactOf>[1]
    const profile = await deps.parties.findEnterpriseProfile(row.credit_code, within)
    return profile ? deps.parties.contactOf(profile.legalRepresentativeId, within) : null
  }

  return { runChunk }
}

function slices<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export type Matching = ReturnType<typeof createMatching>
