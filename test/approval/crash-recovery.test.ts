import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApprovalTables } from '../../src/modules/approval/approval.tables.js'
import type { AuditTables } from '../../src/platform/audit/audit.tables.js'
import { moduleDb, openDatabase, type Database } from '../../src/platform/db/database.js'
import type { JobTables } from '../../src/platform/jobs/jobs.tables.js'
import { createPostgresUrl, testDialects } from '../support/databases.js'
import { DEMO_PASSWORD, DEMO_PERSONS, staffPhone } from '../support/demo.js'
import {
  freePort,
  httpJson,
  startServer,
  type HttpResult,
  type ServerProcess,
} from '../support/process.js'
import { runCliInProcess } from '../support/cli-in-process.js'
import {
  START_COMPANY,
  SAMPLE_PDF,
  START_COMPANY_STAFF,
  accountFor,
  applicantIndex,
  type ApplicationView,
  type StartCompanyDepartment,
  type TaskRow,
} from './approval-support.js'

type Tables = ApprovalTables & AuditTables & JobTables

const sample = START_COMPANY!
const SECRET = 'approval-crash-secret-0123456789-abcdefghijklmnopqrstuvwxyz'
const LOAD_MS = 2000
/** Below this many acknowledged submissions and decisions the load goes on (up to 15 × LOAD_MS). */
const MIN_ACKED = 6
const IN_FLIGHT = 8
const SUBMITTERS = 3
/** Enough to keep every department busy, few enough to drive all to the end after the restart. */
const MAX_APPLICATIONS = 24
const FINISH_MS = 20_000
const STAFF = START_COMPANY_STAFF
type Department = StartCompanyDepartment
const DEPARTMENTS = Object.keys(STAFF) as Department[]

interface Acknowledged {
  applications: string[]
  /** Task ids whose approval was answered 200. */
  decisions: string[]
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function signIn(baseUrl: string, kind: 'person' | 'staff', id: string, phone: string) {
  const credentials = { kind, identifier: id, password: DEMO_PASSWORD, channel: 'web' }
  const start = await httpJson(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    body: credentials,
  })
  expect(start.status, JSON.stringify(start.body)).toBe(200)
  const sms = await httpJson(`${baseUrl}/api/v1/demo/sms?phone=${phone}`)
  const code = /(\d{6})/.exec((sms.body as Array<{ body: string }>)[0]?.body ?? '')?.[1]
  const { challengeId } = start.body as { challengeId: string }
  const verify = await httpJson(`${baseUrl}/api/v1/auth/verify`, {
    method: 'POST',
    body: { challengeId, code },
  })
  expect(verify.status, JSON.stringify(verify.body)).toBe(200)
  return (verify.body as { accessToken: string }).accessToken
}

/** The approval API of one server, as one signed-in user. */
function approvalApi(baseUrl: string, token: string) {
  const call = (method: string, path: string, body?: unknown): Promise<HttpResult> =>
    httpJson(`${baseUrl}/api/v1/approval${path}`, {
      method,
      body,
      headers: { authorization: `Bearer ${token}` },
    })
  return {
    submit: () =>
      call('POST', '/applications', { kind: 'bundle', code: 'start_company', form: sample.form }),
    get: (id: string) => call('GET', `/applications/${id}`),
    queue: async (limit: number) => {
      const res = await call('GET', `/tasks?limit=${limit}`)
      if (res.status !== 200) throw new Error(`queue: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body as TaskRow[]
    },
    claim: (taskId: string) => call('POST', `/tasks/${taskId}/claim`, {}),
    approve: (taskId: string) => call('POST', `/tasks/${taskId}/decision`, { approved: true }),
    upload: () =>
      httpJson(`${baseUrl}/api/v1/approval/materials`, {
        method: 'POST',
        body: SAMPLE_PDF,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/pdf',
          'x-file-name': 'materials.pdf',
        },
      }),
    checklist: (id: string) => call('GET', `/applications/${id}/materials`),
    attach: (id: string, body: object) => call('POST', `/applications/${id}/materials`, body),
  }
}

interface Checklist {
  implementationCode: string
  materials: Array<{ code: string; required: boolean; attached: unknown[] }>
}

/** The applicant attaches one upload for every required material still missing; true when done. */
async function supply(api: Api, applicationId: string): Promise<boolean> {
  const upload = await api.upload()
  const list = await api.checklist(applicationId)
  if (upload.status !== 201 || list.status !== 200) return false
  const materialId = (upload.body as { id: string }).id
  for (const c of list.body as Checklist[]) {
    for (const m of c.materials.filter((x) => x.required && x.attached.length === 0)) {
      const body = { item: c.implementationCode, code: m.code, materialId }
      if ((await api.attach(applicationId, body)).status !== 201) return false
    }
  }
  return true
}
type Api = ReturnType<typeof approvalApi>

describe.each(testDialects())(
  'an approval server killed with SIGKILL under load (%s)',
  (dialect) => {
    const acked: Acknowledged = { applications: [], decisions: [] }
    let dataDir = ''
    let env: Record<string, string>
    let pg: { url: string; dispose(): Promise<void> } | null = null
    let server: ServerProcess | null = null
    /** Every server started, so none outlives a failed test. */
    const launched: ServerProcess[] = []
    let database: Database | null = null
    const tokens = new Map<string, string>()
    const baseUrl = () => server?.baseUrl ?? ''
    const as = (account: string) => approvalApi(baseUrl(), tokens.get(account) ?? '')
    const actorFor = (department: Department, task: TaskRow): Api =>
      as(accountFor(department, task))

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'tongban-approval-crash-'))
      if (dialect === 'postgres') pg = await createPostgresUrl()
      env = {
        TONGBAN_PORT: String(await freePort()),
        TONGBAN_HOST: '127.0.0.1',
        TONGBAN_SECRET: SECRET,
        TONGBAN_PASSWORD_HASH_COST: '10',
        TONGBAN_LOG_LEVEL: 'warn',
        TONGBAN_DATA_DIR: dataDir,
        TONGBAN_JOB_POLL_MS: '100',
        ...(pg ? { DATABASE_URL: pg.url } : {}),
      }
    })

    afterAll(async () => {
      for (const s of launched) await s.stop('SIGKILL')
      await database?.close()
      await pg?.dispose()
      rmSync(dataDir, { recursive: true, force: true })
    })

    async function launch() {
      const s = await startServer(env)
      launched.push(s)
      return s
    }

    const db = () => {
      if (!database) throw new Error('the database is not open')
      return moduleDb<Tables>(database.db)
    }
    const actions = (type: string) =>
      db()
        .selectFrom('approval_actions')
        .select(['case_id', 'task_id', 'payload_json'])
        .where('type', '=', type)
        .execute()
    /** Keys that occur more than once. */
    const repeated = (keys: Array<string | null>) =>
      keys.filter((key, i) => keys.indexOf(key) !== i)

    async function submit(pending: { count: number }) {
      pending.count++
      try {
        const res = await as('applicant').submit()
        if (res.status !== 201) return
        const { id } = res.body as { id: string }
        acked.applications.push(id)
        await supply(as('applicant'), id)
      } finally {
        pending.count--
      }
    }

    /** Claims (when unassigned) and approves one open task of the department's queue. */
    async function decideOne(department: Department): Promise<boolean> {
      const open = (await as(STAFF[department].clerk).queue(20)).filter((t) => t.state === 'open')
      const task = open[Math.floor(Math.random() * open.length)]
      if (!task) return false
      const api = actorFor(department, task)
      if (task.assignee_id === null && (await api.claim(task.id)).status !== 200) return true
      if ((await api.approve(task.id)).status === 200) acked.decisions.push(task.id)
      return true
    }

    /** LOAD_MS of load; on a slow machine longer, until enough of both kinds was acknowledged. */
    async function loadUntilEnough() {
      const start = Date.now()
      const enough = () =>
        acked.applications.length >= MIN_ACKED && acked.decisions.length >= MIN_ACKED
      while (Date.now() - start < (enough() ? LOAD_MS : 15 * LOAD_MS)) await pause(50)
    }

    it('acknowledges submissions and decisions until it is killed mid-load', async () => {
      server = await launch()
      const person = DEMO_PERSONS[applicantIndex(sample.applicantIdNumber)]
      if (!person) throw new Error('no demo applicant')
      tokens.set('applicant', await signIn(baseUrl(), 'person', person.idNumber, person.phone))
      for (const account of Object.values(STAFF).flatMap((s) => [s.clerk, s.approver]))
        tokens.set(account, await signIn(baseUrl(), 'staff', account, staffPhone(account)))
      let killed = false
      const pending = { count: 0 }
      const worker = async (w: number) => {
        const department = DEPARTMENTS[w % DEPARTMENTS.length] as Department
        while (!killed) {
          const submits =
            w < SUBMITTERS && acked.applications.length + pending.count < MAX_APPLICATIONS
          // A request cut off by the kill is not acknowledged.
          const busy = await (
            submits ? submit(pending).then(() => true) : decideOne(department)
          ).catch(() => true)
          if (!busy) await pause(20)
        }
      }
      const workers = Array.from({ length: IN_FLIGHT }, (_, w) => worker(w))
      await loadUntilEnough()
      process.kill(server.pid, 'SIGKILL')
      killed = true
      expect(await server.exited).toBe('SIGKILL')
      await Promise.all(workers)
      expect(acked.applications.length).toBeGreaterThanOrEqual(MIN_ACKED)
      expect(acked.decisions.length).toBeGreaterThanOrEqual(MIN_ACKED)
    }, 180_000)

    it('restarts on the same data once the killed runner’s job leases have lapsed', async () => {
      const sqlitePath = join(dataDir, 'tongban.db')
      database = pg ? openDatabase({ url: pg.url, poolSize: 2 }) : openDatabase({ sqlitePath })
      // A job the killed process held stays leased for 60 s; let that time pass at once.
      await db()
        .updateTable('platform_jobs')
        .set({ locked_until: new Date(0).toISOString() })
        .where('status', '=', 'running')
        .execute()
      server = await launch()
    }, 180_000)

    it('keeps every acknowledged submission with its five department cases', async () => {
      const cases = await db().selectFrom('approval_cases').select('application_id').execute()
      const perApplication = new Map<string, number>()
      for (const c of cases)
        perApplication.set(c.application_id, (perApplication.get(c.application_id) ?? 0) + 1)
      expect(acked.applications.filter((id) => perApplication.get(id) !== 5)).toEqual([])
      // Nothing half-written either: every stored application has all its cases.
      expect([...perApplication.values()].filter((n) => n !== 5)).toEqual([])
      for (const id of acked.applications) {
        const res = await as('applicant').get(id)
        expect(res.status).toBe(200)
        expect((res.body as ApplicationView).cases).toHaveLength(5)
      }
    })

    it('keeps every acknowledged decision with its action and its audit record', async () => {
      const completed = new Set((await actions('task_completed')).map((a) => a.task_id))
      const audited = await db()
        .selectFrom('platform_audit_records')
        .select('after_json')
        .where('action', '=', 'approval.task.approved')
        .execute()
      const auditedTasks = new Set(
        audited.map((r) => (JSON.parse(r.after_json ?? '{}') as { taskId?: string }).taskId),
      )
      expect(acked.decisions.filter((id) => !completed.has(id))).toEqual([])
      expect(acked.decisions.filter((id) => !auditedTasks.has(id))).toEqual([])
    })

    it('writes no step twice: one start per case, one completion per task', async () => {
      const cases = await db().selectFrom('approval_cases').select('id').execute()
      const started = (await actions('instance_started')).map((a) => a.case_id)
      expect(repeated(started)).toEqual([])
      expect(started.sort()).toEqual(cases.map((c) => c.id).sort())
      expect(repeated((await actions('task_opened')).map((a) => a.task_id))).toEqual([])
      expect(repeated((await actions('task_completed')).map((a) => a.task_id))).toEqual([])
    })

    it('resumes every unfinished case through the API to approval, licences issued', async () => {
      const applications = await db().selectFrom('approval_applications').select('id').execute()
      // Materials the kill cut off are attached now: staff approve only complete cases.
      for (const { id } of applications) expect(await supply(as('applicant'), id)).toBe(true)
      for (let round = 0; round < 10; round++) {
        const moved = await Promise.all(DEPARTMENTS.map((d) => finishQueue(d)))
        if (moved.every((n) => n === 0)) break
      }
      const deadline = Date.now() + FINISH_MS
      const unfinished = new Set(applications.map((a) => a.id))
      while (unfinished.size > 0 && Date.now() < deadline) {
        for (const id of unfinished) {
          const res = await as('applicant').get(id)
          if ((res.body as ApplicationView).status === 'approved') unfinished.delete(id)
        }
        if (unfinished.size > 0) await pause(200)
      }
      expect([...unfinished]).toEqual([])
    }, 180_000)

    /** Drives every open task of the department's queue with claim + approve; returns how many. */
    async function finishQueue(department: Department): Promise<number> {
      const open = await as(STAFF[department].clerk).queue(100)
      for (const task of open) {
        const api = actorFor(department, task)
        if (task.assignee_id === null) expect((await api.claim(task.id)).status).toBe(200)
        const res = await api.approve(task.id)
        expect(res.status, JSON.stringify(res.body)).toBe(200)
      }
      return open.length
    }

    it('runs each service task once and fires no timer twice', async () => {
      const opened = (await actions('service_opened')).map((a) => a.task_id)
      const completed = (await actions('service_completed')).map((a) => a.task_id)
      expect(repeated(opened)).toEqual([])
      expect(completed.sort()).toEqual(opened.sort())
      const ran = await db()
        .selectFrom('platform_audit_records')
        .select('after_json')
        .where('action', '=', 'approval.service.ran')
        .execute()
      const ranTasks = ran.map(
        (r) => (JSON.parse(r.after_json ?? '{}') as { taskId: string }).taskId,
      )
      expect(ranTasks.sort()).toEqual(opened.sort())
      const fired = await actions('timer_fired')
      expect(repeated(fired.map((a) => `${a.case_id}:${a.payload_json}`))).toEqual([])
      const jobs = await db()
        .selectFrom('platform_jobs')
        .selectAll()
        .where('kind', 'in', ['approval.service-task', 'approval.timer'])
        .execute()
      // One job per service task opened (a reclaimed job runs again, but commits once).
      const jobTasks = jobs
        .filter((j) => j.kind === 'approval.service-task')
        .map((j) => (JSON.parse(j.payload_json) as { taskId: string }).taskId)
      expect(jobTasks.sort()).toEqual(opened.sort())
      expect(jobs.filter((j) => j.status !== 'done' && j.status !== 'queued')).toEqual([])
    })

    it('stops gracefully and passes tongban audit verify', async () => {
      await database?.close()
      database = null
      expect(await server?.stop('SIGTERM')).toBe(0)
      const result = await runCliInProcess(['audit', 'verify'], env)
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      const checked = Number(/audit chain OK: (\d+) records/.exec(result.stdout)?.[1])
      expect(checked).toBeGreaterThanOrEqual(acked.applications.length + acked.decisions.length)
    }, 120_000)
  },
)
