import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError, type FieldError } from '../../platform/errors.js'
import { historyScope, readApprovalHistory } from './approval-history.js'
import { writeCsv } from './export/write-csv.js'
import { writeXes } from './export/write-xes.js'
import { insightResource, owningDepartment, resolveDepartments } from './insight-access.js'
import type { InsightDeps } from './insight.deps.js'
import type { HistoryQuery } from './insight.schema.js'

/** A written export: stream `path`, then `remove()` it. */
export interface HistoryFile {
  readonly path: string
  readonly fileName: string
  readonly contentType: string
  remove(): Promise<void>
}

/** The approval history of a department (optionally one item, bundle, time window) as XES or CSV. */
export function createHistoryExport(deps: InsightDeps) {
  const tmp = join(deps.dataDir, 'insight', 'tmp')
  return {
    async export(actor: Actor, query: HistoryQuery): Promise<HistoryFile> {
      let departmentId: string
      if (query.departmentCode === undefined) {
        departmentId = await owningDepartment(deps, actor, 'insight.history.read', undefined)
      } else {
        const errors: FieldError[] = []
        const [id] = await resolveDepartments(
          deps,
          [query.departmentCode],
          () => '/departmentCode',
          errors,
        )
        if (id === undefined)
          throw new DomainError(
            'INSIGHT_DEPARTMENT_UNKNOWN',
            { code: query.departmentCode },
            errors,
          )
        departmentId = id
      }
      deps.guard.require(
        actor,
        'insight.history.read',
        insightResource('approval_history', departmentId, departmentId),
      )
      const asked = {
        ...(query.item === undefined ? {} : { items: [query.item] }),
        ...(query.bundle === undefined ? {} : { bundles: [query.bundle] }),
        ...(query.from === undefined ? {} : { from: query.from }),
        ...(query.to === undefined ? {} : { to: query.to }),
      }
      const { log } = await readApprovalHistory(
        deps.approvalLog,
        historyScope(asked, [departmentId]),
      )
      const format = query.format ?? 'xes'
      await mkdir(tmp, { recursive: true })
      const path = join(tmp, `${uuidv7()}.${format}`)
      try {
        await (format === 'xes' ? writeXes(log, path) : writeCsv(log, path))
      } catch (error) {
        await rm(path, { force: true })
        throw error
      }
      return {
        path,
        fileName: `approval-history.${format}`,
        contentType:
          format === 'xes' ? 'application/xml; charset=utf-8' : 'text/csv; charset=utf-8',
        remove: () => rm(path, { force: true }),
      }
    },
  }
}

export type HistoryExport = ReturnType<typeof createHistoryExport>
