import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { tags, Page, type ApprovalRouteOptions } from './approval-routes-common.js'
import { CorrectionBody, DecisionBody, IdParams, StepResult } from './approval.schema.js'
import { QueueEntry, TaskMaterial } from './task-queue.schema.js'

/** 部门待办与办理 Department queue and task handling. */
export const taskRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (app, o) => {
  app.get(
    '/tasks',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '部门待办 Department queue',
        querystring: Type.Intersect([
          Page,
          Type.Object({
            state: Type.Optional(
              Type.Union([
                Type.Literal('open'),
                Type.Literal('suspended'),
                Type.Literal('completed'),
                Type.Literal('cancelled'),
              ]),
            ),
            item: Type.Optional(
              Type.String({ minLength: 1, maxLength: 80, description: 'implementation code' }),
            ),
            channel: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            sort: Type.Optional(
              Type.Union([Type.Literal('urgency'), Type.Literal('opened')], {
                description: 'urgency: least promised time left first; opened (default): oldest',
              }),
            ),
          }),
        ]),
        response: { 200: Type.Array(QueueEntry) },
      },
    },
    (req) => o.tasks.queue(o.actorOf(req), req.query),
  )
  app.get(
    '/tasks/:id',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '任务详情（按本环节字段权限显示表单）Task with the form as this step may see it',
        params: IdParams,
        response: { 200: Type.Record(Type.String(), Type.Unknown()) },
      },
    },
    (req) => o.tasks.detail(o.actorOf(req), req.params.id),
  )
  app.post(
    '/tasks/:id/claim',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '签收 Claim', params: IdParams, response: { 200: StepResult } },
    },
    (req) => o.tasks.claim(o.actorOf(req), req.params.id),
  )
  app.post(
    '/tasks/:id/decision',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '办理：同意或不同意 Approve or reject',
        params: IdParams,
        body: DecisionBody,
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.decide(o.actorOf(req), req.params.id, req.body),
  )
  app.post(
    '/tasks/:id/correction',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '要求补正 Ask for corrections',
        params: IdParams,
        body: CorrectionBody,
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.requestCorrection(o.actorOf(req), req.params.id, req.body),
  )
  app.post(
    '/tasks/:id/hand-over',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '转办 (transfer) 或 委派 (delegate)',
        params: IdParams,
        body: Type.Object({
          mode: Type.Union([Type.Literal('transfer'), Type.Literal('delegate')]),
          to: Type.String({ minLength: 1, maxLength: 80, description: 'staff id' }),
        }),
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.handOver(o.actorOf(req), req.params.id, req.body.mode, req.body.to),
  )
  app.post(
    '/tasks/:id/resolve',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '委派办结，交回所有人 Give a delegated task back',
        params: IdParams,
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.resolve(o.actorOf(req), req.params.id),
  )
  app.post(
    '/tasks/:id/signers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '加签 Add a signer before or after this one',
        params: IdParams,
        body: Type.Object({
          signer: Type.String({ minLength: 1, maxLength: 80, description: 'staff id' }),
          position: Type.Union([Type.Literal('before'), Type.Literal('after')]),
        }),
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.addSigner(o.actorOf(req), req.params.id, req.body.signer, req.body.position),
  )
  app.post(
    '/tasks/:id/remove-signer',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '减签 Remove this (undecided) signer',
        params: IdParams,
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.removeSigner(o.actorOf(req), req.params.id),
  )
  app.post(
    '/tasks/:id/return',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '退回 Return to an earlier step',
        params: IdParams,
        body: Type.Object({
          nodeId: Type.String({ minLength: 1, maxLength: 100 }),
          reason: Type.String({ minLength: 1, maxLength: 2000 }),
        }),
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.returnTo(o.actorOf(req), req.params.id, req.body.nodeId, req.body.reason),
  )
  app.get(
    '/tasks/:id/materials',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '本件已交材料（供预览）Materials attached to the task’s case',
        params: IdParams,
        response: { 200: Type.Array(TaskMaterial) },
      },
    },
    (req) => o.tasks.taskMaterials(o.actorOf(req), req.params.id),
  )
  app.get(
    '/tasks/:id/materials/:materialId/content',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '材料文件（PDF/PNG/JPEG）The file of an attached material',
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 80 }),
          materialId: Type.String({ minLength: 1, maxLength: 80 }),
        }),
      },
    },
    async (req, reply) => {
      const { params } = req
      const file = await o.tasks.taskMaterialContent(o.actorOf(req), params.id, params.materialId)
      return reply
        .type(file.mediaType)
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.content)
    },
  )
}
