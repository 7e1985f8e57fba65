import type { Action } from './actions.js'
import type { Assignment, AuthzPrincipal, AuthzRequest, AuthzResource } from './types.js'

export function staff(id: string, ...assignments: Assignment[]): AuthzPrincipal {
  return { id, kind: 'staff', assignments }
}

export function admin(id: string, role: Assignment['role']): AuthzPrincipal {
  return { id, kind: 'admin', assignments: [{ role, departmentId: null }] }
}

export function citizen(id: string): AuthzPrincipal {
  return { id, kind: 'person', assignments: [{ role: 'citizen', departmentId: null }] }
}

export function inDept(departmentId: string | null, type = 'catalog.item'): AuthzResource {
  return { type, id: 'r1', departmentId }
}

export function request(
  principal: AuthzPrincipal,
  action: Action,
  resource: AuthzResource,
): AuthzRequest {
  return { principal, action, resource }
}
