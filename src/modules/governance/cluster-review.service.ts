import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import {
  membersOf,
  recordIdsOf,
  toClusterRow,
  toClusterView,
  toDecision,
  toScoredPair,
} from './cluster-rows.js'
import type { MemberRecord } from './cluster-rows.js'
import { decisionErrors, type DecisionInput } from './decision-input.js'
import type { DatasetAccess } from './dataset-access.js'
import { applyReviewDecisions, buildClusters } from './dedup/index.js'
import type { ReviewDecision } from './dedup/index.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import { governanceStore } from './governance.store.js'
import type {
  ClusterRow,
  ClusterTable,
  DedupRunRow,
  GovernanceTables,
} from './governance.tables.js'

type Trx = Transaction<GovernanceTables>

const rowKey = (r: Pick<ClusterRow, 'cluster_id' | 'record_ids_json' | 'review'>) =>
  `${r.cluster_id}|${r.record_ids_json}|${r.review}`

/** Reviewers confirm or split clusters; decisions are kept for the dataset and every later run. */
export function createClusterReview(deps: GovernanceDeps, access: DatasetAccess) {
  const db = governanceDb(deps)

  /**
   * Re-forms the run's clusters from its matched pairs under the decisions it started with and
   * those made on it since, and rewrites only the clusters that changed.
   */
  async function reform(trx: Trx, run: DedupRunRow): Promise<ClusterTable[]> {
    const started = JSON.parse(run.decisions_json ?? '[]') as ReviewDecision[]
    const made = (await governanceStore.listDecisions(trx, run.dataset_id))
      .filter((d) => d.run_id === run.id)
      .map(toDecision)
    const pairs = (await governanceStore.listPairs(trx, run.id)).map(toScoredPair)
    const clusters = applyReviewDecisions(buildClusters(pairs), [...started, ...made])
    const members = new Map<string, MemberRecord>()
    const old = await governanceStore.listClusterRows(trx, run.id)
    const next = new Map<string, (typeof clusters)[number]>()
    for (const c of clusters)
      next.set(
        rowKey({
          cluster_id: c.id,
          record_ids_json: JSON.stringify(c.recordIds),
          review: c.review,
        }),
        c,
      )
    const gone = old.filter((row) => !next.delete(rowKey(row)))
    for (const row of gone) for (const m of membersOf(deps.cipher, row)) members.set(m.id, m)
    const added = [...next.values()].map((c) => toClusterRow(deps.cipher, run.id, c, members))
    await governanceStore.deleteClusterRows(
      trx,
      run.id,
      gone.map((r) => r.cluster_id),
    )
    await governanceStore.insertClusters(trx, added)
    const kept = old.filter((row) => !gone.includes(row))
    return [...kept, ...added]
  }

  return {
    /**
     * Confirms a cluster as one entity, or splits it into groups (each record in exactly one),
     * with a reason; the clusters of the run are re-formed, and later runs keep the decision.
     */
    async decide(actor: Actor, runId: string, clusterId: string, input: DecisionInput) {
      const run = await governanceStore.findDedupRun(db, runId)
      if (!run) throw new DomainError('GOVERNANCE_RUN_NOT_FOUND', { id: runId })
      const dataset = await access.byId(actor, 'governance.cluster.review', run.dataset_id)
      if (run.status !== 'done')
        throw new DomainError('GOVERNANCE_RUN_NOT_DONE', { id: runId, status: run.status })
      const cluster = await governanceStore.findCluster(db, runId, clusterId)
      if (!cluster) throw new DomainError('GOVERNANCE_CLUSTER_NOT_FOUND', { runId, clusterId })
      const recordIds = recordIdsOf(cluster)
      const errors = decisionErrors(input, recordIds)
      if (errors.length > 0) throw new DomainError('GOVERNANCE_DECISION_INVALID', {}, errors)
      const groups = input.decision === 'confirm' ? [recordIds] : (input.groups ?? [])
      const principal = actor.principal
      if (!principal) throw new DomainError('PLATFORM_UNAUTHENTICATED')
      const at = deps.clock.now().toISOString()
      const id = uuidv7()
      return db.transaction().execute(async (trx) => {
        // Decisions on one run are serialised; the cluster must still be the one reviewed.
        const locked = await governanceStore.lockDedupRun(trx, runId, deps.dialect)
        const current = await governanceStore.findCluster(trx, runId, clusterId)
        if (!locked || current?.record_ids_json !== cluster.record_ids_json)
          throw new DomainError('PLATFORM_CONFLICT')
        await governanceStore.insertDecision(trx, {
          id,
          dataset_id: dataset.id,
          run_id: runId,
          cluster_id: clusterId,
          decision: input.decision,
          groups_json: JSON.stringify(groups),
          reason: input.reason.trim(),
          decided_by: principal.id,
          decided_at: at,
          created_at: at,
        })
        const rows = await reform(trx, locked)
        await governanceStore.setClusterCount(trx, runId, rows.length, at)
        await deps.audit.record(trx, actor, {
          action: `governance.cluster.${input.decision === 'confirm' ? 'confirmed' : 'split'}`,
          subject: { type: 'governance_cluster', id: `${runId}/${clusterId}` },
          before: { recordIds, review: cluster.review },
          after: { groups, reason: input.reason.trim(), dataset: dataset.code },
        })
        const reviewed = new Set(recordIds)
        const affected = rows.filter((row) => recordIdsOf(row).some((r) => reviewed.has(r)))
        return {
          decision: {
            id,
            decision: input.decision,
            groups,
            reason: input.reason.trim(),
            decidedBy: principal.id,
            decidedAt: at,
          },
          clusters: affected.map((row) => toClusterView(deps.cipher, row)),
        }
      })
    },
  }
}

export type ClusterReview = ReturnType<typeof createClusterReview>
