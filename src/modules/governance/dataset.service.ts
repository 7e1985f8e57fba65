import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { isUniqueViolation } from '../../platform/db/database.js'
import { DomainError, fieldError, type FieldError } from '../../platform/errors.js'
import type { DatasetAccess } from './dataset-access.js'
import { datasetResource } from './dataset-access.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import { governanceStore } from './governance.store.js'
import type { DatasetRow } from './governance.tables.js'
import { outlierConfigOf } from './outlier-check.js'
import { findElement, listStandards } from './standards/index.js'

export interface DatasetInput {
  code: string
  name: string
  standard: string
  departmentCode: string
  sourceSystem: string
  /** Element key → the column that holds it, where a file names it differently. */
  columns?: Record<string, string>
  /** Numeric columns judged for outliers and the columns grouping them; default: the standard's. */
  outliers?: { fields: string[]; groupBy?: string[] }
}

export const toDatasetView = (row: DatasetRow) => ({
  code: row.code,
  name: row.name,
  standard: row.standard,
  departmentCode: row.department_code,
  sourceSystem: row.source_system,
  columns: JSON.parse(row.columns_json) as Record<string, string>,
  outliers: outlierConfigOf(row),
  createdAt: row.created_at,
})

function shapeErrors(input: DatasetInput): FieldError[] {
  const standard = listStandards().find((s) => s.code === input.standard)
  if (!standard) {
    const known = listStandards().map((s) => s.code)
    return [
      fieldError('/standard', 'unknown_standard', {
        zh: `没有数据标准“${input.standard}”（可选：${known.join('、')}）`,
        en: `There is no data standard "${input.standard}" (known: ${known.join(', ')})`,
      }),
    ]
  }
  return Object.keys(input.columns ?? {})
    .filter((key) => findElement(standard, key) === undefined)
    .map((key) =>
      fieldError(`/columns/${key}`, 'unknown_element', {
        zh: `数据标准“${standard.code}”没有数据元“${key}”`,
        en: `Standard "${standard.code}" has no element "${key}"`,
      }),
    )
}

/** Datasets: registered by a data officer of the owning department, listed to their readers. */
export function createDatasets(deps: GovernanceDeps, access: DatasetAccess) {
  const db = governanceDb(deps)
  return {
    async register(actor: Actor, input: DatasetInput) {
      const department = await deps.departments.findByCode(input.departmentCode)
      const errors = shapeErrors(input)
      if (!department) {
        errors.push(
          fieldError('/departmentCode', 'unknown_department', {
            zh: `部门 ${input.departmentCode} 不存在`,
            en: `Department ${input.departmentCode} does not exist`,
          }),
        )
      }
      if (!department || errors.length > 0)
        throw new DomainError('GOVERNANCE_DATASET_INVALID', {}, errors)
      const principal = deps.guard.require(
        actor,
        'governance.dataset.manage',
        datasetResource({ code: input.code, department_id: department.id }),
      )
      const at = deps.clock.now().toISOString()
      const row: DatasetRow = {
        id: uuidv7(),
        code: input.code,
        name: input.name.trim(),
        standard: input.standard,
        department_code: department.code,
        department_id: department.id,
        source_system: input.sourceSystem.trim(),
        columns_json: JSON.stringify(input.columns ?? {}),
        outliers_json:
          input.outliers === undefined
            ? null
            : JSON.stringify({
                fields: input.outliers.fields,
                groupBy: input.outliers.groupBy ?? [],
              }),
        created_by: principal.id,
        created_at: at,
        updated_at: at,
      }
      try {
        await db.transaction().execute(async (trx) => {
          await governanceStore.insertDataset(trx, row)
          await deps.audit.record(trx, actor, {
            action: 'governance.dataset.registered',
            subject: { type: 'governance_dataset', id: row.code },
            after: toDatasetView(row),
          })
        })
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DomainError('GOVERNANCE_DATASET_EXISTS', { code: input.code })
        throw error
      }
      return toDatasetView(row)
    },

    /** The datasets the caller may read results of. */
    async list(actor: Actor) {
      const rows = await governanceStore.listDatasets(db)
      return rows
        .filter((r) => access.allows(actor, 'governance.result.read', r))
        .map(toDatasetView)
    },

    async get(actor: Actor, code: string) {
      return toDatasetView(await access.byCode(actor, 'governance.result.read', code))
    },
  }
}

export type Datasets = ReturnType<typeof createDatasets>
