import type { Actor } from '../../platform/auth/principal.js'
import type { Action } from '../../platform/authz/index.js'
import { DomainError } from '../../platform/errors.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import { governanceStore } from './governance.store.js'
import type { DatasetRow } from './governance.tables.js'

/** A dataset as the policy engine sees it: a resource of its owning department. */
export const datasetResource = (dataset: Pick<DatasetRow, 'code' | 'department_id'>) => ({
  type: 'governance_dataset',
  id: dataset.code,
  departmentId: dataset.department_id,
})

/** Looks datasets up and checks that the caller may perform an action on them. */
export function createDatasetAccess(deps: Pick<GovernanceDeps, 'db' | 'guard'>) {
  const db = governanceDb(deps)
  return {
    async byCode(actor: Actor, action: Action, code: string): Promise<DatasetRow> {
      const dataset = await governanceStore.findDataset(db, code)
      if (!dataset) throw new DomainError('GOVERNANCE_DATASET_NOT_FOUND', { code })
      deps.guard.require(actor, action, datasetResource(dataset))
      return dataset
    },
    async byId(actor: Actor, action: Action, id: string): Promise<DatasetRow> {
      const dataset = await governanceStore.findDatasetById(db, id)
      if (!dataset) throw new DomainError('PLATFORM_NOT_FOUND')
      deps.guard.require(actor, action, datasetResource(dataset))
      return dataset
    },
    allows: (actor: Actor, action: Action, dataset: DatasetRow) =>
      deps.guard.allows(actor, action, datasetResource(dataset)),
  }
}

export type DatasetAccess = ReturnType<typeof createDatasetAccess>
