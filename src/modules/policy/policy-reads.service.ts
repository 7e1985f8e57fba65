import { Decimal } from 'decimal.js'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError, fieldError, type FieldError } from '../../platform/errors.js'
import { isIsoDate } from './rules/fact-values.js'
import { factValues, type FactSheet } from './enterprise-facts.js'
import type { StoredEvaluation } from './matching.service.js'
import { requireEnterpriseAccess } from './policy-access.js'
import { policyStore } from './policy.store.js'
import { policyDb, type PolicyDeps } from './policy.deps.js'
import type { PublishedPolicies, PublishedPolicy } from './published-policies.js'
import { evaluatePolicy, type PolicyEvaluation } from './rules/evaluate-policy.js'
import { toShanghaiDate } from '../../platform/calendar/index.js'

/** A policy's result for an enterprise, explained: what passed, what failed, with the values. */
export interface ExplainedMatch {
  policy: {
    code: string
    revision: number
    name: { zh: string; en: string }
    department: string
    documentNumber: string
    exemptApplication: boolean
  }
  status: PolicyEvaluation['status']
  need: string[]
  amount: PolicyEvaluation['amount']
  deadline: string | null
  conditions: Array<{
    id: string
    description: { zh: string; en: string }
    status: string
    facts: Record<string, unknown>
  }>
}

export function explain(p: PublishedPolicy, evaluation: PolicyEvaluation): ExplainedMatch {
  const document = p.compiled.document
  return {
    policy: {
      code: p.code,
      revision: p.revision,
      name: document.name,
      department: p.departmentCode,
      documentNumber: evaluation.version?.documentNumber ?? document.documentNumber,
      exemptApplication: p.exemptApplication,
    },
    status: evaluation.status,
    need: evaluation.need,
    amount: evaluation.amount,
    deadline: document.effective.to,
    conditions: evaluation.conditions.map((c) => ({
      id: c.id,
      description: c.description,
      status: c.status,
      facts: c.facts,
    })),
  }
}

const ORDER = { eligible: 0, possibly_eligible: 1, not_eligible: 2 } as const

/** Reading results: an enterprise's matches explained, what-if evaluation, department figures. */
export function createPolicyReads(deps: PolicyDeps, published: PublishedPolicies) {
  const db = policyDb(deps)
  const summary = (p: PublishedPolicy) => {
    const d = p.compiled.document
    return {
      code: p.code,
      revision: p.revision,
      name: d.name,
      department: p.departmentCode,
      documentNumber: d.documentNumber,
      basis: [...d.basis],
      effective: d.effective,
      exemptApplication: p.exemptApplication,
    }
  }
  return {
    /** Published policies (public information: 政策公开). */
    async listPublished() {
      return (await published.list()).map(summary)
    },

    /** One published policy: what it reads and its conditions per dated version. */
    async getPublished(code: string) {
      const p = (await published.list()).find((x) => x.code === code)
      if (!p) throw new DomainError('POLICY_NOT_PUBLISHED', { code })
      const d = p.compiled.document
      return {
        ...summary(p),
        facts: d.facts.map((f) => ({
          name: f.name,
          type: f.type,
          ...(f.unit ? { unit: f.unit } : {}),
          label: f.label,
        })),
        versions: d.versions.map((v) => ({
          validFrom: v.validFrom,
          validTo: v.validTo,
          ...(v.documentNumber ? { documentNumber: v.documentNumber } : {}),
          conditions: v.eligibility.map((c) => ({
            id: c.id,
            description: c.description,
            expression: c.expression,
          })),
        })),
      }
    },

    /**
     * An enterprise's last matching result, explained from the facts it was computed on (stored
     * with it). Policies published since then show as pending until the next run.
     */
    async matchesOf(actor: Actor, creditCode: string) {
      const row = await policyStore.findEnterprise(db, creditCode)
      if (!row) throw new DomainError('POLICY_ENTERPRISE_NOT_FOUND', { creditCode })
      await requireEnterpriseAccess(deps, actor, 'policy.match.read', {
        id: row.enterprise_id,
        creditCode,
      })
      const stored = await policyStore.findEvaluation(db, creditCode)
      const policies = await published.list()
      if (!stored) {
        return {
          creditCode,
          name: row.name,
          evaluatedAt: null,
          on: null,
          pending: true,
          matches: [],
        }
      }
      const evaluation = JSON.parse(stored.results_json) as StoredEvaluation
      const facts = factValues(JSON.parse(stored.facts_json) as FactSheet)
      const byCode = new Map(policies.map((p) => [p.code, p]))
      const evaluated: Array<[string, number]> = [
        ...evaluation.results.map((r): [string, number] => [r.policy, r.revision]),
        ...(evaluation.notEligible ?? []),
      ]
      const matches = evaluated.flatMap(([code, revision]) => {
        const p = byCode.get(code)
        if (!p || p.revision !== revision) return []
        return [explain(p, evaluatePolicy(p.compiled, facts, { on: evaluation.on }))]
      })
      matches.sort(
        (a, b) => ORDER[a.status] - ORDER[b.status] || a.policy.code.localeCompare(b.policy.code),
      )
      return {
        creditCode,
        name: row.name,
        evaluatedAt: stored.evaluated_at,
        on: evaluation.on,
        pending: row.dirty === 1 || matches.length !== policies.length,
        matches,
      }
    },

    /** "What if": the published policies evaluated on supplied facts; nothing is stored. */
    async whatIf(input: { facts: Record<string, unknown>; on?: string; policies?: string[] }) {
      if (input.on !== undefined && !isIsoDate(input.on)) {
        throw new DomainError('POLICY_FACTS_INVALID', {}, [
          fieldError('/on', 'POLICY_FACT_DATE', {
            zh: '评估日期须为 YYYY-MM-DD 格式的有效日期',
            en: 'on must be a valid YYYY-MM-DD date',
          }),
        ])
      }
      const on = input.on ?? toShanghaiDate(deps.clock.now())
      const all = await published.list()
      const wanted = input.policies ? new Set(input.policies) : null
      const unknown = input.policies?.filter((code) => !all.some((p) => p.code === code)) ?? []
      if (unknown.length > 0) {
        throw new DomainError(
          'POLICY_FACTS_INVALID',
          {},
          unknown.map((code) =>
            fieldError(`/policies/${input.policies?.indexOf(code) ?? 0}`, 'POLICY_NOT_PUBLISHED', {
              zh: `政策 ${code} 不存在或未发布`,
              en: `Policy ${code} does not exist or is not published`,
            }),
          ),
        )
      }
      const results = all
        .filter((p) => !wanted || wanted.has(p.code))
        .map((p) => ({ p, evaluation: evaluatePolicy(p.compiled, input.facts, { on }) }))
      // A supplied fact of the wrong type is the request's fault, named once at its pointer
      // (`/facts/<name>`) however many policies read it; errors inside a policy's own rules are
      // part of that policy's result, not of the request.
      const errors = new Map<string, FieldError>()
      for (const { evaluation } of results)
        for (const e of evaluation.errors)
          if (e.path.startsWith('/facts/') && !errors.has(e.path))
            errors.set(e.path, fieldError(e.path, 'POLICY_FACT_TYPE', e.message))
      if (errors.size > 0) throw new DomainError('POLICY_FACTS_INVALID', {}, [...errors.values()])
      return {
        on,
        matches: results
          .map(({ p, evaluation }) => explain(p, evaluation))
          .sort(
            (a, b) =>
              ORDER[a.status] - ORDER[b.status] || a.policy.code.localeCompare(b.policy.code),
          ),
      }
    },

    /** Per policy of a department: enterprises eligible, possibly eligible, notices, grants. */
    async departmentStats(actor: Actor, departmentCode: string) {
      const department = await deps.departments.findByCode(departmentCode)
      if (!department) throw new DomainError('POLICY_DEPARTMENT_UNKNOWN', { code: departmentCode })
      deps.guard.require(actor, 'policy.stats.read', {
        type: 'policy_stats',
        id: departmentCode,
        departmentId: department.id,
      })
      const policies = (await published.list()).filter((p) => p.departmentCode === departmentCode)
      const codes = policies.map((p) => p.code)
      if (codes.length === 0) return { department: departmentCode, policies: [] }
      const [matches, notices, grants] = await Promise.all([
        db
          .selectFrom('policy_matches')
          .select(['policy_code', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
          .where('policy_code', 'in', codes)
          .groupBy(['policy_code', 'outcome'])
          .execute(),
        db
          .selectFrom('policy_notices')
          .select(['policy_code', 'delivery', (eb) => eb.fn.countAll<number>().as('n')])
          .where('policy_code', 'in', codes)
          .groupBy(['policy_code', 'delivery'])
          .execute(),
        db
          .selectFrom('policy_grants')
          .select(['policy_code', 'status', 'amount'])
          .where('policy_code', 'in', codes)
          .execute(),
      ])
      const enterprises = await db
        .selectFrom('policy_enterprises')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return {
        department: departmentCode,
        enterprises: Number(enterprises.n),
        policies: policies.map((p) => {
          const count = (outcome: string) =>
            Number(matches.find((m) => m.policy_code === p.code && m.outcome === outcome)?.n ?? 0)
          const sent = (delivery: string) =>
            Number(notices.find((n) => n.policy_code === p.code && n.delivery === delivery)?.n ?? 0)
          const mine = grants.filter((g) => g.policy_code === p.code)
          const approved = mine.filter((g) => g.status === 'approved')
          return {
            code: p.code,
            revision: p.revision,
            name: p.compiled.document.name,
            eligible: count('eligible'),
            possiblyEligible: count('possibly_eligible'),
            noticesSent: sent('sms'),
            noticesWithoutContact: sent('no_contact'),
            grants: {
              pending: mine.filter((g) => g.status === 'pending').length,
              approved: approved.length,
              rejected: mine.filter((g) => g.status === 'rejected').length,
              approvedAmount: sumDecimals(approved.map((g) => g.amount)),
            },
          }
        }),
      }
    },
  }
}

/** Sums decimal money strings exactly. */
function sumDecimals(values: Array<string | null>): string {
  return values.reduce((sum, v) => (v ? sum.plus(v) : sum), new Decimal(0)).toFixed()
}

export type PolicyReads = ReturnType<typeof createPolicyReads>
