import { basename } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import type { ReceivedFile, UploadStore } from '../governance/index.js'
import type { CsvMapping } from './import/read-csv.js'
import { departmentsWith, insightResource, owningDepartment } from './insight-access.js'
import { insightDb, type InsightDeps } from './insight.deps.js'
import type { LogUploadQuery } from './insight.schema.js'
import { insightStore } from './insight.store.js'
import type { LogRow } from './insight.tables.js'
import { sniffLog } from './sniff-log.js'

const MAPPED = ['case', 'activity', 'timestamp', 'resource', 'department', 'lifecycle'] as const

function mappingOf(query: LogUploadQuery): Partial<CsvMapping> & { delimiter?: string } {
  const mapping: Record<string, string> = {}
  for (const key of MAPPED) {
    const value = query[key]
    if (value !== undefined) mapping[key] = value
  }
  if (query.delimiter !== undefined) mapping.delimiter = query.delimiter
  return mapping
}

/** The name a file is shown by: its last path part, no control characters, at most 200. */
function cleanName(raw: string | undefined, fallback: string): string {
  const name = basename((raw ?? '').replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
  return (name === '' ? fallback : name).slice(0, 200)
}

export const toLogView = (row: LogRow) => ({
  id: row.id,
  departmentId: row.department_id,
  fileName: row.file_name,
  hash: row.file_hash,
  size: Number(row.file_size),
  format: row.format,
  mapping:
    row.mapping_json === null ? null : (JSON.parse(row.mapping_json) as Record<string, string>),
  createdAt: row.created_at,
})

/** External event logs: received, recognised by content, kept encrypted by hash, recorded. */
export function createLogUploads(deps: InsightDeps, uploads: UploadStore) {
  const db = insightDb(deps)
  return {
    async upload(actor: Actor, file: ReceivedFile, query: LogUploadQuery, fileName?: string) {
      const departmentId = await owningDepartment(
        deps,
        actor,
        'insight.analysis.run',
        query.departmentCode,
      )
      const mapping = mappingOf(query)
      const format = sniffLog({
        head: file.head,
        complete: file.size <= file.head.length,
        ...(query.format === undefined ? {} : { format: query.format }),
        mapping,
        ...(query.delimiter === undefined ? {} : { delimiter: query.delimiter }),
      })
      const at = deps.clock.now().toISOString()
      const row: LogRow = {
        id: uuidv7(),
        department_id: departmentId,
        file_name: cleanName(fileName, `log.${format}`),
        file_hash: file.hash,
        file_size: file.size,
        format,
        mapping_json: format === 'csv' ? JSON.stringify(mapping) : null,
        uploaded_by: actor.principal?.id ?? null,
        created_at: at,
        updated_at: at,
      }
      await uploads.keep(file)
      await db.transaction().execute(async (trx) => {
        await insightStore.insertLog(trx, row)
        await deps.audit.record(trx, actor, {
          action: 'insight.log.uploaded',
          subject: { type: 'insight_log', id: row.id },
          after: { file: row.file_name, hash: row.file_hash, size: file.size, format },
        })
      })
      return toLogView(row)
    },

    async get(actor: Actor, id: string) {
      const row = await insightStore.findLog(db, id)
      if (!row) throw new DomainError('INSIGHT_LOG_NOT_FOUND', { id })
      deps.guard.require(
        actor,
        'insight.analysis.read',
        insightResource('insight_log', id, row.department_id),
      )
      return toLogView(row)
    },

    /** The latest uploaded logs of the departments the caller may read, newest first. */
    async list(actor: Actor, limit: number) {
      const departments = departmentsWith(actor, 'insight.analysis.read')
      const rows = await insightStore.listLogs(db, departments, limit)
      return rows
        .filter((row) =>
          deps.guard.allows(
            actor,
            'insight.analysis.read',
            insightResource('insight_log', row.id, row.department_id),
          ),
        )
        .map(toLogView)
    },
  }
}

export type LogUploads = ReturnType<typeof createLogUploads>
