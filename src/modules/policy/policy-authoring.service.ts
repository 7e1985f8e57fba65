import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError, fieldError } from '../../platform/errors.js'
import { issueToField } from './policy-issue-fields.js'
import { loadPolicySource, type PolicySource } from './policy-source.js'
import { policyStore } from './policy.store.js'
import { policyDb, type PolicyDeps } from './policy.deps.js'
import type { PolicyRevisionRow, PolicyRow } from './policy.tables.js'
import type { PublishedPolicies } from './published-policies.js'
import type { MatchScheduler } from './match-scheduler.js'
import { checkPublishable, runPolicyTests } from './rules/policy-tests.js'
import type { FactDeclaration, PolicyDocument } from './rules/policy.types.js'
import { PLATFORM_FACTS } from './enterprise-facts.js'

/** Loads a source or throws the document's issues as problem+json fields. */
async function loadOrThrow(input: PolicySource) {
  const loaded = await loadPolicySource(input)
  if (!loaded.ok)
    throw new DomainError('POLICY_DOCUMENT_INVALID', {}, loaded.issues.map(issueToField))
  return loaded
}

/**
 * Authoring: a policy is submitted as YAML (with its DMN files), kept as a numbered revision,
 * tested, and published. A published revision never changes; a new submission makes a new one.
 */
export function createPolicyAuthoring(
  deps: PolicyDeps,
  published: PublishedPolicies,
  scheduler: MatchScheduler,
) {
  const db = policyDb(deps)

  async function departmentOf(code: string) {
    const department = await deps.departments.findByCode(code)
    if (!department) {
      throw new DomainError('POLICY_DEPARTMENT_UNKNOWN', { code }, [
        fieldError('/department', 'POLICY_DEPARTMENT_UNKNOWN', {
          zh: `部门 ${code} 不存在`,
          en: `Department ${code} does not exist`,
        }),
      ])
    }
    return department
  }
  async function load(code: string, revision: number) {
    const policy = await policyStore.findPolicy(db, code)
    if (!policy) throw new DomainError('POLICY_NOT_FOUND', { code })
    const row = await policyStore.findRevision(db, policy.id, revision)
    if (!row) throw new DomainError('POLICY_REVISION_NOT_FOUND', { code, revision })
    return { policy, row }
  }
  const sourceOf = (row: PolicyRevisionRow): PolicySource => ({
    source: row.source,
    files: JSON.parse(row.files_json) as Record<string, string>,
  })

  return {
    /** Checks and stores a submission: a new draft revision, or the open draft replaced. */
    async submit(actor: Actor, input: PolicySource) {
      const { document } = await loadOrThrow(input)
      const department = await departmentOf(document.department)
      deps.guard.require(actor, 'policy.manage', {
        type: 'policy',
        id: document.code,
        departmentId: department.id,
      })
      const now = deps.clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        let policy = await policyStore.findPolicy(trx, document.code)
        if (policy && policy.department_code !== document.department) {
          throw new DomainError('POLICY_CODE_DEPARTMENT_MISMATCH', { code: document.code })
        }
        if (!policy) {
          policy = {
            id: uuidv7(),
            code: document.code,
            department_code: document.department,
            name_zh: document.name.zh,
            name_en: document.name.en,
            exempt_application: document.exemptApplication ? 1 : 0,
            published_revision: null,
            latest_revision: 0,
            created_at: now,
            updated_at: now,
          } satisfies PolicyRow
          await policyStore.insertPolicy(trx, policy)
        }
        const latest = await policyStore.findRevision(trx, policy.id, policy.latest_revision)
        const fields = {
          source: input.source,
          files_json: JSON.stringify(input.files),
          created_by: actor.principal?.id ?? null,
          updated_at: now,
        }
        let revision: number
        if (latest?.state === 'draft') {
          revision = latest.revision
          await trx
            .updateTable('policy_revisions')
            .set(fields)
            .where('id', '=', latest.id)
            .execute()
        } else {
          revision = policy.latest_revision + 1
          await policyStore.insertRevision(trx, {
            id: uuidv7(),
            policy_id: policy.id,
            revision,
            state: 'draft',
            format: 'yaml',
            published_at: null,
            published_by: null,
            created_at: now,
            ...fields,
          })
        }
        await trx
          .updateTable('policy_policies')
          .set({
            latest_revision: revision,
            name_zh: document.name.zh,
            name_en: document.name.en,
            updated_at: now,
          })
          .where('id', '=', policy.id)
          .execute()
        await deps.audit.record(trx, actor, {
          action: 'policy.revision.submitted',
          subject: { type: 'policy', id: policy.id },
          after: { code: document.code, revision },
        })
        return { code: document.code, revision, state: 'draft' as const }
      })
    },

    /** Runs a revision's own test cases. */
    async test(actor: Actor, code: string, revision: number) {
      const { policy, row } = await load(code, revision)
      await requireManage(actor, policy)
      const { policy: compiled } = await loadOrThrow(sourceOf(row))
      return runPolicyTests(compiled)
    },

    /** Publishes a draft whose tests all pass; the revision published before is superseded. */
    async publish(actor: Actor, code: string, revision: number) {
      const { policy, row } = await load(code, revision)
      await requireManage(actor, policy)
      if (row.state !== 'draft') throw new DomainError('POLICY_REVISION_FROZEN', { revision })
      const { document } = await loadOrThrow(sourceOf(row))
      const issues = checkPublishable(document)
      if (issues.length > 0)
        throw new DomainError('POLICY_TESTS_FAILING', {}, issues.map(issueToField))
      const conflicts = await factConflicts(document)
      if (conflicts.length > 0) throw new DomainError('POLICY_DOCUMENT_INVALID', {}, conflicts)
      const now = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('policy_revisions')
          .set({
            state: 'published',
            published_at: now,
            published_by: actor.principal?.id ?? null,
            updated_at: now,
          })
          .where('id', '=', row.id)
          .where('state', '=', 'draft')
          .executeTakeFirst()
        if (Number(moved.numUpdatedRows) !== 1)
          throw new DomainError('POLICY_REVISION_FROZEN', { revision })
        if (policy.published_revision !== null) {
          await trx
            .updateTable('policy_revisions')
            .set({ state: 'superseded', updated_at: now })
            .where('policy_id', '=', policy.id)
            .where('revision', '=', policy.published_revision)
            .execute()
        }
        await trx
          .updateTable('policy_policies')
          .set({
            published_revision: revision,
            exempt_application: document.exemptApplication ? 1 : 0,
            updated_at: now,
          })
          .where('id', '=', policy.id)
          .execute()
        // Every enterprise is matched again against the new rules.
        await policyStore.markAllDirty(trx, now)
        await scheduler.schedule(trx)
        await deps.audit.record(trx, actor, {
          action: 'policy.revision.published',
          subject: { type: 'policy', id: policy.id },
          before: { publishedRevision: policy.published_revision },
          after: { code, publishedRevision: revision },
        })
      })
      return { code, revision, state: 'published' as const }
    },
  }

  async function requireManage(actor: Actor, policy: PolicyRow) {
    const department = await departmentOf(policy.department_code)
    deps.guard.require(actor, 'policy.manage', {
      type: 'policy',
      id: policy.code,
      departmentId: department.id,
    })
  }

  /**
   * A fact another published policy reads must mean the same here: the same type and the same
   * unit (one enterprise's total assets cannot be yuan for one policy and 万元 for another).
   */
  async function factConflicts(document: PolicyDocument) {
    // Its own published revision counts too: stored figures were checked against it, so a fact
    // that changes type or unit needs a new name. The register's facts have fixed types.
    const others: Array<{ code: string; facts: ReadonlyMap<string, FactDeclaration> }> = [
      { code: '（登记信息 register）', facts: new Map(PLATFORM_FACTS.map((f) => [f.name, f])) },
      ...(await published.list()).map((p) => ({ code: p.code, facts: p.compiled.facts })),
    ]
    return document.facts.flatMap((fact, index) => {
      for (const other of others) {
        const theirs = other.facts.get(fact.name)
        if (!theirs) continue
        if (theirs.type !== fact.type) {
          return [
            fieldError(`/facts/${index}/type`, 'POLICY_FACT_TYPE_CONFLICT', {
              zh: `事实“${fact.name}”在已发布政策 ${other.code} 中的类型为 ${theirs.type}，此处为 ${fact.type}`,
              en: `Fact '${fact.name}' is a ${theirs.type} in published policy ${other.code}, a ${fact.type} here`,
            }),
          ]
        }
        if ((theirs.unit ?? '') !== (fact.unit ?? '')) {
          return [
            fieldError(`/facts/${index}/unit`, 'POLICY_FACT_UNIT_CONFLICT', {
              zh: `事实“${fact.name}”在已发布政策 ${other.code} 中的单位为“${theirs.unit ?? '无'}”，此处为“${fact.unit ?? '无'}”`,
              en: `Fact '${fact.name}' is in '${theirs.unit ?? 'no unit'}' in published policy ${other.code}, '${fact.unit ?? 'no unit'}' here`,
            }),
          ]
        }
      }
      return []
    })
  }
}

export type PolicyAuthoring = ReturnType<typeof createPolicyAuthoring>
