import type { CompiledPolicy } from './rules/compile-policy.js'
import { loadPolicySource } from './policy-source.js'
import { policyStore } from './policy.store.js'
import type { PolicyDeps } from './policy.deps.js'
import { policyDb } from './policy.deps.js'
import type { RootDb } from '../../platform/db/database.js'
import { moduleDb } from '../../platform/db/database.js'
import type { PolicyTables } from './policy.tables.js'

export interface PublishedPolicy {
  code: string
  revision: number
  departmentCode: string
  exemptApplication: boolean
  compiled: CompiledPolicy
}

/**
 * The published revisions, compiled. A revision never changes once published, so its compiled
 * form is kept by revision id for as long as it stays published.
 */
export function createPublishedPolicies(deps: Pick<PolicyDeps, 'db'>) {
  const root = policyDb(deps)
  const compiled = new Map<string, CompiledPolicy>()
  return {
    async list(within?: RootDb): Promise<PublishedPolicy[]> {
      const db = within ? moduleDb<PolicyTables>(within) : root
      const rows = await policyStore.listPublished(db)
      const result: PublishedPolicy[] = []
      const live = new Set<string>()
      for (const row of rows) {
        live.add(row.revision_id)
        let policy = compiled.get(row.revision_id)
        if (!policy) {
          const files = JSON.parse(row.files_json) as Record<string, string>
          const loaded = await loadPolicySource({ source: row.source, files })
          // A published revision compiled when it was published; failing now means the rules
          // engine changed under it, which must not pass silently.
          if (!loaded.ok)
            throw new Error(`published policy ${row.code}@${row.revision} no longer compiles`)
          policy = loaded.policy
          compiled.set(row.revision_id, policy)
        }
        result.push({
          code: row.code,
          revision: row.revision,
          departmentCode: row.department_code,
          exemptApplication: row.exempt_application === 1,
          compiled: policy,
        })
      }
      for (const id of compiled.keys()) if (!live.has(id)) compiled.delete(id)
      return result
    },
  }
}

export type PublishedPolicies = ReturnType<typeof createPublishedPolicies>
