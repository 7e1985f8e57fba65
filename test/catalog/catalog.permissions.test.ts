import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ITEMS, DEMO_PROCESSES } from '../../src/modules/catalog/demo/index.js'
import type { ItemContent } from '../../src/modules/catalog/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { WRITE_TABLES, countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { DEMO_STAFF, bearer, seedDemo, signInPerson, signInStaff } from '../support/demo.js'

interface Problem {
  code: string
  messages: { zh: string; en: string }
}
type Headers = Record<string, string>

const roleHolder = (departmentCode: string | null, role: string) => {
  const found = DEMO_STAFF.find(
    (s) => s.departmentCode === departmentCode && (s.roles as readonly string[]).includes(role),
  )
  if (!found) throw new Error(`no demo staff with ${role} in ${String(departmentCode)}`)
  return found.account
}
const BASE = DEMO_ITEMS.find((i) => i.departmentCode === 'market')
const OTHER = DEMO_ITEMS.find((i) => i.departmentCode === 'tax')
if (!BASE || !OTHER) throw new Error('the demo data lacks a market or a tax item')
const PROCESS = DEMO_PROCESSES[BASE.implementationCode] ?? ''

function expectProblem(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toContain('application/problem+json')
  const body = res.json<Problem>()
  expect(body.code).toBe(code)
  expect(typeof body.messages.zh === 'string' && body.messages.zh.length > 0).toBe(true)
  expect(typeof body.messages.en === 'string' && body.messages.en.length > 0).toBe(true)
}

/** Flips one character in the middle of the JWT's signature segment. */
function tamper(token: string): string {
  const at = token.lastIndexOf('.') + 10
  const flipped = token.charAt(at) === 'A' ? 'B' : 'A'
  return `${token.slice(0, at)}${flipped}${token.slice(at + 1)}`
}

describe.each(testDialects())('catalogue and audit permissions (%s)', (dialect) => {
  let t: TestApp
  let editor: Headers
  let foreignPublisher: Headers
  let citizen: Headers
  let sysadmin: Headers
  let auditor: Headers
  let editorToken: string
  let serial = 0

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    editorToken = await signInStaff(t.app, roleHolder('market', 'catalog_editor'))
    editor = bearer(editorToken)
    foreignPublisher = bearer(await signInStaff(t.app, roleHolder('tax', 'catalog_publisher')))
    citizen = bearer((await signInPerson(t.app, 0)).accessToken)
    sysadmin = bearer(await signInStaff(t.app, roleHolder(null, 'system_admin')))
    auditor = bearer(await signInStaff(t.app, roleHolder(null, 'auditor')))
  })
  afterAll(() => t.dispose())

  const counts = () => countRows(t.app.database.db, WRITE_TABLES)
  function newContent(departmentCode = 'market'): ItemContent {
    serial += 1
    return {
      ...structuredClone(BASE as ItemContent),
      departmentCode,
      implementationCode: `11330100MB1951086W-PERM${String(serial).padStart(4, '0')}`,
    }
  }
  const draftItem = (headers: Headers, content: ItemContent) =>
    t.app.http.inject({ method: 'POST', url: '/api/v1/catalog/items', headers, payload: content })
  const publish = (headers: Headers, id: string) =>
    t.app.http.inject({
      method: 'POST',
      url: `/api/v1/catalog/items/${id}/versions/1/publish`,
      headers,
    })
  /** A draft of the editor's own department, with its process, ready to publish. */
  async function readyDraft(): Promise<string> {
    const res = await draftItem(editor, newContent())
    expect(res.statusCode, res.body).toBe(201)
    const { id } = res.json<{ id: string }>()
    const process = await t.app.http.inject({
      method: 'PUT',
      url: `/api/v1/catalog/items/${id}/versions/1/process`,
      headers: editor,
      payload: { processXml: PROCESS },
    })
    expect(process.statusCode, process.body).toBe(200)
    return id
  }
  async function stateOf(id: string): Promise<string> {
    const res = await t.app.http.inject({
      url: `/api/v1/catalog/items/${id}/versions/1`,
      headers: editor,
    })
    return res.json<{ state: string }>().state
  }

  it('rejects an editor drafting an item for another department and writes nothing', async () => {
    const before = await counts()
    expectProblem(await draftItem(editor, newContent('tax')), 403, 'PLATFORM_FORBIDDEN')
    expect(await counts()).toEqual(before)
  })

  it("rejects an editor editing another department's item", async () => {
    const other = (
      await t.app.http.inject({ url: `/api/v1/catalog/items/${OTHER.implementationCode}` })
    ).json<{ id: string }>()
    const res = await t.app.http.inject({
      method: 'PUT',
      url: `/api/v1/catalog/items/${other.id}/versions/1`,
      headers: editor,
      payload: { ...OTHER, name: { zh: '越权修改', en: 'Overreach' } },
    })
    expectProblem(res, 403, 'PLATFORM_FORBIDDEN')
  })

  it('rejects publishing by an editor who is no publisher; the draft stays a draft', async () => {
    const id = await readyDraft()
    expectProblem(await publish(editor, id), 403, 'PLATFORM_FORBIDDEN')
    expect(await stateOf(id)).toBe('draft')
  })

  it("rejects a publisher of another department publishing this department's draft", async () => {
    const id = await readyDraft()
    expectProblem(await publish(foreignPublisher, id), 403, 'PLATFORM_FORBIDDEN')
    expect(await stateOf(id)).toBe('draft')
  })

  it('rejects the system administrator publishing an item', async () => {
    const id = await readyDraft()
    expectProblem(await publish(sysadmin, id), 403, 'PLATFORM_FORBIDDEN')
    expect(await stateOf(id)).toBe('draft')
  })

  it.each([
    ['a citizen', () => citizen],
    ['the auditor', () => auditor],
    ['the system administrator', () => sysadmin],
  ])('rejects %s drafting an item', async (_, headers) => {
    const before = await counts()
    expectProblem(await draftItem(headers(), newContent()), 403, 'PLATFORM_FORBIDDEN')
    expect(await counts()).toEqual(before)
  })

  it('asks an anonymous caller to sign in before drafting', async () => {
    const before = await counts()
    expectProblem(await draftItem({}, newContent()), 401, 'PLATFORM_UNAUTHENTICATED')
    expect(await counts()).toEqual(before)
  })

  it('rejects a token whose signature was tampered with', async () => {
    const before = await counts()
    expectProblem(
      await draftItem(bearer(tamper(editorToken)), newContent()),
      401,
      'PLATFORM_TOKEN_INVALID',
    )
    expect(await counts()).toEqual(before)
    expect((await t.app.http.inject({ url: '/api/v1/me', headers: editor })).statusCode).toBe(200)
  })

  describe('三员分立: only the auditor reads and verifies the audit trail', () => {
    it('lets the auditor verify the chain', async () => {
      const res = await t.app.http.inject({
        method: 'POST',
        url: '/api/v1/audit/verify',
        headers: auditor,
      })
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json<{ ok: boolean; checked: number; firstBad: unknown }>()
      expect(body).toMatchObject({ ok: true, firstBad: null })
      expect(body.checked).toBeGreaterThan(0)
    })

    it('lets the auditor read audit records', async () => {
      const res = await t.app.http.inject({
        url: '/api/v1/audit/records?subjectType=item&limit=5',
        headers: auditor,
      })
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json<{ items: Array<{ subjectType: string; hash: string }> }>()
      expect(body.items.length).toBeGreaterThan(0)
      for (const record of body.items) expect(record.subjectType).toBe('item')
    })

    it('rejects the system administrator verifying or reading audit', async () => {
      expectProblem(
        await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/audit/verify',
          headers: sysadmin,
        }),
        403,
        'PLATFORM_FORBIDDEN',
      )
      expectProblem(
        await t.app.http.inject({ url: '/api/v1/audit/records', headers: sysadmin }),
        403,
        'PLATFORM_FORBIDDEN',
      )
    })

    it('rejects a department editor reading audit', async () => {
      expectProblem(
        await t.app.http.inject({ url: '/api/v1/audit/records', headers: editor }),
        403,
        'PLATFORM_FORBIDDEN',
      )
    })
  })
})
