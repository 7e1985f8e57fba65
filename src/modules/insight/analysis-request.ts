import type { Actor } from '../../platform/auth/principal.js'
import { fieldError, type FieldError } from '../../platform/errors.js'
import { message } from '../../platform/i18n/i18n.js'
import { bpmnToPetriNet } from './conformance/bpmn-net.js'
import { insightResource, resolveDepartments } from './insight-access.js'
import { insightDb, type InsightDeps } from './insight.deps.js'
import type { AnalysisBody } from './insight.schema.js'
import { insightStore } from './insight.store.js'
import type { LogRow } from './insight.tables.js'

/** What an accepted request resolves to: its log or history scope, and the model to replay. */
export interface ResolvedRequest {
  log?: LogRow
  departmentIds?: string[]
  modelXml?: string
}

const invalid = (pointer: string, code: string, params: Record<string, string> = {}) =>
  fieldError(pointer, code, message(`error.${code}`, params))

async function resolveSource(
  deps: InsightDeps,
  actor: Actor,
  body: AnalysisBody,
  owner: string,
  errors: FieldError[],
): Promise<Pick<ResolvedRequest, 'log' | 'departmentIds'>> {
  const source = body.source
  if (source.kind === 'upload') {
    const log = await insightStore.findLog(insightDb(deps), source.logId)
    if (!log) {
      errors.push(invalid('/source/logId', 'INSIGHT_LOG_NOT_FOUND', { id: source.logId }))
      return {}
    }
    deps.guard.require(
      actor,
      'insight.analysis.read',
      insightResource('insight_log', log.id, log.department_id),
    )
    return { log }
  }
  const departmentIds =
    source.departments === undefined
      ? [owner]
      : await resolveDepartments(
          deps,
          source.departments,
          (i) => `/source/departments/${i}`,
          errors,
        )
  for (const id of departmentIds)
    deps.guard.require(actor, 'insight.history.read', insightResource('approval_history', id, id))
  return { departmentIds }
}

async function resolveModel(
  deps: InsightDeps,
  body: AnalysisBody,
  errors: FieldError[],
): Promise<string | undefined> {
  const conformance = body.options.conformance
  if (conformance === undefined) return undefined
  if ('item' in conformance) {
    try {
      return (await deps.catalog.getPublishedDefinition(conformance.item)).processXml
    } catch {
      errors.push(
        invalid('/options/conformance/item', 'INSIGHT_ITEM_UNKNOWN', { code: conformance.item }),
      )
      return undefined
    }
  }
  const net = await bpmnToPetriNet(conformance.bpmn)
  if (!net.ok) {
    for (const e of net.errors)
      errors.push({ ...e, pointer: e.pointer.replace(/^\/model/, '/options/conformance/bpmn') })
    return undefined
  }
  return conformance.bpmn
}

/** Checks the request against what exists; every problem is a field error, none is written. */
export async function resolveRequest(
  deps: InsightDeps,
  actor: Actor,
  body: AnalysisBody,
  owner: string,
): Promise<{ resolved: ResolvedRequest; errors: FieldError[] }> {
  const errors: FieldError[] = []
  const source = await resolveSource(deps, actor, body, owner, errors)
  const modelXml = await resolveModel(deps, body, errors)
  return { resolved: { ...source, ...(modelXml === undefined ? {} : { modelXml }) }, errors }
}
