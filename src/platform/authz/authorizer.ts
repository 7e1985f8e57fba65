import {
  preparsePolicySet,
  preparseSchema,
  statefulIsAuthorized,
} from '@cedar-policy/cedar-wasm/nodejs'
import type {
  AuthorizationAnswer,
  CheckParseAnswer,
  StatefulAuthorizationCall,
} from '@cedar-policy/cedar-wasm/nodejs'
import { isAction } from './actions.js'
import { ACTION_TYPE } from './cedar-names.js'
import { isPrincipalKind, principalEntity, resourceEntity, resourceUid } from './entities.js'
import { buildPolicySet } from './policies.js'
import type { PolicyMap } from './policies.js'
import { buildCedarSchema } from './schema.js'
import type { AuthzDecision, AuthzRequest, Authorizer } from './types.js'

export type AuthorizerOptions = {
  /** Defaults to the set generated from ROLE_DEFINITIONS. */
  policies?: PolicyMap
  /** Also check each request and its entities against the Cedar schema (slower; for tests). */
  validateRequests?: boolean
}

type Prepared = { policySetId: string; schemaName: string | undefined }

let instances = 0

/**
 * Preparses the policy set once (Cedar keeps it in wasm memory) and answers each request with
 * statefulIsAuthorized over two entities: the principal with its grants, and the resource.
 * Throws AUTHZ_POLICY_INVALID at creation for a bad policy set; authorize never throws.
 */
export function createAuthorizer(options: AuthorizerOptions = {}): Authorizer {
  const prepared = prepare(options, `tongban.authz.${++instances}`)
  return { authorize: (request) => decide(request, prepared) }
}

function prepare(options: AuthorizerOptions, name: string): Prepared {
  const policies = options.policies ?? buildPolicySet()
  assertParsed(preparsePolicySet(name, { staticPolicies: policies }))
  if (options.validateRequests !== true) return { policySetId: name, schemaName: undefined }
  assertParsed(preparseSchema(name, buildCedarSchema()))
  return { policySetId: name, schemaName: name }
}

function assertParsed(answer: CheckParseAnswer): void {
  if (answer.type === 'success') return
  const detail = answer.errors.map((error) => error.message).join('; ')
  throw new Error(`AUTHZ_POLICY_INVALID: ${detail}`)
}

function decide(request: AuthzRequest, prepared: Prepared): AuthzDecision {
  const { action, principal, resource } = request
  if (!isAction(action)) return denied([`AUTHZ_ACTION_UNKNOWN: ${String(action)}`])
  if (!isPrincipalKind(principal.kind)) {
    return denied([`AUTHZ_PRINCIPAL_KIND_UNKNOWN: ${String(principal.kind)}`])
  }
  const errors: string[] = []
  const principalJson = principalEntity(principal, resource, errors)
  const call: StatefulAuthorizationCall = {
    principal: principalJson.uid,
    action: { type: ACTION_TYPE, id: action },
    resource: resourceUid(resource),
    context: {},
    preparsedPolicySetId: prepared.policySetId,
    entities: [principalJson, resourceEntity(resource)],
    ...schemaFields(prepared),
  }
  return toDecision(callCedar(call), errors)
}

function schemaFields(prepared: Prepared): Partial<StatefulAuthorizationCall> {
  if (prepared.schemaName === undefined) return {}
  return { preparsedSchemaName: prepared.schemaName, validateRequest: true }
}

function callCedar(call: StatefulAuthorizationCall): AuthorizationAnswer | Error {
  try {
    return statefulIsAuthorized(call)
  } catch (error: unknown) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

function toDecision(answer: AuthorizationAnswer | Error, errors: string[]): AuthzDecision {
  if (answer instanceof Error) return denied([...errors, `AUTHZ_ENGINE_FAILED: ${answer.message}`])
  if (answer.type === 'failure') {
    return denied([...errors, ...answer.errors.map((e) => `AUTHZ_REQUEST_INVALID: ${e.message}`)])
  }
  const { decision, diagnostics } = answer.response
  const policyErrors = diagnostics.errors.map(
    (e) => `AUTHZ_POLICY_ERROR: ${e.policyId}: ${e.error.message}`,
  )
  return {
    allowed: decision === 'allow',
    reasons: diagnostics.reason,
    errors: [...errors, ...policyErrors],
  }
}

function denied(errors: string[]): AuthzDecision {
  return { allowed: false, reasons: [], errors }
}
