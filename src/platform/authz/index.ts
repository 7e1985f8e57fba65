/** Authorisation: role table → small static Cedar policy set; grants travel per request. */

/** Every authorised action and a runtime guard for untrusted strings. */
export { ACTIONS, isAction } from './actions.js'
export type { Action } from './actions.js'
/** The role table (scope, actions, bilingual label) the policies are generated from. */
export { ROLE_DEFINITIONS, ROLES, isRole, rolesOfScope } from './roles.js'
export type { Role, RoleDefinition, RoleScope } from './roles.js'
/** Cedar policy text generated from ROLE_DEFINITIONS, one permit per role (`role.<name>`). */
export { buildPolicySet, policyFor } from './policies.js'
export type { PolicyMap } from './policies.js'
/** Cedar schema (human format) generated from the role and action tables. */
export { buildCedarSchema } from './schema.js'
/** createAuthorizer() → { authorize(request) → { allowed, reasons, errors } }; never throws. */
export { createAuthorizer } from './authorizer.js'
export type { AuthorizerOptions } from './authorizer.js'
/** In-memory staffId → grants index the DB store loads and keeps current. */
export { createAssignmentIndex } from './assignment-index.js'
export type { AssignmentIndex, AssignmentRow } from './assignment-index.js'
export type {
  Assignment,
  Authorizer,
  AuthzDecision,
  AuthzPrincipal,
  AuthzRequest,
  AuthzResource,
  PrincipalKind,
} from './types.js'
