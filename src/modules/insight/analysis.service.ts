import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { resolveRequest } from './analysis-request.js'
import { createAnalysisSettler } from './analysis-settle.js'
import { toAnalysisSummary, toAnalysisView } from './analysis-view.js'
import { departmentsWith, insightResource, owningDepartment } from './insight-access.js'
import { insightDb, type InsightDeps } from './insight.deps.js'
import type { AnalysisBody } from './insight.schema.js'
import { insightStore } from './insight.store.js'
import type { AnalysisRow } from './insight.tables.js'

/** The job that runs an analysis: payload `{ analysisId }`. */
export const ANALYSIS_JOB = 'insight.analysis'
export const ANALYSIS_ATTEMPTS = 3

/** The request as stored: the body, with the history scope's departments resolved to ids. */
export interface StoredRequest extends AnalysisBody {
  readonly departmentIds?: readonly string[]
}

/** Analyses of an uploaded log or of the approval history, run as durable jobs. */
export function createAnalyses(deps: InsightDeps) {
  const db = insightDb(deps)
  const settle = createAnalysisSettler(deps)

  /** An analysis as it stands: one whose job stopped is shown (and recorded) as failed. */
  async function rowOf(actor: Actor, id: string): Promise<AnalysisRow> {
    const found = await insightStore.findAnalysis(db, id)
    if (!found) throw new DomainError('INSIGHT_ANALYSIS_NOT_FOUND', { id })
    deps.guard.require(
      actor,
      'insight.analysis.read',
      insightResource('insight_analysis', id, found.department_id),
    )
    const [row = found] = await settle([found])
    return row
  }

  return {
    /** Checks the request, then stores the analysis, its job and the audit record at once. */
    async create(actor: Actor, body: AnalysisBody) {
      const owner = await owningDepartment(deps, actor, 'insight.analysis.run', body.departmentCode)
      const { resolved, errors } = await resolveRequest(deps, actor, body, owner)
      if (errors.length > 0) throw new DomainError('INSIGHT_ANALYSIS_INVALID', {}, errors)
      const stored: StoredRequest = {
        ...body,
        ...(resolved.departmentIds === undefined ? {} : { departmentIds: resolved.departmentIds }),
      }
      const at = deps.clock.now().toISOString()
      const row: AnalysisRow = {
        id: uuidv7(),
        department_id: owner,
        source_kind: body.source.kind,
        log_id: resolved.log?.id ?? null,
        request_json: JSON.stringify(stored),
        model_xml: resolved.modelXml ?? null,
        status: 'queued',
        progress_json: null,
        job_id: null,
        error_code: null,
        error_json: null,
        result_json: null,
        issues_json: null,
        bpmn_xml: null,
        requested_by: actor.principal?.id ?? null,
        started_at: null,
        finished_at: null,
        created_at: at,
        updated_at: at,
      }
      await db.transaction().execute(async (trx) => {
        row.job_id = await deps.queue.enqueue(trx, {
          kind: ANALYSIS_JOB,
          payload: { analysisId: row.id },
          maxAttempts: ANALYSIS_ATTEMPTS,
        })
        await insightStore.insertAnalysis(trx, row)
        await deps.audit.record(trx, actor, {
          action: 'insight.analysis.requested',
          subject: { type: 'insight_analysis', id: row.id },
          after: { source: body.source, options: Object.keys(body.options) },
        })
      })
      return toAnalysisSummary(row)
    },

    async get(actor: Actor, id: string) {
      return toAnalysisView(await rowOf(actor, id))
    },

    /** The BPMN 2.0 XML the Inductive Miner discovered. */
    async discoveredModel(actor: Actor, id: string): Promise<string> {
      const row = await rowOf(actor, id)
      if (row.status !== 'done')
        throw new DomainError('INSIGHT_ANALYSIS_NOT_DONE', { id, status: row.status })
      if (row.bpmn_xml === null) throw new DomainError('INSIGHT_MODEL_NOT_DISCOVERED', { id })
      return row.bpmn_xml
    },

    /** The latest analyses of the departments the caller may read, newest first. */
    async list(actor: Actor, limit: number) {
      const departments = departmentsWith(actor, 'insight.analysis.read')
      const rows = await insightStore.listAnalyses(db, departments, limit)
      const readable = rows.filter((row) =>
        deps.guard.allows(
          actor,
          'insight.analysis.read',
          insightResource('insight_analysis', row.id, row.department_id),
        ),
      )
      return (await settle(readable)).map(toAnalysisSummary)
    },
  }
}

export type Analyses = ReturnType<typeof createAnalyses>
