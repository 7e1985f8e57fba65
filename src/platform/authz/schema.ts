import { ACTIONS } from './actions.js'
import { NAMESPACE } from './cedar-names.js'
import { rolesOfScope } from './roles.js'

/**
 * The Cedar schema (human format) generated from the role and action tables. Principals
 * carry `roles` (grants without a department) and `roleDepts` (per department-scoped role,
 * the set of department ids it was granted in); resources carry type, department and owner.
 */
export function buildCedarSchema(): string {
  return [
    `namespace ${NAMESPACE} {`,
    `  type RoleDepartments = { ${roleDepartmentFields()} };`,
    '  entity Person, Staff, Admin = { roles: Set<String>, roleDepts: RoleDepartments };',
    '  entity Resource = { resourceType: String, department?: String, owner?: Person };',
    `  action ${ACTIONS.map((action) => JSON.stringify(action)).join(', ')}`,
    '    appliesTo { principal: [Person, Staff, Admin], resource: [Resource], context: {} };',
    '}',
  ].join('\n')
}

function roleDepartmentFields(): string {
  return rolesOfScope('department')
    .map((role) => `${role}?: Set<String>`)
    .join(', ')
}
