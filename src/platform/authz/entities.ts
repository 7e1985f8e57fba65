import type { EntityJson } from '@cedar-policy/cedar-wasm/nodejs'
import { PRINCIPAL_TYPES, RESOURCE_TYPE } from './cedar-names.js'
import { ROLE_DEFINITIONS, isRole } from './roles.js'
import type { Assignment, AuthzPrincipal, AuthzResource, PrincipalKind } from './types.js'

type PrincipalAttrs = { roles: string[]; roleDepts: Record<string, string[]> }

export function isPrincipalKind(value: string): value is PrincipalKind {
  return Object.hasOwn(PRINCIPAL_TYPES, value)
}

/**
 * The principal as one Cedar entity whose attributes carry its own grants. Department grants
 * are projected onto the resource's department: policies only ever test
 * `roleDepts.<role>.contains(resource.department)`, so grants elsewhere cannot change the
 * decision, and leaving them out keeps the call cost flat however many departments a staff
 * member serves. Malformed grants (unknown role, department missing or unexpected) are dropped
 * with a coded error, so a bad row can only remove access, never add it.
 */
export function principalEntity(
  principal: AuthzPrincipal,
  resource: AuthzResource,
  errors: string[],
): EntityJson {
  const attrs: PrincipalAttrs = { roles: [], roleDepts: {} }
  const department = resource.departmentId ?? null
  for (const assignment of principal.assignments) {
    addAssignment(attrs, assignment, department, errors)
  }
  return { uid: { type: PRINCIPAL_TYPES[principal.kind], id: principal.id }, attrs, parents: [] }
}

function addAssignment(
  attrs: PrincipalAttrs,
  assignment: Assignment,
  department: string | null,
  errors: string[],
): void {
  const problem = assignmentProblem(assignment)
  if (problem !== null) {
    errors.push(problem)
    return
  }
  const { role, departmentId } = assignment
  if (departmentId === null) attrs.roles.push(role)
  else if (departmentId === department) (attrs.roleDepts[role] ??= []).push(departmentId)
}

function assignmentProblem({ role, departmentId }: Assignment): string | null {
  if (!isRole(role)) return `AUTHZ_ROLE_UNKNOWN: ${String(role)}`
  const isDepartmental = ROLE_DEFINITIONS[role].scope === 'department'
  if (isDepartmental && departmentId === null) return `AUTHZ_ASSIGNMENT_DEPARTMENT_MISSING: ${role}`
  if (!isDepartmental && departmentId !== null) {
    return `AUTHZ_ASSIGNMENT_DEPARTMENT_UNEXPECTED: ${role}`
  }
  return null
}

/** The resource as one Cedar entity; department and owner are omitted when absent. */
export function resourceEntity(resource: AuthzResource): EntityJson {
  const attrs: EntityJson['attrs'] = { resourceType: resource.type }
  if (resource.departmentId != null) attrs['department'] = resource.departmentId
  if (resource.ownerId != null) {
    attrs['owner'] = { __entity: { type: PRINCIPAL_TYPES.person, id: resource.ownerId } }
  }
  return { uid: resourceUid(resource), attrs, parents: [] }
}

export function resourceUid(resource: AuthzResource): { type: string; id: string } {
  return { type: RESOURCE_TYPE, id: `${resource.type}/${resource.id}` }
}
