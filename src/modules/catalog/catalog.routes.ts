import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Actor } from '../../platform/auth/principal.js'
import { BundleContent, GuideView, ItemContent, LocalizedText } from './catalog.schema.js'
import type { BundleService } from './bundle.service.js'
import { catalogSearchRoutes } from './catalog-search.routes.js'
import type { CatalogSearchService } from './catalog-search.service.js'
import type { ItemReadService } from './item-read.service.js'
import type { ItemService } from './item.service.js'

export interface CatalogRouteOptions {
  items: ItemService & ItemReadService
  bundles: BundleService
  search: CatalogSearchService
  actorOf(request: FastifyRequest): Actor
}

const tags = ['catalog 事项目录']
const ItemParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) })
const VersionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 80 }),
  version: Type.Integer({ minimum: 1 }),
})
const ItemVersionView = Type.Object({
  id: Type.String(),
  implementationCode: Type.String(),
  departmentId: Type.String(),
  status: Type.String(),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
  state: Type.String(),
  hasProcess: Type.Boolean(),
  content: ItemContent,
})
const PublishedItemView = Type.Intersect([ItemVersionView, Type.Object({ guide: GuideView })])
const ItemSummary = Type.Object({
  id: Type.String(),
  implementationCode: Type.String(),
  departmentId: Type.String(),
  version: Type.Integer(),
  name: LocalizedText,
  promisedLimitDays: Type.Integer(),
  onSiteVisits: Type.Integer(),
  free: Type.Boolean(),
})
const BundleView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  leadDepartmentId: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  state: Type.String(),
  content: BundleContent,
})
const ProcessSummary = Type.Object({
  processId: Type.String(),
  userTasks: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      candidateGroups: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  serviceTasks: Type.Array(Type.String()),
  gateways: Type.Integer(),
})

export const catalogRoutes: FastifyPluginAsyncTypebox<CatalogRouteOptions> = async (app, o) => {
  const serialised = new WeakMap<object, Buffer>()
  await app.register(catalogSearchRoutes, { search: o.search })
  app.get(
    '/items',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '已发布事项 Published items',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 50 })),
          departmentCode: Type.Optional(Type.String({ maxLength: 32 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(ItemSummary),
            limit: Type.Integer(),
            offset: Type.Integer(),
          }),
        },
      },
    },
    (req) => o.items.listPublished(req.query),
  )
  app.get(
    '/items/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '事项及办事指南 Item with its guide (by id or implementation code)',
        params: ItemParams,
        response: { 200: PublishedItemView },
      },
    },
    async (req, reply) => {
      // The read service hands out one immutable view per published version; its JSON is
      // serialised once and kept as UTF-8 bytes (the hottest public read: every guide a citizen
      // opens), so neither JSON nor the socket's text encoding runs per request.
      const view = await o.items.getPublished(req.params.id)
      let json = serialised.get(view)
      if (json === undefined) {
        json = Buffer.from(JSON.stringify(view))
        serialised.set(view, json)
      }
      // Bytes bypass the schema serialiser; the view was built field by field, so nothing leaks.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(json)
    },
  )
  app.post(
    '/items',
    {
      config: { access: { action: 'catalog.item.create' } },
      schema: {
        tags,
        summary: '新建事项草稿 Draft a new item',
        body: ItemContent,
        response: { 201: ItemVersionView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await o.items.createDraft(o.actorOf(req), req.body)),
  )
  app.get(
    '/items/:id/versions/:version',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: VersionParams,
        response: {
          200: Type.Intersect([
            ItemVersionView,
            Type.Object({ processXml: Type.Union([Type.String(), Type.Null()]) }),
          ]),
        },
      },
    },
    (req) => o.items.getVersion(o.actorOf(req), req.params.id, req.params.version),
  )
  app.put(
    '/items/:id/versions/:version',
    {
      config: { access: { action: 'catalog.item.update' } },
      schema: {
        tags,
        summary: '修改草稿 Edit a draft (409 once published)',
        params: VersionParams,
        body: ItemContent,
        response: { 200: ItemVersionView },
      },
    },
    (req) => o.items.editDraft(o.actorOf(req), req.params.id, req.params.version, req.body),
  )
  app.put(
    '/items/:id/versions/:version/process',
    {
      config: { access: { action: 'catalog.item.update' } },
      schema: {
        tags,
        summary: '上传办理流程 BPMN 2.0',
        params: VersionParams,
        body: Type.Object({ processXml: Type.String({ minLength: 1, maxLength: 524288 }) }),
        response: { 200: ProcessSummary },
      },
    },
    (req) =>
      o.items.attachProcess(o.actorOf(req), req.params.id, req.params.version, req.body.processXml),
  )
  app.post(
    '/items/:id/versions/:version/publish',
    {
      config: { access: { action: 'catalog.item.publish' } },
      schema: {
        tags,
        summary: '发布 Publish',
        params: VersionParams,
        response: { 200: ItemVersionView },
      },
    },
    (req) => o.items.publish(o.actorOf(req), req.params.id, req.params.version),
  )
  app.post(
    '/items/:id/versions',
    {
      config: { access: { action: 'catalog.item.create' } },
      schema: {
        tags,
        summary: '新建版本 New version from the latest',
        params: ItemParams,
        response: { 201: ItemVersionView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await o.items.newVersion(o.actorOf(req), req.params.id)),
  )
  app.post(
    '/items/:id/retire',
    {
      config: { access: { action: 'catalog.item.publish' } },
      schema: { tags, summary: '废止 Retire', params: ItemParams },
    },
    async (req, reply) => {
      await o.items.retire(o.actorOf(req), req.params.id)
      return reply.status(204).send()
    },
  )

  app.get(
    '/bundles',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '“一件事”列表 Published bundles',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              code: Type.String(),
              leadDepartmentId: Type.String(),
              version: Type.Integer(),
              name: LocalizedText,
              description: LocalizedText,
              memberCount: Type.Integer(),
            }),
          ),
        },
      },
    },
    () => o.bundles.listPublished(),
  )
  app.get(
    '/bundles/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '“一件事”详情 Bundle (by id or code)',
        params: ItemParams,
        response: { 200: BundleView },
      },
    },
    (req) => o.bundles.getPublished(req.params.id),
  )
  app.post(
    '/bundles',
    {
      config: { access: { action: 'catalog.item.create' } },
      schema: {
        tags,
        summary: '新建“一件事” Draft a bundle',
        body: Type.Object({
          leadDepartmentCode: Type.String({ maxLength: 32 }),
          content: BundleContent,
        }),
        response: { 201: BundleView },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await o.bundles.createDraft(
            o.actorOf(req),
            req.body.leadDepartmentCode,
            req.body.content,
          ),
        ),
  )
  app.post(
    '/bundles/:id/versions/:version/publish',
    {
      config: { access: { action: 'catalog.item.publish' } },
      schema: { tags, params: VersionParams, response: { 200: BundleView } },
    },
    (req) => o.bundles.publish(o.actorOf(req), req.params.id, req.params.version),
  )
}
