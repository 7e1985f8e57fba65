import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../platform/auth/principal.js'
import type { JobRunner } from '../../platform/jobs/job-runner.js'
import { createEnterpriseFacts } from './enterprise-facts.service.js'
import { createGrants } from './grants.service.js'
import { createMatchScheduler, MATCH_JOB } from './match-scheduler.js'
import { createMatching } from './matching.service.js'
import { createPolicyAuthoring } from './policy-authoring.service.js'
import { createPolicyReads } from './policy-reads.service.js'
import type { PolicyDeps } from './policy.deps.js'
import './policy.errors.js'
import { policyRoutes } from './policy.routes.js'
import { createPublishedPolicies } from './published-policies.js'

/** Builds the policy context: authoring, enterprise facts, matching, notices and grants. */
export function createPolicyModule(deps: PolicyDeps) {
  const published = createPublishedPolicies(deps)
  const scheduler = createMatchScheduler(deps)
  const authoring = createPolicyAuthoring(deps, published, scheduler)
  const facts = createEnterpriseFacts(deps, published, scheduler)
  const reads = createPolicyReads(deps, published)
  const grants = createGrants(deps)
  const matching = createMatching(deps, published)
  return {
    authoring,
    facts,
    reads,
    grants,
    published,
    registerJobs(runner: JobRunner) {
      runner.register(MATCH_JOB, (ctx) => matching.runChunk(ctx))
    },
    routes: (actorOf: (request: FastifyRequest) => Actor) => ({
      plugin: policyRoutes,
      options: { authoring, reads, facts, grants, actorOf },
    }),
  }
}

export type PolicyModule = ReturnType<typeof createPolicyModule>
