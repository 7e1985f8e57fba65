import { createReadStream } from 'node:fs'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Actor } from '../../platform/auth/principal.js'
import type { UploadStore } from '../governance/index.js'
import type { Analyses } from './analysis.service.js'
import type { HistoryExport } from './history-export.service.js'
import { insightUploadRoutes } from './insight-upload.routes.js'
import {
  AnalysisBody,
  AnalysisListQuery,
  AnalysisSummary,
  AnalysisView,
  HistoryQuery,
  IdParams,
  LogView,
} from './insight.schema.js'
import type { LogUploads } from './log-upload.service.js'

export interface InsightRouteOptions {
  logs: LogUploads
  analyses: Analyses
  history: HistoryExport
  uploads: UploadStore
  tags: string[]
  actorOf(request: FastifyRequest): Actor
}

const tags = ['insight 流程挖掘']

/** 流程挖掘: uploaded logs, analyses as jobs, the discovered model, the approval history. */
export const insightRoutes: FastifyPluginAsyncTypebox<Omit<InsightRouteOptions, 'tags'>> = async (
  app,
  o,
) => {
  await app.register(insightUploadRoutes, {
    logs: o.logs,
    analyses: o.analyses,
    history: o.history,
    uploads: o.uploads,
    tags,
    actorOf: (request) => o.actorOf(request),
  })
  app.get(
    '/logs',
    {
      config: { access: { action: 'insight.analysis.read' } },
      schema: {
        tags,
        summary: '可查看的上传日志，最新在前 Uploaded logs the caller may read, newest first',
        querystring: AnalysisListQuery,
        response: { 200: Type.Array(LogView) },
      },
    },
    (req) => o.logs.list(o.actorOf(req), req.query.limit ?? 50),
  )
  app.get(
    '/logs/:id',
    {
      config: { access: { action: 'insight.analysis.read' } },
      schema: {
        tags,
        summary: '上传的事件日志 An uploaded log',
        params: IdParams,
        response: { 200: LogView },
      },
    },
    (req) => o.logs.get(o.actorOf(req), req.params.id),
  )
  app.post(
    '/analyses',
    {
      config: { access: { action: 'insight.analysis.run' } },
      schema: {
        tags,
        summary:
          '创建分析任务（上传的日志或审批历史；DFG、变体、绩效、返工、一致性、模型发现）Queue an analysis (202)',
        body: AnalysisBody,
        response: { 202: AnalysisSummary },
      },
    },
    async (req, reply) => reply.status(202).send(await o.analyses.create(o.actorOf(req), req.body)),
  )
  app.get(
    '/analyses',
    {
      config: { access: { action: 'insight.analysis.read' } },
      schema: {
        tags,
        summary: '可查看的分析，最新在前 Analyses the caller may read, newest first',
        querystring: AnalysisListQuery,
        response: { 200: Type.Array(AnalysisSummary) },
      },
    },
    (req) => o.analyses.list(o.actorOf(req), req.query.limit ?? 50),
  )
  app.get(
    '/analyses/:id',
    {
      config: { access: { action: 'insight.analysis.read' } },
      schema: {
        tags,
        summary: '分析的状态、进度与结果 An analysis: status, progress, result, log issues',
        params: IdParams,
        response: { 200: AnalysisView },
      },
    },
    (req) => o.analyses.get(o.actorOf(req), req.params.id),
  )
  app.get(
    '/analyses/:id/model.bpmn',
    {
      config: { access: { action: 'insight.analysis.read' } },
      schema: {
        tags,
        summary: '发现的流程模型（BPMN 2.0 XML）The discovered model as BPMN 2.0 XML',
        params: IdParams,
        response: { 200: Type.String({ description: 'BPMN 2.0 XML' }) },
      },
    },
    async (req, reply) => {
      const xml = await o.analyses.discoveredModel(o.actorOf(req), req.params.id)
      return reply.type('application/xml; charset=utf-8').send(xml)
    },
  )
  app.get(
    '/history',
    {
      config: { access: { action: 'insight.history.read' } },
      schema: {
        tags,
        summary:
          '导出审批历史为事件日志（XES 或 CSV，下载）Export the approval history as XES or CSV (download)',
        querystring: HistoryQuery,
        response: { 200: Type.Unknown({ description: 'XES (IEEE 1849-2016) or CSV, streamed' }) },
      },
    },
    async (req, reply) => {
      const file = await o.history.export(o.actorOf(req), req.query)
      const stream = createReadStream(file.path)
      stream.once('close', () => void file.remove())
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(stream)
    },
  )
}
