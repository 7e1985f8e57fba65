import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { identityDb, type IdentityDeps } from './identity.deps.js'

/** A colleague as another member of staff sees them: who, where, in which roles; no contact data. */
export interface Colleague {
  id: string
  account: string
  name: string
  departmentId: string
  roles: string[]
}

/** Most staff one department lists; a picker searches by name or account beyond that. */
const MAX_COLLEAGUES = 500

/**
 * Whom a member of staff can hand a task to, copy it to or ask to co-sign (转办, 委派, 抄送, 加签):
 * the active staff of the departments they work in, found by name or account.
 */
export function createColleaguesService(deps: IdentityDeps) {
  const db = identityDb(deps)
  return {
    async list(actor: Actor, query: { q?: string }): Promise<Colleague[]> {
      const departments = [
        ...new Set(
          (actor.principal?.assignments ?? []).flatMap((a) => (a.departmentId ? [a.departmentId] : [])),
        ),
      ].filter((departmentId) =>
        deps.guard.allows(actor, 'identity.colleague.read', {
          type: 'department',
          id: departmentId,
          departmentId,
        }),
      )
      if (departments.length === 0) throw new DomainError('PLATFORM_FORBIDDEN')
      const text = query.q?.trim()
      let select = db
        .selectFrom('identity_staff')
        .select(['id', 'account', 'name', 'department_id'])
        .where('department_id', 'in', departments)
        .where('status', '=', 'active')
      if (text) {
        // Wildcards typed by the user are dropped, as the catalogue search does (both dialects).
        const like = `%${text.replace(/[%_\\]/g, '')}%`
        select = select.where((eb) =>
          eb.or([eb('name', 'like', like), eb('account', 'like', like)]),
        )
      }
      const rows = await select.orderBy('account').limit(MAX_COLLEAGUES).execute()
      if (rows.length === 0) return []
      const assignments = await db
        .selectFrom('identity_role_assignments')
        .select(['staff_id', 'role'])
        .where(
          'staff_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
      const roles = new Map<string, string[]>()
      for (const a of assignments) roles.set(a.staff_id, [...(roles.get(a.staff_id) ?? []), a.role])
      return rows.map((r) => ({
        id: r.id,
        account: r.account,
        name: r.name,
        departmentId: r.department_id ?? '',
        roles: (roles.get(r.id) ?? []).sort(),
      }))
    },
  }
}

export type ColleaguesService = ReturnType<typeof createColleaguesService>
