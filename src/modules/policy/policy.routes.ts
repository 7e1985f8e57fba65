import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Actor } from '../../platform/auth/principal.js'
import type { EnterpriseFacts } from './enterprise-facts.service.js'
import type { Grants } from './grants.service.js'
import type { PolicyAuthoring } from './policy-authoring.service.js'
import type { PolicyReads } from './policy-reads.service.js'
import {
  CodeParams,
  CreditCodeParams,
  ExplainedMatch,
  FactsBody,
  FactValue,
  GrantView,
  MatchesView,
  PolicyDetail,
  PolicySourceBody,
  PolicySummary,
  RevisionParams,
  RevisionView,
} from './policy.schema.js'

export interface PolicyRouteOptions {
  authoring: PolicyAuthoring
  reads: PolicyReads
  facts: EnterpriseFacts
  grants: Grants
  actorOf(request: FastifyRequest): Actor
}

const tags = ['policy 惠企政策']

/** 惠企政策精准匹配 / 免申即享: authoring, matching results, facts, grants. */
export const policyRoutes: FastifyPluginAsyncTypebox<PolicyRouteOptions> = async (app, o) => {
  app.get(
    '/policies',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '已发布的惠企政策 Published policies',
        response: { 200: Type.Array(PolicySummary) },
      },
    },
    () => o.reads.listPublished(),
  )
  app.get(
    '/policies/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '政策详情：条件与所需数据 A published policy, its facts and conditions',
        params: CodeParams,
        response: { 200: PolicyDetail },
      },
    },
    (req) => o.reads.getPublished(req.params.code),
  )
  app.post(
    '/policies',
    {
      config: { access: { action: 'policy.manage' } },
      schema: {
        tags,
        summary:
          '提交政策（YAML + DMN）为草稿版本 Submit a policy (YAML with its DMN files) as a draft revision',
        body: PolicySourceBody,
        response: { 201: RevisionView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await o.authoring.submit(o.actorOf(req), {
          source: req.body.source,
          files: req.body.files ?? {},
        }),
      ),
  )
  app.post(
    '/policies/:code/revisions/:revision/tests',
    {
      config: { access: { action: 'policy.manage' } },
      schema: {
        tags,
        summary: '运行政策自带的测试用例 Run a revision’s own test cases',
        params: RevisionParams,
        response: {
          200: Type.Object({
            passed: Type.Integer(),
            failed: Type.Integer(),
            cases: Type.Array(
              Type.Object({
                index: Type.Integer(),
                name: Type.String(),
                passed: Type.Boolean(),
                differences: Type.Array(
                  Type.Object({
                    field: Type.String(),
                    expected: Type.Unknown(),
                    actual: Type.Unknown(),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    (req) => o.authoring.test(o.actorOf(req), req.params.code, req.params.revision),
  )
  app.post(
    '/policies/:code/revisions/:revision/publish',
    {
      config: { access: { action: 'policy.manage' } },
      schema: {
        tags,
        summary:
          '发布（测试用例须全部通过；已发布版本不可修改）Publish (all test cases must pass; published revisions never change)',
        params: RevisionParams,
        response: { 200: RevisionView },
      },
    },
    (req) => o.authoring.publish(o.actorOf(req), req.params.code, req.params.revision),
  )
  app.post(
    '/what-if',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          '假设评估：用给定数据评估已发布政策（不保存）What-if: evaluate published policies on supplied facts (nothing stored)',
        body: Type.Object(
          {
            facts: Type.Record(Type.String({ minLength: 1, maxLength: 64 }), FactValue, {
              maxProperties: 100,
            }),
            on: Type.Optional(Type.String({ maxLength: 10 })),
            policies: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ on: Type.String(), matches: Type.Array(ExplainedMatch) }) },
      },
    },
    (req) => o.reads.whatIf(req.body),
  )
  app.get(
    '/enterprises/:creditCode/matches',
    {
      config: { access: { action: 'policy.match.read' } },
      schema: {
        tags,
        summary: '企业的政策匹配结果及理由 An enterprise’s matches, explained',
        params: CreditCodeParams,
        response: { 200: MatchesView },
      },
    },
    (req) => o.reads.matchesOf(o.actorOf(req), req.params.creditCode),
  )
  app.get(
    '/enterprises/:creditCode/facts',
    {
      config: { access: { action: 'policy.match.read' } },
      schema: {
        tags,
        summary: '企业数据（来源与所属日期）An enterprise’s facts with source and date',
        params: CreditCodeParams,
        response: { 200: Type.Record(Type.String(), Type.Unknown()) },
      },
    },
    (req) => o.facts.get(o.actorOf(req), req.params.creditCode),
  )
  app.put(
    '/enterprises/:creditCode/facts',
    {
      config: { access: { action: 'policy.facts.declare' } },
      schema: {
        tags,
        summary:
          '企业申报数据（null 表示清除）An enterprise declares its figures (null clears one)',
        params: CreditCodeParams,
        body: FactsBody,
        response: {
          200: Type.Object({
            creditCode: Type.String(),
            changed: Type.Boolean(),
            facts: Type.Record(Type.String(), Type.Unknown()),
          }),
        },
      },
    },
    (req) => o.facts.declare(o.actorOf(req), req.params.creditCode, req.body),
  )
  app.post(
    '/fact-imports',
    {
      config: { access: { action: 'policy.facts.import' } },
      schema: {
        tags,
        summary:
          '数据专员批量导入企业数据（全部成功或全部不写）Import facts for many enterprises (all or nothing)',
        body: Type.Object(
          {
            rows: Type.Array(
              Type.Object(
                {
                  creditCode: Type.String({ maxLength: 18 }),
                  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
                  facts: FactsBody.properties.facts,
                  asOf: FactsBody.properties.asOf,
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 5000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ rows: Type.Integer(), changed: Type.Integer() }) },
      },
    },
    (req) => o.facts.importFacts(o.actorOf(req), req.body.rows),
  )
  app.post(
    '/enterprises/:creditCode/opt-outs',
    {
      config: { access: { action: 'policy.notice.opt_out' } },
      schema: {
        tags,
        summary: '退订政策提醒（某项政策，或 * 全部）Stop notices of one policy, or * for all',
        params: CreditCodeParams,
        body: Type.Object(
          { policyCode: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            creditCode: Type.String(),
            policyCode: Type.String(),
            optedOut: Type.Boolean(),
          }),
        },
      },
    },
    (req) => o.grants.optOut(o.actorOf(req), req.params.creditCode, req.body.policyCode),
  )
  app.get(
    '/enterprises/:creditCode/grants',
    {
      config: { access: { action: 'policy.match.read' } },
      schema: {
        tags,
        summary: '企业的免申即享兑现记录 An enterprise’s grants',
        params: CreditCodeParams,
        response: { 200: Type.Array(GrantView) },
      },
    },
    (req) => o.grants.grantsOf(o.actorOf(req), req.params.creditCode),
  )
  app.get(
    '/departments/:code/statistics',
    {
      config: { access: { action: 'policy.stats.read' } },
      schema: {
        tags,
        summary: '部门政策统计：符合、可能符合、提醒与兑现 Department figures per policy',
        params: CodeParams,
        response: { 200: Type.Record(Type.String(), Type.Unknown()) },
      },
    },
    (req) => o.reads.departmentStats(o.actorOf(req), req.params.code),
  )
  app.get(
    '/departments/:code/grants',
    {
      config: { access: { action: 'policy.grant.decide' } },
      schema: {
        tags,
        summary: '待审核的免申即享兑现 Grants of a department by status',
        params: CodeParams,
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([
              Type.Literal('pending'),
              Type.Literal('approved'),
              Type.Literal('rejected'),
            ]),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Array(GrantView) },
      },
    },
    (req) =>
      o.grants.list(
        o.actorOf(req),
        req.params.code,
        req.query.status ?? 'pending',
        req.query.limit ?? 100,
      ),
  )
  app.post(
    '/grant-decisions',
    {
      config: { access: { action: 'policy.grant.decide' } },
      schema: {
        tags,
        summary:
          '批量审核免申即享兑现（全部成功或全部不写）Approve or reject grants in bulk (all or nothing)',
        body: Type.Object(
          {
            ids: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
              minItems: 1,
              maxItems: 1000,
              uniqueItems: true,
            }),
            decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
            reason: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ decided: Type.Integer(), status: Type.String() }) },
      },
    },
    (req) =>
      o.grants.decide(o.actorOf(req), req.body.ids, req.body.decision, req.body.reason ?? null),
  )
}
