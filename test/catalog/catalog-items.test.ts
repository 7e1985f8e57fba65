import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CatalogTables } from '../../src/modules/catalog/catalog.tables.js'
import { DEMO_BUNDLES, DEMO_ITEMS, DEMO_PROCESSES } from '../../src/modules/catalog/demo/index.js'
import type { BundleContent, ItemContent } from '../../src/modules/catalog/index.js'
import { moduleDb } from '../../src/platform/db/database.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { DEMO_STAFF, bearer, seedDemo, signInStaff } from '../support/demo.js'

interface Problem {
  code: string
  messages: { zh: string; en: string }
  errors: Array<{ pointer: string; code: string }>
}
interface ItemView {
  id: string
  implementationCode: string
  version: number
  state: string
  hasProcess: boolean
  publishedVersion: number | null
  content: ItemContent
}
interface PublishedView extends ItemView {
  guide: { title: { zh: string }; timeLimits: { promisedWorkingDays: number } }
}

const DEPARTMENT = 'market'
const BASE = DEMO_ITEMS.find((i) => i.departmentCode === DEPARTMENT)
const BUNDLE = DEMO_BUNDLES.find((b) => b.code === 'start_company')
const account = (role: string) =>
  DEMO_STAFF.find(
    (s) => s.departmentCode === DEPARTMENT && (s.roles as readonly string[]).includes(role),
  )?.account ?? ''
if (!BASE || !BUNDLE)
  throw new Error('the demo data lacks a market item or the start_company bundle')
const PROCESS = DEMO_PROCESSES[BASE.implementationCode] ?? ''

const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL'
const bpmn = (processId: string, ...elements: string[]) =>
  `<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="defs" targetNamespace="urn:test">` +
  `<bpmn:process id="${processId}" isExecutable="true">${elements.join('')}</bpmn:process>` +
  '</bpmn:definitions>'
const NO_START = bpmn('no_start', '<bpmn:endEvent id="done"/>')
const DANGLING = bpmn(
  'dangling',
  '<bpmn:startEvent id="start"/>',
  '<bpmn:endEvent id="done"/>',
  '<bpmn:sequenceFlow id="to_done" sourceRef="start" targetRef="done"/>',
  '<bpmn:sequenceFlow id="to_ghost" sourceRef="start" targetRef="ghost"/>',
)

function expectProblem(res: LightMyRequestResponse, status: number, code: string): Problem {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toContain('application/problem+json')
  const body = res.json<Problem>()
  expect(body.code).toBe(code)
  expect(typeof body.messages.zh === 'string' && body.messages.zh.length > 0).toBe(true)
  expect(typeof body.messages.en === 'string' && body.messages.en.length > 0).toBe(true)
  expect(body.messages.en).not.toMatch(/\p{Script=Han}/u)
  return body
}

function expectOk<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status)
  return res.json<T>()
}

describe.each(testDialects())('catalog items and bundles over HTTP (%s)', (dialect) => {
  let t: TestApp
  let editor: Record<string, string>
  let publisher: Record<string, string>
  let serial = 0

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    editor = bearer(await signInStaff(t.app, account('catalog_editor')))
    publisher = bearer(await signInStaff(t.app, account('catalog_publisher')))
  })
  afterAll(() => t.dispose())

  const db = () => moduleDb<CatalogTables>(t.app.database.db)
  const counts = () => countRows(t.app.database.db, ['catalog_items', 'catalog_bundles'])
  const version1 = (itemId: string) =>
    db()
      .selectFrom('catalog_item_versions')
      .selectAll()
      .where('item_id', '=', itemId)
      .where('version', '=', 1)
      .executeTakeFirstOrThrow()
  /** A copy of the base item under a fresh implementation code. */
  function newContent(): ItemContent {
    serial += 1
    return {
      ...structuredClone(BASE as ItemContent),
      implementationCode: `11330100MB1951086W-TEST${String(serial).padStart(4, '0')}`,
    }
  }
  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    t.app.http.inject({ method: 'POST', url: `/api/v1/catalog${url}`, headers, payload })
  const put = (url: string, headers: Record<string, string>, payload: object) =>
    t.app.http.inject({ method: 'PUT', url: `/api/v1/catalog${url}`, headers, payload })
  const attach = (id: string, processXml = PROCESS) =>
    put(`/items/${id}/versions/1/process`, editor, { processXml })
  const publish = (id: string, version = 1) =>
    post(`/items/${id}/versions/${version}/publish`, publisher)
  const draft = async (content = newContent()) =>
    expectOk<ItemView>(await post('/items', editor, content), 201)
  async function draftAndPublish(content = newContent()): Promise<ItemView> {
    const item = await draft(content)
    expectOk(await attach(item.id))
    expectOk(await publish(item.id))
    return item
  }
  const published = (code: string) => t.app.http.inject({ url: `/api/v1/catalog/items/${code}` })

  it('drafts, edits and publishes an item with a process; its guide shows the edit', async () => {
    const content = newContent()
    const item = await draft(content)
    expect(item).toMatchObject({
      implementationCode: content.implementationCode,
      version: 1,
      state: 'draft',
      hasProcess: false,
      publishedVersion: null,
    })

    const name = { zh: '企业设立登记（试点）', en: 'Enterprise registration (pilot)' }
    const edited = { ...content, name, promisedLimitDays: 2 }
    const afterEdit = expectOk<ItemView>(await put(`/items/${item.id}/versions/1`, editor, edited))
    expect(afterEdit.content.name.zh).toBe('企业设立登记（试点）')
    const summary = expectOk<{ userTasks: unknown[] }>(await attach(item.id))
    expect(summary.userTasks.length).toBeGreaterThan(0)
    const done = expectOk<ItemView>(await publish(item.id))
    expect(done).toMatchObject({ state: 'published', publishedVersion: 1, hasProcess: true })

    const view = expectOk<PublishedView>(await published(content.implementationCode))
    expect(view.content.name.zh).toBe('企业设立登记（试点）')
    expect(view.guide.title.zh).toContain('企业设立登记（试点）')
    expect(view.guide.timeLimits.promisedWorkingDays).toBe(2)
  })

  it('refuses to edit a published version and leaves its stored content unchanged', async () => {
    const content = newContent()
    const item = await draftAndPublish(content)
    const res = await put(`/items/${item.id}/versions/1`, editor, {
      ...content,
      name: { zh: '被篡改', en: 'Tampered' },
    })
    expectProblem(res, 409, 'CATALOG_VERSION_NOT_EDITABLE')

    const row = await version1(item.id)
    expect(row.name_zh).toBe(content.name.zh)
    expect(JSON.parse(row.content_json)).toEqual(content)
    expect((await published(item.id)).json<ItemView>().content.name.zh).toBe(content.name.zh)
  })

  it('creates version 2 as a draft; publishing it supersedes version 1', async () => {
    const content = newContent()
    const item = await draftAndPublish(content)
    const v2 = expectOk<ItemView>(await post(`/items/${item.id}/versions`, editor), 201)
    expect(v2).toMatchObject({ version: 2, state: 'draft', hasProcess: true })
    expectProblem(await post(`/items/${item.id}/versions`, editor), 409, 'CATALOG_DRAFT_EXISTS')
    expect((await published(item.id)).json<ItemView>().version).toBe(1)

    const renamed = {
      ...content,
      name: { zh: '企业设立登记（第二版）', en: 'Enterprise registration v2' },
    }
    expectOk(await put(`/items/${item.id}/versions/2`, editor, renamed))
    expectOk(await publish(item.id, 2))

    const now = (await published(item.id)).json<ItemView>()
    expect(now).toMatchObject({ version: 2, state: 'published', publishedVersion: 2 })
    expect(now.content.name.zh).toBe('企业设立登记（第二版）')
    const v1 = await t.app.http.inject({
      url: `/api/v1/catalog/items/${item.id}/versions/1`,
      headers: editor,
    })
    expect(v1.json<ItemView>().state).toBe('superseded')
    expect((await version1(item.id)).state).toBe('superseded')
  })

  it('refuses to publish a version that has no process', async () => {
    const item = await draft()
    expectProblem(await publish(item.id), 409, 'CATALOG_PROCESS_MISSING')
    expectProblem(await published(item.id), 404, 'CATALOG_ITEM_NOT_FOUND')
  })

  it.each([
    ['text that is not XML', 'not xml at all', '/processXml#', 'unparsable'],
    ['a process without a start event', NO_START, '/processXml#no_start', 'start_event'],
    ['a sequence flow to a missing node', DANGLING, '/processXml#to_ghost', 'dangling_flow'],
  ])('rejects %s as a process, naming the element', async (_, processXml, pointer, code) => {
    const item = await draft()
    const body = expectProblem(await attach(item.id, processXml), 400, 'CATALOG_PROCESS_INVALID')
    expect(body.errors).toContainEqual(expect.objectContaining({ pointer, code }))
    expect((await version1(item.id)).process_xml).toBeNull()
  })

  it.each<[string, (c: ItemContent) => Record<string, unknown>, string]>([
    [
      'a promised limit above the statutory limit',
      (c) => ({ ...c, statutoryLimitDays: 3, promisedLimitDays: 5 }),
      '/promisedLimitDays',
    ],
    [
      'an implementation code of the wrong pattern',
      (c) => ({ ...c, implementationCode: 'market-item-1' }),
      '/implementationCode',
    ],
    [
      'a missing name',
      (c) => Object.fromEntries(Object.entries(c).filter(([key]) => key !== 'name')),
      '/name',
    ],
  ])('rejects %s and writes no item', async (_, change, pointer) => {
    const before = await counts()
    const body = expectProblem(
      await post('/items', editor, change(newContent())),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(body.errors.map((e) => e.pointer)).toContain(pointer)
    expect(await counts()).toEqual(before)
  })

  it('rejects an implementation code that is taken', async () => {
    const before = await counts()
    const taken = { ...newContent(), implementationCode: BASE.implementationCode }
    expectProblem(await post('/items', editor, taken), 409, 'CATALOG_ITEM_CODE_TAKEN')
    expect(await counts()).toEqual(before)
  })

  it('answers 404 for an unknown item', async () => {
    expectProblem(await published('11330100MB1951086W-NOSUCHITEM'), 404, 'CATALOG_ITEM_NOT_FOUND')
  })

  it('retires an item for good; a pending draft or a new version cannot revive it', async () => {
    const content = newContent()
    const item = await draftAndPublish(content)
    expectOk(await post(`/items/${item.id}/versions`, editor), 201)
    expect((await post(`/items/${item.id}/retire`, publisher)).statusCode).toBe(204)
    expectProblem(await published(content.implementationCode), 404, 'CATALOG_ITEM_NOT_FOUND')
    const list = await t.app.http.inject({ url: '/api/v1/catalog/items?limit=100' })
    expect(list.body).not.toContain(item.id)
    for (const res of [
      await post(`/items/${item.id}/retire`, publisher),
      await publish(item.id, 2),
      await post(`/items/${item.id}/versions`, editor),
    ]) {
      expectProblem(res, 409, 'CATALOG_ITEM_RETIRED')
    }
    expectProblem(await published(content.implementationCode), 404, 'CATALOG_ITEM_NOT_FOUND')
  })

  describe('bundles', () => {
    function bundleWith(change: (member: BundleContent['members'][number]) => void): BundleContent {
      const content = structuredClone(BUNDLE as BundleContent)
      content.code = `start_company_copy_${++serial}`
      const first = content.members[0]
      if (!first) throw new Error('the bundle has no members')
      change(first)
      return content
    }
    const createBundle = (content: BundleContent) =>
      post('/bundles', editor, { leadDepartmentCode: DEPARTMENT, content })

    it('accepts an unchanged copy of a demo bundle', async () => {
      const res = await createBundle(bundleWith(() => {}))
      expect(res.statusCode, res.body).toBe(201)
    })

    it('serves a bundle as published at once after its publish, though read just before', async () => {
      const content = bundleWith(() => {})
      const created = expectOk<{ id: string }>(await createBundle(content), 201)
      const read = () =>
        t.app.http.inject({ method: 'GET', url: `/api/v1/catalog/bundles/${content.code}` })
      expectProblem(await read(), 404, 'CATALOG_BUNDLE_NOT_FOUND')
      expectOk(await post(`/bundles/${created.id}/versions/1/publish`, publisher))
      const published = expectOk<{ version: number; state: string }>(await read())
      expect([published.version, published.state]).toEqual([1, 'published'])
    })

    it('rejects a field map that points outside the merged form and writes no bundle', async () => {
      const before = await counts()
      const content = bundleWith((m) => {
        const field = Object.keys(m.fieldMap)[0] ?? 'companyName'
        m.fieldMap[field] = '/nowhere/in/the/form'
      })
      const body = expectProblem(await createBundle(content), 400, 'PLATFORM_VALIDATION_FAILED')
      for (const e of body.errors) expect(e.pointer.startsWith('/members/0/fieldMap')).toBe(true)
      expect(body.errors).toContainEqual(expect.objectContaining({ code: 'pointer_not_in_form' }))
      expect(await counts()).toEqual(before)
    })

    it('rejects a member condition with a FEEL syntax error', async () => {
      const before = await counts()
      const body = expectProblem(
        await createBundle(bundleWith((m) => (m.condition = 'seal.needed = ('))),
        400,
        'PLATFORM_VALIDATION_FAILED',
      )
      expect(body.errors).toEqual([
        expect.objectContaining({ pointer: '/members/0/condition', code: 'feel_syntax' }),
      ])
      expect(await counts()).toEqual(before)
    })
  })
})
