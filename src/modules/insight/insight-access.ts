import type { Actor } from '../../platform/auth/principal.js'
import { ROLE_DEFINITIONS, isRole, type Action } from '../../platform/authz/index.js'
import { DomainError, fieldError, type FieldError } from '../../platform/errors.js'
import { message } from '../../platform/i18n/i18n.js'
import type { InsightDeps } from './insight.deps.js'

/** An uploaded log or an analysis as the policy engine sees it: a resource of its department. */
export const insightResource = (type: string, id: string, departmentId: string) => ({
  type,
  id,
  departmentId,
})

/** The departments in which the caller holds a role carrying the action. */
export function departmentsWith(actor: Actor, action: Action): string[] {
  const ids = (actor.principal?.assignments ?? []).flatMap((a) =>
    isRole(a.role) &&
    a.departmentId !== null &&
    (ROLE_DEFINITIONS[a.role].actions as readonly string[]).includes(action)
      ? [a.departmentId]
      : [],
  )
  return [...new Set(ids)]
}

/** Department codes → ids; an unknown code is a field error at `pointerOf(i)`. */
export async function resolveDepartments(
  deps: Pick<InsightDeps, 'departments'>,
  codes: readonly string[],
  pointerOf: (i: number) => string,
  errors: FieldError[],
): Promise<string[]> {
  const ids: string[] = []
  for (const [i, code] of codes.entries()) {
    const department = await deps.departments.findByCode(code)
    if (department) ids.push(department.id)
    else
      errors.push(
        fieldError(
          pointerOf(i),
          'INSIGHT_DEPARTMENT_UNKNOWN',
          message('error.INSIGHT_DEPARTMENT_UNKNOWN', { code }),
        ),
      )
  }
  return ids
}

/**
 * The department a new log or analysis belongs to: the one named, or the caller's own where
 * they hold the action; the caller must be allowed the action there.
 */
export async function owningDepartment(
  deps: Pick<InsightDeps, 'departments' | 'guard'>,
  actor: Actor,
  action: Action,
  code: string | undefined,
): Promise<string> {
  let id: string | undefined
  if (code !== undefined) {
    const errors: FieldError[] = []
    ;[id] = await resolveDepartments(deps, [code], () => '/departmentCode', errors)
    if (id === undefined) throw new DomainError('INSIGHT_DEPARTMENT_UNKNOWN', { code }, errors)
  } else {
    id = departmentsWith(actor, action)[0]
    if (id === undefined) {
      if (!actor.principal) throw new DomainError('PLATFORM_UNAUTHENTICATED')
      throw new DomainError('INSIGHT_NO_DEPARTMENT')
    }
  }
  deps.guard.require(actor, action, insightResource('insight_analysis', 'new', id))
  return id
}
