import type { Transaction } from 'kysely'
import type { Actor } from '../../platform/auth/principal.js'
import { CREDIT_CODE_REASON_MESSAGES, validateCreditCode } from '../../platform/standards/index.js'
import { DomainError, fieldError, type FieldError } from '../../platform/errors.js'
import {
  PLATFORM_FACT_NAMES,
  PLATFORM_FACTS,
  platformFacts,
  sameValues,
  type FactSheet,
  type FactSource,
} from './enterprise-facts.js'
import type { EnterpriseProfile } from '../identity/index.js'
import type { MatchScheduler } from './match-scheduler.js'
import { requireEnterpriseAccess } from './policy-access.js'
import { policyStore } from './policy.store.js'
import { policyDb, type PolicyDeps } from './policy.deps.js'
import type { PolicyEnterpriseRow, PolicyTables } from './policy.tables.js'
import type { PublishedPolicies } from './published-policies.js'
import { factValueProblem, isIsoDate } from './rules/fact-values.js'
import type { FactDeclaration } from './rules/policy.types.js'

/** Facts for one enterprise: `null` removes a fact (back to unknown, never to false). */
export interface FactsInput {
  facts: Record<string, unknown>
  /** The date the figures refer to (e.g. the end of the tax year); null when timeless. */
  asOf?: string | null
}

export interface ImportRow extends FactsInput {
  creditCode: string
  /** Needed only for an enterprise the platform does not know yet. */
  name?: string
}

const SYNC_PAGE = 500

/**
 * Enterprise facts: the register's own (synced from identity) and the figures an enterprise
 * declares or a data officer imports, each kept with its source and date. A change marks the
 * enterprise for matching and schedules a run.
 */
export function createEnterpriseFacts(
  deps: PolicyDeps,
  published: PublishedPolicies,
  scheduler: MatchScheduler,
) {
  const db = policyDb(deps)

  /** Facts a value may be given for: every fact a published policy reads, except the register's. */
  async function declarable(): Promise<Map<string, FactDeclaration>> {
    const known = new Map<string, FactDeclaration>()
    for (const p of await published.list())
      for (const fact of p.compiled.facts.values())
        if (!PLATFORM_FACT_NAMES.has(fact.name)) known.set(fact.name, fact)
    return known
  }

  function check(
    input: FactsInput,
    known: Map<string, FactDeclaration>,
    base: string,
  ): FieldError[] {
    const errors: FieldError[] = []
    if (input.asOf !== undefined && input.asOf !== null && !isIsoDate(input.asOf)) {
      errors.push(
        fieldError(`${base}/asOf`, 'POLICY_FACT_DATE', {
          zh: '数据所属日期须为 YYYY-MM-DD 格式的有效日期',
          en: 'asOf must be a valid YYYY-MM-DD date',
        }),
      )
    }
    for (const [name, value] of Object.entries(input.facts)) {
      const pointer = `${base}/facts/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`
      if (PLATFORM_FACT_NAMES.has(name)) {
        errors.push(
          fieldError(pointer, 'POLICY_FACT_FROM_REGISTER', {
            zh: `“${name}”取自登记信息，不能申报；如有误请办理变更登记`,
            en: `'${name}' comes from the register and cannot be declared; file a change of registration`,
          }),
        )
        continue
      }
      const fact = known.get(name)
      if (!fact) {
        errors.push(
          fieldError(pointer, 'POLICY_FACT_UNKNOWN', {
            zh: `没有已发布的政策使用事实“${name}”`,
            en: `No published policy reads a fact named '${name}'`,
          }),
        )
        continue
      }
      if (value === null) continue
      const problem = factValueProblem(fact, value)
      if (problem) errors.push(fieldError(pointer, 'POLICY_FACT_TYPE', problem))
    }
    return errors
  }

  async function upsert(
    trx: Transaction<PolicyTables>,
    row: PolicyEnterpriseRow | undefined,
    enterprise: { creditCode: string; name: string; enterpriseId: string | null },
    next: FactSheet,
    now: string,
  ): Promise<boolean> {
    if (!row) {
      await policyStore.insertEnterprise(trx, {
        credit_code: enterprise.creditCode,
        enterprise_id: enterprise.enterpriseId,
        name: enterprise.name,
        facts_json: JSON.stringify(next),
        facts_version: 1,
        dirty: 1,
        created_at: now,
        updated_at: now,
      })
      return true
    }
    const changed = !sameValues(JSON.parse(row.facts_json) as FactSheet, next)
    await trx
      .updateTable('policy_enterprises')
      .set({
        facts_json: JSON.stringify(next),
        enterprise_id: enterprise.enterpriseId ?? row.enterprise_id,
        name: enterprise.name,
        updated_at: now,
        ...(changed ? { facts_version: row.facts_version + 1, dirty: 1 } : {}),
      })
      .where('credit_code', '=', row.credit_code)
      .execute()
    return changed
  }

  function merged(sheet: FactSheet, input: FactsInput, source: FactSource, now: string): FactSheet {
    const next: FactSheet = { ...sheet }
    for (const [name, value] of Object.entries(input.facts)) {
      if (value === null) delete next[name]
      else next[name] = { value, source, asOf: input.asOf ?? null, recordedAt: now }
    }
    return next
  }

  /**
   * Reads an enterprise's sheet (created on first use), refreshes the register's facts when it is
   * registered, applies `change` and stores the result; `changed` when a value moved.
   */
  async function rewrite(
    trx: Transaction<PolicyTables>,
    creditCode: string,
    profile: EnterpriseProfile | null,
    change: (sheet: FactSheet) => FactSheet,
    now: string,
    name?: string,
  ): Promise<{ changed: boolean; facts: FactSheet }> {
    const row = await policyStore.findEnterprise(trx, creditCode)
    const base = row ? (JSON.parse(row.facts_json) as FactSheet) : {}
    const facts = change(profile ? { ...base, ...platformFacts(profile, now) } : base)
    const enterprise = {
      creditCode,
      name: profile?.name ?? name ?? row?.name ?? creditCode,
      enterpriseId: profile?.id ?? null,
    }
    return { changed: await upsert(trx, row, enterprise, facts, now), facts }
  }

  return {
    /** An enterprise's agent declares its own figures. */
    async declare(actor: Actor, creditCode: string, input: FactsInput) {
      const profile = await deps.parties.findEnterpriseProfile(creditCode)
      const existing = await policyStore.findEnterprise(db, creditCode)
      if (!profile && !existing)
        throw new DomainError('POLICY_ENTERPRISE_NOT_FOUND', { creditCode })
      await requireEnterpriseAccess(deps, actor, 'policy.facts.declare', {
        id: profile?.id ?? existing?.enterprise_id ?? null,
        creditCode,
      })
      const errors = check(input, await declarable(), '')
      if (errors.length > 0) throw new DomainError('POLICY_FACTS_INVALID', {}, errors)
      const now = deps.clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        const { changed, facts: next } = await rewrite(
          trx,
          creditCode,
          profile ?? null,
          (sheet) => merged(sheet, input, 'declared', now),
          now,
        )
        if (changed) await scheduler.schedule(trx)
        await deps.audit.record(trx, actor, {
          action: 'policy.facts.declared',
          subject: { type: 'enterprise', id: creditCode },
          after: { facts: Object.keys(input.facts), asOf: input.asOf ?? null },
        })
        return { creditCode, changed, facts: next }
      })
    },

    /**
     * A data officer imports figures for many enterprises (from tax, social-security or
     * statistics data): all rows are checked first and the import is all or nothing.
     */
    async importFacts(actor: Actor, rows: ImportRow[], source: FactSource = 'imported') {
      await requireEnterpriseAccess(deps, actor, 'policy.facts.import', {
        id: null,
        creditCode: '*',
      })
      const known = await declarable()
      const errors = rows.flatMap((row, i) => {
        const rowErrors = check(row, known, `/rows/${i}`)
        const code = validateCreditCode(row.creditCode)
        if (!code.ok) {
          rowErrors.push(
            fieldError(
              `/rows/${i}/creditCode`,
              `gb32100.${code.reason}`,
              CREDIT_CODE_REASON_MESSAGES[code.reason],
            ),
          )
        }
        return rowErrors
      })
      if (errors.length > 0) throw new DomainError('POLICY_FACTS_INVALID', {}, errors)
      const now = deps.clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        let changed = 0
        for (const input of rows) {
          const profile = await deps.parties.findEnterpriseProfile(input.creditCode, trx)
          const change = (sheet: FactSheet) => merged(sheet, input, source, now)
          const result = await rewrite(trx, input.creditCode, profile, change, now, input.name)
          if (result.changed) changed++
        }
        if (changed > 0) await scheduler.schedule(trx)
        await deps.audit.record(trx, actor, {
          action: 'policy.facts.imported',
          subject: { type: 'policy_facts', id: 'import' },
          after: { rows: rows.length, changed, source },
        })
        return { rows: rows.length, changed }
      })
    },

    /** Copies the register's facts of every registered enterprise; returns how many changed. */
    async syncFromRegister(): Promise<number> {
      let after = ''
      let changed = 0
      for (;;) {
        const profiles = await deps.parties.listEnterpriseProfiles(after, SYNC_PAGE)
        if (profiles.length === 0) break
        const now = deps.clock.now().toISOString()
        changed += await db.transaction().execute(async (trx) => {
          let n = 0
          for (const profile of profiles) {
            const same = (sheet: FactSheet) => sheet
            if ((await rewrite(trx, profile.creditCode, profile, same, now)).changed) n++
          }
          if (n > 0) await scheduler.schedule(trx)
          return n
        })
        after = profiles.at(-1)?.creditCode ?? after
        if (profiles.length < SYNC_PAGE) break
      }
      return changed
    },

    /** The facts kept for an enterprise, with their sources and dates. */
    async get(actor: Actor, creditCode: string) {
      const row = await policyStore.findEnterprise(db, creditCode)
      if (!row) throw new DomainError('POLICY_ENTERPRISE_NOT_FOUND', { creditCode })
      await requireEnterpriseAccess(deps, actor, 'policy.match.read', {
        id: row.enterprise_id,
        creditCode,
      })
      return {
        creditCode,
        name: row.name,
        factsVersion: row.facts_version,
        facts: JSON.parse(row.facts_json) as FactSheet,
        registerFacts: PLATFORM_FACTS,
      }
    },
  }
}

export type EnterpriseFacts = ReturnType<typeof createEnterpriseFacts>
