import { gzipSync } from 'node:zlib'
import type { App } from '../../src/app.js'
import { DEMO_DEPARTMENTS } from '../../src/modules/identity/demo/index.js'
import {
  bearer,
  DEMO_PASSWORD,
  DEMO_PERSONS,
  DEMO_STAFF,
  signInStaff,
  staffPhone,
} from '../support/demo.js'

export const ANALYST = 'market.xie' // 谢雨桐: the market bureau's process analyst
export const CLERK = 'market.li' // 李明: a market clerk without the analyst role

export const INSIGHT_TABLES = [
  'insight_logs',
  'insight_analyses',
  'platform_audit_records',
  'platform_jobs',
]

export const api = (path: string) => `/api/v1/insight${path}`

/** A small hand-built log: each trace is its activities, one day apart from its start. */
export const TRACES: Record<string, string[]> = {
  c1: ['A', 'B', 'C'],
  c2: ['A', 'B', 'C'],
  c3: ['A', 'C', 'B'],
  c4: ['A', 'B', 'B', 'C'],
}

const DAY = 86_400_000
const at = (trace: number, event: number) =>
  new Date(Date.parse('2026-01-05T01:00:00Z') + trace * 7 * DAY + event * DAY).toISOString()

/** The traces as XES; `badTime` replaces one event's timestamp with text that is not a time. */
export function xesOf(
  traces: Record<string, string[]>,
  badTime?: { trace: string; event: number; value: string },
): string {
  const body = Object.entries(traces)
    .map(([id, activities], t) => {
      const events = activities.map((a, e) => {
        const time = badTime?.trace === id && badTime.event === e + 1 ? badTime.value : at(t, e)
        return `<event><string key="concept:name" value="${a}"/><date key="time:timestamp" value="${time}"/><string key="org:resource" value="r${e % 2}"/></event>`
      })
      return `<trace><string key="concept:name" value="${id}"/>${events.join('')}</trace>`
    })
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n${body}\n</log>\n`
}

/** The same traces as CSV with columns case_no, step, at, staff. */
export function csvOf(traces: Record<string, string[]>): string {
  const rows = Object.entries(traces).flatMap(([id, activities], t) =>
    activities.map((a, e) => `${id},${a},${at(t, e)},r${e % 2}`),
  )
  return `case_no,step,at,staff\n${rows.join('\n')}\n`
}

export const gzip = (text: string) => gzipSync(Buffer.from(text))

/** Counted here, independently of the module: variants and directly-follows pairs. */
export function expectedCounts(traces: Record<string, string[]>) {
  const all = Object.values(traces)
  const pairs = new Map<string, number>()
  for (const t of all)
    for (let i = 1; i < t.length; i++) {
      const key = `${t[i - 1]}>${t[i]}`
      pairs.set(key, (pairs.get(key) ?? 0) + 1)
    }
  return {
    cases: all.length,
    events: all.reduce((n, t) => n + t.length, 0),
    activities: new Set(all.flat()).size,
    variants: new Set(all.map((t) => t.join(','))).size,
    pairs: Object.fromEntries([...pairs].sort()),
  }
}

export async function uploadLog(
  app: App,
  token: string,
  content: string | Buffer,
  query = '',
  fileName = 'log.xes',
) {
  return app.http.inject({
    method: 'POST',
    url: api(`/logs${query}`),
    headers: {
      ...bearer(token),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(fileName),
    },
    payload: content,
  })
}

export async function getJson<T>(app: App, token: string, path: string): Promise<T> {
  const res = await app.http.inject({ url: api(path), headers: bearer(token) })
  if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`)
  return res.json<T>()
}

export const analystToken = (app: App) => signInStaff(app, ANALYST)

export interface AnalysisView {
  id: string
  status: string
  progress: { step: string } | null
  error: { code: string } | null
  result: {
    counts: { cases: number; events: number; activities: number; variants: number }
    dfg?: { edges: Array<{ from: string; to: string; count: number }> }
    variants?: Array<{ activities: string[]; count: number; share: number }>
    rework?: unknown
    performance?: unknown
    conformance?: { ok: boolean; report?: { fitness: number } }
    discovered?: { tree: string; activities: number; comparison?: unknown }
  } | null
  issues: {
    issues: Array<{ code: string; case?: string; event?: number; value?: string }>
    total: number
  } | null
}

/** A seed actor holding the given roles (the services check them like any caller's). */
export const seedActor = (assignments: Array<{ role: string; departmentId: string | null }>) => ({
  principal: {
    id: 'seed',
    kind: 'staff' as const,
    sessionId: 'seed',
    channel: 'counter' as const,
    assignments,
  },
  requestId: 'seed-insight',
  channel: 'counter' as const,
})

/**
 * Part of the demo city's people (faster than seedDemo): the named departments, the demo staff
 * accounts with their roles, and one citizen. Answers the departments' ids by code.
 */
export async function seedPeople(
  app: App,
  o: { departments: string[] | 'all'; accounts: string[]; citizenIdNumber: string },
): Promise<Map<string, string>> {
  const platform = seedActor([
    { role: 'system_admin', departmentId: null },
    { role: 'security_admin', departmentId: null },
  ])
  const wanted = o.departments
  const ids = new Map<string, string>()
  for (const d of DEMO_DEPARTMENTS.filter((x) => wanted === 'all' || wanted.includes(x.code))) {
    const created = await app.identity.organisation.createDepartment(platform, {
      code: d.code,
      nameZh: d.name.zh,
      nameEn: d.name.en,
      creditCode: d.creditCode,
      address: d.address,
      phone: d.phone,
    })
    ids.set(d.code, created.id)
  }
  for (const account of o.accounts) {
    const s = DEMO_STAFF.find((x) => x.account === account)
    if (!s?.departmentCode) throw new Error(`no demo staff ${account}`)
    const departmentId = ids.get(s.departmentCode) ?? null
    const staff = await app.identity.organisation.createStaff(platform, {
      account,
      name: s.name,
      departmentId,
      phone: staffPhone(account),
      password: DEMO_PASSWORD,
    })
    for (const role of s.roles)
      await app.identity.organisation.assignRole(platform, staff.id, role, departmentId)
  }
  const person = DEMO_PERSONS.find((p) => p.idNumber === o.citizenIdNumber)
  if (!person) throw new Error(`no demo citizen ${o.citizenIdNumber}`)
  await app.identity.registration.registerPerson(platform, {
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    password: DEMO_PASSWORD,
  })
  return ids
}

/**
 * Only what the upload tests need of the demo city: the market and tax departments, the
 * analyst, a market clerk and the tax analyst-to-be, and the first citizen.
 */
export const seedAnalysts = (app: App, accounts = [ANALYST, CLERK, 'tax.yang']) =>
  seedPeople(app, {
    departments: ['market', 'tax'],
    accounts,
    citizenIdNumber: DEMO_PERSONS[0]!.idNumber,
  })
