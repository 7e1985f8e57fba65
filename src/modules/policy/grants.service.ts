import type { Actor } from '../../platform/auth/principal.js'
import { DomainError, fieldError } from '../../platform/errors.js'
import { requireEnterpriseAccess } from './policy-access.js'
import { policyStore } from './policy.store.js'
import { policyDb, type PolicyDeps } from './policy.deps.js'
import type { PolicyGrantRow } from './policy.tables.js'

export type GrantDecision = 'approve' | 'reject'

const toView = (g: PolicyGrantRow) => ({
  id: g.id,
  creditCode: g.credit_code,
  policyCode: g.policy_code,
  revision: g.revision,
  amount: g.amount,
  status: g.status,
  reason: g.reason,
  decidedAt: g.decided_at,
  createdAt: g.created_at,
})

/** 免申即享 grants (approved in bulk by the issuing department) and notice opt-outs. */
export function createGrants(deps: PolicyDeps) {
  const db = policyDb(deps)
  async function departmentId(code: string) {
    const department = await deps.departments.findByCode(code)
    if (!department) throw new DomainError('POLICY_DEPARTMENT_UNKNOWN', { code })
    return department.id
  }
  return {
    async list(
      actor: Actor,
      departmentCode: string,
      status: PolicyGrantRow['status'],
      limit: number,
    ) {
      deps.guard.require(actor, 'policy.grant.decide', {
        type: 'policy_grant',
        id: departmentCode,
        departmentId: await departmentId(departmentCode),
      })
      const rows = await db
        .selectFrom('policy_grants')
        .selectAll()
        .where('department_code', '=', departmentCode)
        .where('status', '=', status)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map(toView)
    },

    /**
     * Approves or rejects many grants at once, all or nothing: every id must be a pending grant
     * of a department the officer decides for. Each decision is audited on its own.
     */
    async decide(actor: Actor, ids: string[], decision: GrantDecision, reason: string | null) {
      if (decision === 'reject' && !reason?.trim()) {
        throw new DomainError('PLATFORM_VALIDATION_FAILED', {}, [
          fieldError('/reason', 'POLICY_REASON_REQUIRED', {
            zh: '不予兑现须说明理由',
            en: 'A rejection needs a reason',
          }),
        ])
      }
      const now = deps.clock.now().toISOString()
      const status = decision === 'approve' ? 'approved' : 'rejected'
      // Checked before the transaction (department look-ups use their own connection); the
      // conditional update below still refuses a grant decided meanwhile.
      const rows = await db.selectFrom('policy_grants').selectAll().where('id', 'in', ids).execute()
      const byId = new Map(rows.map((r) => [r.id, r]))
      const departments = new Map<string, string>()
      for (const [i, id] of ids.entries()) {
        const row = byId.get(id)
        if (!row) {
          throw new DomainError('POLICY_GRANT_NOT_FOUND', { id }, [
            fieldError(`/ids/${i}`, 'POLICY_GRANT_NOT_FOUND', {
              zh: `兑现记录 ${id} 不存在`,
              en: `Grant ${id} does not exist`,
            }),
          ])
        }
        if (row.status !== 'pending') throw new DomainError('POLICY_GRANT_DECIDED', { id })
        let dept = departments.get(row.department_code)
        if (!dept) {
          dept = await departmentId(row.department_code)
          departments.set(row.department_code, dept)
        }
        deps.guard.require(actor, 'policy.grant.decide', {
          type: 'policy_grant',
          id,
          departmentId: dept,
        })
      }
      return db.transaction().execute(async (trx) => {
        for (const row of rows) {
          const moved = await trx
            .updateTable('policy_grants')
            .set({
              status,
              reason: reason?.trim() || null,
              decided_by: actor.principal?.id ?? null,
              decided_at: now,
              updated_at: now,
            })
            .where('id', '=', row.id)
            .where('status', '=', 'pending')
            .executeTakeFirst()
          if (Number(moved.numUpdatedRows) !== 1)
            throw new DomainError('POLICY_GRANT_DECIDED', { id: row.id })
          await deps.audit.record(trx, actor, {
            action: `policy.grant.${status}`,
            subject: { type: 'policy_grant', id: row.id },
            before: { status: 'pending' },
            after: {
              status,
              policy: row.policy_code,
              creditCode: row.credit_code,
              amount: row.amount,
            },
          })
        }
        return { decided: rows.length, status }
      })
    },

    /** The enterprise's grants, whatever their state. */
    async grantsOf(actor: Actor, creditCode: string) {
      const row = await policyStore.findEnterprise(db, creditCode)
      if (!row) throw new DomainError('POLICY_ENTERPRISE_NOT_FOUND', { creditCode })
      await requireEnterpriseAccess(deps, actor, 'policy.match.read', {
        id: row.enterprise_id,
        creditCode,
      })
      const rows = await db
        .selectFrom('policy_grants')
        .selectAll()
        .where('credit_code', '=', creditCode)
        .orderBy('created_at')
        .execute()
      return rows.map(toView)
    },

    /** Stops notices about one policy, or (`*`) all of them; idempotent. */
    async optOut(actor: Actor, creditCode: string, policyCode: string) {
      const row = await policyStore.findEnterprise(db, creditCode)
      if (!row) throw new DomainError('POLICY_ENTERPRISE_NOT_FOUND', { creditCode })
      await requireEnterpriseAccess(deps, actor, 'policy.notice.opt_out', {
        id: row.enterprise_id,
        creditCode,
      })
      if (policyCode !== '*' && !(await policyStore.findPolicy(db, policyCode))) {
        throw new DomainError('POLICY_NOT_FOUND', { code: policyCode })
      }
      const now = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('policy_opt_outs')
          .values({ credit_code: creditCode, policy_code: policyCode, created_at: now })
          .onConflict((oc) => oc.columns(['credit_code', 'policy_code']).doNothing())
          .returning('credit_code')
          .executeTakeFirst()
        if (inserted) {
          await deps.audit.record(trx, actor, {
            action: 'policy.notice.opted_out',
            subject: { type: 'enterprise', id: creditCode },
            after: { policy: policyCode },
          })
        }
      })
      return { creditCode, policyCode, optedOut: true }
    },
  }
}

export type Grants = ReturnType<typeof createGrants>
