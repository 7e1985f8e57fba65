import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/platform/clock.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo } from '../support/demo.js'
import {
  api,
  getJson,
  GOVERNANCE_TABLES,
  officerToken,
  personsCsv,
  registerDataset,
  upload,
} from './governance-support.js'

interface Cluster {
  id: string
  size: number
  confidence: number
  review: string
  records: Array<{ id: string; line: number | null; fields: Record<string, string | null> }>
  evidence: Array<{ field: string; level: string; weight: number; pairs: number }>
  pairs: Array<{ a: string; b: string; fields: Record<string, { level: string; weight: number }> }>
}
interface DedupRun {
  id: string
  status: string
  records: number | null
  clusters: number | null
  error: { code: string } | null
}

describe.each(testDialects())('duplicate search and review (%s)', (dialect) => {
  let t: TestApp
  let officer: string
  let first: DedupRun
  let confirmed: Cluster
  let split: Cluster
  const code = 'population.persons'
  const persons = personsCsv(400, 11)

  const decide = (runId: string, clusterId: string, payload: Record<string, unknown>) =>
    t.app.http.inject({
      method: 'POST',
      url: api(`/dedup-runs/${runId}/clusters/${clusterId}/decisions`),
      headers: bearer(officer),
      payload,
    })
  const startDedup = async (fileHash: string) => {
    const res = await t.app.http.inject({
      method: 'POST',
      url: api(`/datasets/${code}/dedup-runs`),
      headers: bearer(officer),
      payload: { fileHash },
    })
    expect(res.statusCode, res.body).toBe(202)
    expect(res.json<DedupRun>().status).toBe('queued')
    await t.app.runner.drain()
    return getJson<DedupRun>(t.app, officer, `/dedup-runs/${res.json<DedupRun>().id}`)
  }
  const clustersOf = async (runId: string) =>
    (
      await getJson<{ total: number; clusters: Cluster[] }>(
        t.app,
        officer,
        `/dedup-runs/${runId}/clusters?limit=500`,
      )
    ).clusters
  const uploadFile = async (csv: string) => {
    const res = await upload(t.app, officer, code, csv, { fileName: 'persons.csv' })
    expect(res.statusCode, res.body).toBe(202)
    return res.json<{ file: { hash: string } }>().file.hash
  }
  /** The person a clustered record stands for, from its line in the as-is file. */
  const entityAt = (line: number | null) =>
    persons.entityOf.get(persons.records[(line ?? 0) - 2]?.id ?? '')

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-01T02:00:00Z', 1000) })
    await seedDemo(t.app)
    await t.app.runner.drain()
    officer = await officerToken(t.app)
    expect((await registerDataset(t.app, officer, { code })).statusCode).toBe(201)
    first = await startDedup(await uploadFile(persons.csv))
  }, 120_000)
  afterAll(() => t.dispose())

  it('finds planted duplicates in a received file, with per-field evidence', async () => {
    expect(first).toMatchObject({ status: 'done', records: 400, error: null })
    const clusters = await clustersOf(first.id)
    expect(clusters).toHaveLength(first.clusters ?? -1)
    const pure = clusters.filter((c) => new Set(c.records.map((r) => entityAt(r.line))).size === 1)
    expect(pure.length / clusters.length).toBeGreaterThan(0.95)
    const cluster = clusters[0]
    expect(cluster?.records[0]?.fields.idNumber).toMatch(/^\d{17}[\dX]$|^$/)
    expect(cluster?.evidence.map((e) => e.field)).toEqual(
      expect.arrayContaining(['name', 'birthDate', 'idNumber', 'phone', 'address']),
    )
    expect(Object.keys(cluster?.pairs[0]?.fields ?? {})).toContain('idNumber')
    // Members are stored encrypted: no ID number of theirs is readable in the table.
    const stored = await t.app.database.db
      .selectFrom('governance_clusters')
      .select('records_token')
      .where('run_id', '=', first.id)
      .execute()
    const idNumber = clusters.flatMap((c) => c.records).find((r) => r.fields.idNumber)
      ?.fields.idNumber
    expect(JSON.stringify(stored)).not.toContain(idNumber)
  })

  it('refuses a decision that does not partition the cluster, and writes nothing', async () => {
    const [cluster] = await clustersOf(first.id)
    if (!cluster) throw new Error('no cluster')
    const before = await countRows(t.app.database.db, GOVERNANCE_TABLES)
    const [a, ...rest] = cluster.records.map((r) => r.id)
    const bad = await decide(first.id, cluster.id, {
      decision: 'split',
      groups: [[a], ['not-a-member']],
      reason: '  ',
    })
    expect(bad.statusCode).toBe(400)
    const problem = bad.json<{ code: string; errors: Array<{ pointer: string; code: string }> }>()
    expect(problem.code).toBe('GOVERNANCE_DECISION_INVALID')
    expect(problem.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/reason', 'required'],
      ['/groups/1/0', 'not_in_cluster'],
      ['/groups', 'incomplete'],
    ])
    expect(rest.length).toBeGreaterThan(0)
    const missing = await decide(first.id, 'no-such-cluster', { decision: 'confirm', reason: 'x' })
    expect(missing.json<{ code: string }>().code).toBe('GOVERNANCE_CLUSTER_NOT_FOUND')
    expect(await countRows(t.app.database.db, GOVERNANCE_TABLES)).toEqual(before)
  })

  it('confirms one cluster and splits another, re-forming the run’s clusters', async () => {
    const clusters = await clustersOf(first.id)
    const pairs = clusters.filter((c) => c.size === 2)
    confirmed = pairs[0] as Cluster
    split = pairs[1] as Cluster
    const ok = await decide(first.id, confirmed.id, {
      decision: 'confirm',
      reason: '身份证号一致，核实为同一人',
    })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json<{ clusters: Cluster[] }>().clusters).toMatchObject([
      { id: confirmed.id, review: 'confirmed', confidence: 1 },
    ])
    const groups = split.records.map((r) => [r.id])
    const apart = await decide(first.id, split.id, {
      decision: 'split',
      groups,
      reason: '经核实为两人',
    })
    expect(apart.statusCode, apart.body).toBe(201)
    expect(apart.json<{ clusters: Cluster[] }>().clusters).toEqual([])
    const after = await clustersOf(first.id)
    expect(after.map((c) => c.id)).not.toContain(split.id)
    expect(after.find((c) => c.id === confirmed.id)?.review).toBe('confirmed')
    expect(after).toHaveLength(clusters.length - 1)
    expect((await getJson<DedupRun>(t.app, officer, `/dedup-runs/${first.id}`)).clusters).toBe(
      clusters.length - 1,
    )
    const audited = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('action')
      .where('action', 'like', 'governance.cluster.%')
      .execute()
    expect(audited.map((a: { action: string }) => a.action).sort()).toEqual([
      'governance.cluster.confirmed',
      'governance.cluster.split',
    ])
  })

  it('keeps the decisions in a later run over a file whose records moved to other lines', async () => {
    const reversed = personsCsv(400, 11, 'reversed')
    const again = await startDedup(await uploadFile(reversed.csv))
    expect(again).toMatchObject({ status: 'done', records: 400 })
    const clusters = await clustersOf(again.id)
    const kept = clusters.find((c) => c.id === confirmed.id)
    expect(kept).toMatchObject({ review: 'confirmed', confidence: 1 })
    expect(kept?.records.map((r) => r.line)).not.toEqual(confirmed.records.map((r) => r.line))
    const [x, y] = split.records.map((r) => r.id)
    expect(
      clusters.some((c) => c.records.some((r) => r.id === x) && c.records.some((r) => r.id === y)),
    ).toBe(false)
    expect(clusters).toHaveLength(first.clusters! - 1)
  })

  it('refuses a dedup run on a file the dataset never received', async () => {
    const res = await t.app.http.inject({
      method: 'POST',
      url: api(`/datasets/${code}/dedup-runs`),
      headers: bearer(officer),
      payload: { fileHash: 'a'.repeat(64) },
    })
    expect(res.statusCode).toBe(404)
    expect(res.json<{ code: string }>().code).toBe('GOVERNANCE_FILE_NOT_FOUND')
  })
})
