import { randomBytes, randomInt } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import type { CatalogTables } from '../../src/modules/catalog/catalog.tables.js'
import { DEMO_PASSWORD, DEMO_STAFF } from '../../src/modules/identity/demo/index.js'
import type { IdentityTables } from '../../src/modules/identity/identity.tables.js'
import type { AuditTables } from '../../src/platform/audit/audit.tables.js'
import { moduleDb, openDatabase, type Database } from '../../src/platform/db/database.js'
import type { JobTables } from '../../src/platform/jobs/jobs.tables.js'
import { computeIdCheckChar } from '../../src/platform/standards/index.js'
import { createPostgresUrl, testDialects } from '../support/databases.js'
import {
  canUseLoopbackAliases,
  freePort,
  httpJson,
  startServer,
  type HttpOptions,
  type ServerProcess,
} from '../support/process.js'
import { runCliInProcess } from '../support/cli-in-process.js'

type Tables = IdentityTables & CatalogTables & AuditTables & JobTables

const SECRET = 'crash-recovery-secret-0123456789-abcdefghijklmnopqrstuvwxyz'
const LOAD_MS = 2000
const IN_FLIGHT = 8
const EDITOR = DEMO_STAFF.find(
  (s) => s.departmentCode !== null && (s.roles as readonly string[]).includes('catalog_editor'),
)
const BASE_ITEM = DEMO_ITEMS.find((i) => i.departmentCode === EDITOR?.departmentCode)

interface AckedItem {
  id: string
  /** The name given by the one edit of this draft, once that edit was acknowledged. */
  editedName: string | null
}

interface Acknowledged {
  persons: string[]
  items: AckedItem[]
}

let serial = 0
const tag = randomBytes(3).toString('hex').toUpperCase()

/** A valid 公民身份号码 in 西湖区 (330106) with a random birth date and a unique sequence. */
function nextRegistration() {
  const n = ++serial
  const birth = new Date(Date.UTC(1950, 0, 1) + randomInt(0, 55 * 365) * 86_400_000)
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '')
  const first17 = `330106${ymd}${String(n % 1000).padStart(3, '0')}`
  const name = `压测${'甲乙丙丁戊己庚辛壬癸'.charAt(n % 10)}${'子丑寅卯辰巳午未申酉戌亥'.charAt(n % 12)}`
  const phone = `1370000${String(n).padStart(4, '0')}`
  return {
    n,
    body: { name, idNumber: first17 + computeIdCheckChar(first17), phone, password: 'Passw0rd!' },
  }
}

/** A copy of a demo item of the editor's department, with its own code and name. */
function nextItem() {
  const n = ++serial
  if (!BASE_ITEM) throw new Error('no demo item for the editor department')
  const name = {
    zh: `${BASE_ITEM.name.zh}（压测草稿${n}）`,
    en: `${BASE_ITEM.name.en} (load draft ${n})`,
  }
  return { ...BASE_ITEM, implementationCode: `${BASE_ITEM.implementationCode}-C${tag}${n}`, name }
}

const send = (method: string, url: string, body: unknown, more: HttpOptions = {}) =>
  httpJson(url, { method, body, ...more })

async function signInEditor(baseUrl: string): Promise<string> {
  const phone = `1390000${1000 + DEMO_STAFF.findIndex((s) => s === EDITOR)}`
  const credentials = {
    kind: 'staff',
    identifier: EDITOR?.account,
    password: DEMO_PASSWORD,
    channel: 'web',
  }
  const start = await send('POST', `${baseUrl}/api/v1/auth/sign-in`, credentials)
  expect(start.status).toBe(200)
  const sms = await httpJson(`${baseUrl}/api/v1/demo/sms?phone=${phone}`)
  const code = /(\d{6})/.exec((sms.body as Array<{ body: string }>)[0]?.body ?? '')?.[1]
  const { challengeId } = start.body as { challengeId: string }
  const verify = await send('POST', `${baseUrl}/api/v1/auth/verify`, { challengeId, code })
  expect(verify.status).toBe(200)
  return (verify.body as { accessToken: string }).accessToken
}

/** Registers one citizen, from its own loopback address when it can, as many clients would. */
async function register(baseUrl: string, acked: Acknowledged, manyClients: boolean): Promise<void> {
  const { n, body } = nextRegistration()
  const localAddress = manyClients ? `127.0.0.${10 + (n % 200)}` : undefined
  const res = await send('POST', `${baseUrl}/api/v1/persons`, body, { localAddress })
  if (res.status === 201) acked.persons.push((res.body as { id: string }).id)
}

/** Drafts one item, then edits the draft's name once. */
async function draftAndEdit(baseUrl: string, token: string, acked: Acknowledged): Promise<void> {
  const headers = { authorization: `Bearer ${token}` }
  const content = nextItem()
  const created = await send('POST', `${baseUrl}/api/v1/catalog/items`, content, { headers })
  if (created.status !== 201) return
  const item: AckedItem = { id: (created.body as { id: string }).id, editedName: null }
  acked.items.push(item)
  const name = { zh: `${content.name.zh}（已修订）`, en: `${content.name.en} (revised)` }
  const url = `${baseUrl}/api/v1/catalog/items/${item.id}/versions/1`
  const res = await send('PUT', url, { ...content, name }, { headers })
  if (res.status === 200) item.editedName = name.zh
}

const sorted = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort()

describe.each(testDialects())('a server killed with SIGKILL under load (%s)', (dialect) => {
  const acked: Acknowledged = { persons: [], items: [] }
  let dataDir = ''
  let env: Record<string, string>
  let manyClients = false
  let pg: { url: string; dispose(): Promise<void> } | null = null
  let server: ServerProcess | null = null
  let database: Database | null = null
  let token = ''

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tongban-crash-'))
    manyClients = await canUseLoopbackAliases()
    if (dialect === 'postgres') pg = await createPostgresUrl()
    env = {
      TONGBAN_PORT: String(await freePort()),
      TONGBAN_HOST: '127.0.0.1',
      TONGBAN_SECRET: SECRET,
      TONGBAN_PASSWORD_HASH_COST: '10',
      TONGBAN_LOG_LEVEL: 'warn',
      TONGBAN_DATA_DIR: dataDir,
      ...(pg ? { DATABASE_URL: pg.url } : {}),
    }
  })

  afterAll(async () => {
    await server?.stop('SIGKILL')
    await database?.close()
    await pg?.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const db = () => {
    if (!database) throw new Error('the database is not open')
    return moduleDb<Tables>(database.db)
  }
  const auditedIds = async (action: string) =>
    sorted(
      await db()
        .selectFrom('platform_audit_records')
        .select('subject_id as id')
        .where('action', '=', action)
        .execute(),
    )

  it('acknowledges registrations and catalogue edits until it is killed mid-load', async () => {
    server = await startServer(env)
    const { baseUrl, pid } = server
    token = await signInEditor(baseUrl)
    let killed = false
    const worker = async (w: number) => {
      while (!killed) {
        const work =
          w % 2 === 0 ? register(baseUrl, acked, manyClients) : draftAndEdit(baseUrl, token, acked)
        await work.catch(() => undefined) // a request cut off by the kill is not acknowledged
      }
    }
    const workers = Array.from({ length: IN_FLIGHT }, (_, w) => worker(w))
    // LOAD_MS of load; on a slow machine longer (up to 15 × LOAD_MS), until enough was acknowledged.
    const start = Date.now()
    const enough = () =>
      acked.persons.length > 5 &&
      acked.items.length > 5 &&
      acked.items.some((i) => i.editedName !== null)
    while (Date.now() - start < (enough() ? LOAD_MS : 15 * LOAD_MS))
      await new Promise((resolve) => setTimeout(resolve, 50))
    process.kill(pid, 'SIGKILL')
    killed = true
    expect(await server.exited).toBe('SIGKILL')
    await Promise.all(workers)
    expect(acked.persons.length).toBeGreaterThan(5)
    expect(acked.items.length).toBeGreaterThan(5)
    expect(acked.items.some((i) => i.editedName !== null)).toBe(true)
  }, 180_000)

  it('restarts on the same data, keeps the session and accepts writes again', async () => {
    server = await startServer(env)
    const before = { persons: acked.persons.length, items: acked.items.length }
    await register(server.baseUrl, acked, false)
    await draftAndEdit(server.baseUrl, token, acked)
    expect(acked.persons).toHaveLength(before.persons + 1)
    expect(acked.items).toHaveLength(before.items + 1)
    expect(acked.items.at(-1)?.editedName).toMatch(/已修订/)
    const sqlitePath = join(dataDir, 'tongban.db')
    database = pg ? openDatabase({ url: pg.url, poolSize: 2 }) : openDatabase({ sqlitePath })
  }, 180_000)

  it('keeps every acknowledged registration with its audit record', async () => {
    const stored = new Set(sorted(await db().selectFrom('identity_persons').select('id').execute()))
    const audited = new Set(await auditedIds('identity.person.registered'))
    expect(acked.persons.filter((id) => !stored.has(id) || !audited.has(id))).toEqual([])
  })

  it('keeps every acknowledged item draft and edit with their audit records', async () => {
    const versions = await db()
      .selectFrom('catalog_item_versions')
      .select(['item_id', 'name_zh'])
      .where('version', '=', 1)
      .execute()
    const stored = new Map(versions.map((v) => [v.item_id, v.name_zh]))
    const drafted = new Set(await auditedIds('catalog.item.drafted'))
    const edited = new Set(await auditedIds('catalog.item.edited'))
    const lost = acked.items.filter(
      (i) =>
        !stored.has(i.id) ||
        !drafted.has(i.id) ||
        (i.editedName !== null && (stored.get(i.id) !== i.editedName || !edited.has(i.id))),
    )
    expect(lost).toEqual([])
  })

  it('keeps no write without its audit record, nor an audit record without its write', async () => {
    const persons = sorted(await db().selectFrom('identity_persons').select('id').execute())
    expect(await auditedIds('identity.person.registered')).toEqual(persons)
    const items = sorted(await db().selectFrom('catalog_items').select('id').execute())
    expect(await auditedIds('catalog.item.drafted')).toEqual(items)
  })

  it('leaves no job stuck running, failed or run more often than allowed', async () => {
    const jobs = await db().selectFrom('platform_jobs').selectAll().execute()
    const bad = jobs.filter((j) => j.status !== 'queued' && j.status !== 'done')
    expect([...bad, ...jobs.filter((j) => j.attempts > j.max_attempts)]).toEqual([])
  })

  it('stops gracefully and passes tongban audit verify', async () => {
    await database?.close()
    database = null
    expect(await server?.stop('SIGTERM')).toBe(0)
    const result = await runCliInProcess(['audit', 'verify'], env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const checked = Number(/audit chain OK: (\d+) records/.exec(result.stdout)?.[1])
    expect(checked).toBeGreaterThanOrEqual(acked.persons.length + acked.items.length)
  }, 120_000)
})
