import type { FieldCipher } from '../../platform/crypto/index.js'
import type {
  DuplicateCluster,
  FieldComparison,
  FieldEvidence,
  ReviewDecision,
  ScoredPair,
} from './dedup/index.js'
import type {
  ClusterRow,
  ClusterTable,
  DedupPairRow,
  DedupPairTable,
  ReviewDecisionRow,
} from './governance.tables.js'

/** A cluster member as a reviewer sees it: its line in the file and its compared values. */
export interface MemberRecord {
  id: string
  line: number | null
  fields: Readonly<Record<string, string | null>>
}

export function toClusterRow(
  cipher: FieldCipher,
  runId: string,
  cluster: DuplicateCluster,
  members: ReadonlyMap<string, MemberRecord>,
): ClusterTable {
  const records = cluster.recordIds.map((id) => members.get(id) ?? { id, line: null, fields: {} })
  return {
    run_id: runId,
    cluster_id: cluster.id,
    record_ids_json: JSON.stringify(cluster.recordIds),
    size: cluster.recordIds.length,
    confidence: cluster.confidence,
    mean_posterior: cluster.meanPosterior,
    review: cluster.review,
    evidence_json: JSON.stringify(cluster.evidence),
    edges_json: JSON.stringify(cluster.edges),
    records_token: cipher.encrypt(JSON.stringify(records)),
  }
}

export const membersOf = (cipher: FieldCipher, row: Pick<ClusterRow, 'records_token'>) =>
  JSON.parse(cipher.decrypt(row.records_token)) as MemberRecord[]

export const recordIdsOf = (row: Pick<ClusterRow, 'record_ids_json'>) =>
  JSON.parse(row.record_ids_json) as string[]

/** A cluster with its members, per-field evidence and scored pairs. */
export const toClusterView = (cipher: FieldCipher, row: ClusterRow) => ({
  id: row.cluster_id,
  size: row.size,
  confidence: row.confidence,
  meanPosterior: row.mean_posterior,
  review: row.review,
  records: membersOf(cipher, row),
  evidence: JSON.parse(row.evidence_json) as FieldEvidence[],
  pairs: JSON.parse(row.edges_json) as ScoredPair[],
})

export const pairRows = (runId: string, clusters: readonly DuplicateCluster[]): DedupPairTable[] =>
  clusters.flatMap((c) =>
    c.edges.map((e) => ({
      run_id: runId,
      record_a: e.a,
      record_b: e.b,
      weight: e.weight,
      posterior: e.posterior,
      fields_json: JSON.stringify(e.fields),
    })),
  )

export const toScoredPair = (row: DedupPairRow): ScoredPair => ({
  a: row.record_a,
  b: row.record_b,
  weight: row.weight,
  posterior: row.posterior,
  fields: JSON.parse(row.fields_json) as Record<string, FieldComparison>,
})

export const toDecision = (row: ReviewDecisionRow): ReviewDecision => {
  const groups = JSON.parse(row.groups_json) as string[][]
  return row.decision === 'confirm'
    ? { kind: 'confirm', recordIds: groups[0] ?? [] }
    : { kind: 'split', groups }
}

/**
 * Decisions narrowed to the records a file holds: a decision about records a file does not have
 * must not bring them into its clusters. Groups left empty are dropped.
 */
export function narrowDecisions(
  decisions: readonly ReviewDecision[],
  has: (id: string) => boolean,
): ReviewDecision[] {
  return decisions.flatMap((d): ReviewDecision[] => {
    if (d.kind === 'confirm') {
      const recordIds = d.recordIds.filter(has)
      return recordIds.length === 0 ? [] : [{ kind: 'confirm', recordIds }]
    }
    const groups = d.groups.map((g) => g.filter(has)).filter((g) => g.length > 0)
    return groups.length === 0 ? [] : [{ kind: 'split', groups }]
  })
}
