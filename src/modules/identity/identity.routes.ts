import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Actor } from '../../platform/auth/principal.js'
import type { FastifyRequest } from 'fastify'
import * as S from './identity.schema.js'
import type { EnterpriseService } from './enterprise.service.js'
import type { ColleaguesService } from './colleagues.service.js'
import type { OrganisationService } from './organisation.service.js'
import type { PreferencesService } from './preferences.service.js'
import type { RegistrationService } from './registration.service.js'
import type { SessionIssuer } from './session-issuer.js'
import type { SignInService } from './sign-in.service.js'

export interface IdentityRouteOptions {
  registration: RegistrationService
  signIn: SignInService
  sessions: SessionIssuer
  organisation: OrganisationService
  colleagues: ColleaguesService
  enterprises: EnterpriseService
  preferences: PreferencesService
  actorOf(request: FastifyRequest): Actor
  /** Sign-in, verify, refresh and registration requests allowed per client address per minute. */
  authRateLimitPerMinute: number
}

const tags = ['identity 统一身份']

export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRouteOptions> = async (app, o) => {
  const authLimit = { rateLimit: { max: o.authRateLimitPerMinute, timeWindow: '1 minute' } }
  app.post(
    '/persons',
    {
      config: { access: 'public', ...authLimit },
      schema: {
        tags,
        summary: '个人注册 Register a citizen',
        body: S.RegisterPersonBody,
        response: { 201: S.PersonView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await o.registration.registerPerson(o.actorOf(req), req.body)),
  )
  app.get(
    '/persons/:id',
    {
      config: { access: { action: 'identity.self.read' } },
      schema: { tags, params: S.IdParams, response: { 200: S.PersonView } },
    },
    (req) => o.registration.getPerson(o.actorOf(req), req.params.id),
  )

  app.post(
    '/auth/sign-in',
    {
      config: { access: 'public', ...authLimit },
      schema: {
        tags,
        summary: '登录第一步：账号密码 Sign in, step 1',
        body: S.SignInBody,
        response: { 200: S.SignInChallenge },
      },
    },
    (req) => o.signIn.start(o.actorOf(req), req.body),
  )
  app.post(
    '/auth/verify',
    {
      config: { access: 'public', ...authLimit },
      schema: {
        tags,
        summary: '登录第二步：短信验证码 Sign in, step 2',
        body: S.VerifyBody,
        response: { 200: S.TokensView },
      },
    },
    (req) => o.signIn.verify(o.actorOf(req), req.body),
  )
  app.post(
    '/auth/refresh',
    {
      config: { access: 'public', ...authLimit },
      schema: {
        tags,
        summary: '轮换刷新凭证 Rotate the refresh token',
        body: S.RefreshBody,
        response: { 200: S.TokensView },
      },
    },
    (req) => o.sessions.refresh(o.actorOf(req), req.body.refreshToken),
  )
  app.post(
    '/auth/sign-out',
    {
      config: { access: 'authenticated' },
      schema: { tags, response: { 200: Type.Object({ revoked: Type.Integer() }) } },
    },
    (req) => o.sessions.signOut(o.actorOf(req), false),
  )
  app.post(
    '/auth/sign-out-everywhere',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '所有设备退出 Sign out everywhere',
        response: { 200: Type.Object({ revoked: Type.Integer() }) },
      },
    },
    (req) => o.sessions.signOut(o.actorOf(req), true),
  )
  app.get(
    '/me',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: S.MeView } } },
    (req) => {
      const p = o.actorOf(req).principal
      return {
        id: p?.id ?? '',
        kind: p?.kind ?? '',
        channel: p?.channel ?? '',
        sessionId: p?.sessionId ?? '',
        roles: p?.assignments ?? [],
      }
    },
  )

  app.get(
    '/me/preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '我的设置：长辈版、语言 My preferences',
        response: { 200: S.PreferencesView },
      },
    },
    (req) => o.preferences.get(o.actorOf(req)),
  )
  app.patch(
    '/me/preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '修改我的设置 Change my preferences',
        body: S.PreferencesPatch,
        response: { 200: S.PreferencesView },
      },
    },
    (req) => o.preferences.change(o.actorOf(req), req.body),
  )

  app.get(
    '/departments',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '部门列表 Departments',
        response: { 200: Type.Array(S.DepartmentView) },
      },
    },
    () => o.organisation.listDepartments(),
  )
  app.post(
    '/departments',
    {
      config: { access: { action: 'identity.department.manage' } },
      schema: { tags, body: S.NewDepartmentBody, response: { 201: S.DepartmentView } },
    },
    async (req, reply) =>
      reply.status(201).send(await o.organisation.createDepartment(o.actorOf(req), req.body)),
  )
  app.post(
    '/staff',
    {
      config: { access: { action: 'identity.staff.manage' } },
      schema: { tags, body: S.NewStaffBody, response: { 201: S.StaffView } },
    },
    async (req, reply) =>
      reply.status(201).send(await o.organisation.createStaff(o.actorOf(req), req.body)),
  )
  app.get(
    '/staff',
    {
      config: { access: { action: 'identity.staff.read' } },
      schema: {
        tags,
        summary: '工作人员列表 Staff accounts',
        querystring: S.StaffListQuery,
        response: { 200: Type.Array(S.StaffView) },
      },
    },
    (req) => o.organisation.listStaff(o.actorOf(req), req.query),
  )
  app.get(
    '/colleagues',
    {
      config: { access: { action: 'identity.colleague.read' } },
      schema: {
        tags,
        summary: '本部门同事 Colleagues in my departments (转办, 委派, 加签, 抄送)',
        querystring: S.ColleagueQuery,
        response: { 200: Type.Array(S.ColleagueView) },
      },
    },
    (req) => o.colleagues.list(o.actorOf(req), req.query),
  )
  app.get(
    '/staff/:id',
    {
      config: { access: { action: 'identity.staff.read' } },
      schema: { tags, params: S.IdParams, response: { 200: S.StaffView } },
    },
    (req) => o.organisation.getStaff(o.actorOf(req), req.params.id),
  )
  app.post(
    '/staff/:id/roles',
    {
      config: { access: { action: 'identity.role.assign' } },
      schema: { tags, params: S.IdParams, body: S.RoleBody, response: { 200: S.StaffView } },
    },
    (req) =>
      o.organisation.assignRole(
        o.actorOf(req),
        req.params.id,
        req.body.role,
        req.body.departmentId,
      ),
  )
  app.post(
    '/staff/:id/roles/revoke',
    {
      config: { access: { action: 'identity.role.assign' } },
      schema: { tags, params: S.IdParams, body: S.RoleBody },
    },
    async (req, reply) => {
      await o.organisation.revokeRole(
        o.actorOf(req),
        req.params.id,
        req.body.role,
        req.body.departmentId,
      )
      return reply.status(204).send()
    },
  )
  app.post(
    '/staff/:id/unlock',
    { config: { access: { action: 'identity.staff.lock' } }, schema: { tags, params: S.IdParams } },
    async (req, reply) => {
      await o.organisation.unlockStaff(o.actorOf(req), req.params.id)
      return reply.status(204).send()
    },
  )

  app.post(
    '/enterprises',
    {
      config: { access: { action: 'identity.self.update' } },
      schema: {
        tags,
        summary: '企业登记 Register an enterprise',
        body: S.NewEnterpriseBody,
        response: { 201: S.EnterpriseView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await o.enterprises.registerEnterprise(o.actorOf(req), req.body)),
  )
  app.get(
    '/enterprises/mine',
    {
      config: { access: { action: 'identity.self.read' } },
      schema: { tags, response: { 200: Type.Array(S.EnterpriseView) } },
    },
    (req) => o.enterprises.listMyEnterprises(o.actorOf(req)),
  )
  app.get(
    '/enterprises/:id',
    {
      config: { access: { action: 'enterprise.profile.read' } },
      schema: { tags, params: S.IdParams, response: { 200: S.EnterpriseView } },
    },
    (req) => o.enterprises.getEnterprise(o.actorOf(req), req.params.id),
  )
  app.post(
    '/enterprises/:id/agents',
    {
      config: { access: { action: 'enterprise.profile.update' } },
      schema: {
        tags,
        summary: '授权经办人 Authorise an agent',
        params: S.IdParams,
        body: S.GrantAgentBody,
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await o.enterprises.grantAgent(o.actorOf(req), req.params.id, req.body.idNumber)),
  )
}
