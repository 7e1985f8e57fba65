/**
 * The staff roles one may grant, as the server's role table has them
 * (src/platform/authz/roles.ts): department roles need a department, platform roles none.
 */
export const DEPARTMENT_ROLES = [
  'dept_staff',
  'dept_approver',
  'catalog_editor',
  'catalog_publisher',
  'policy_officer',
  'data_officer',
  'process_analyst',
  'dept_admin',
] as const
export const PLATFORM_ROLES = ['system_admin', 'security_admin', 'auditor'] as const
export const STAFF_ROLES: readonly string[] = [...DEPARTMENT_ROLES, ...PLATFORM_ROLES]
export const isPlatformRole = (role: string) => (PLATFORM_ROLES as readonly string[]).includes(role)
