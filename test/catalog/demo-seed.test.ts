import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_BUNDLES, DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo } from '../support/demo.js'

describe.each(testDialects())('the demo city seed (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())

  it('publishes every demo item with its guide', async () => {
    const list = (await t.app.http.inject({ url: '/api/v1/catalog/items?limit=100' })).json()
    expect(list.items).toHaveLength(DEMO_ITEMS.length)
    const code = DEMO_ITEMS[0]?.implementationCode ?? ''
    const item = (await t.app.http.inject({ url: `/api/v1/catalog/items/${code}` })).json()
    expect(item.state).toBe('published')
    expect(item.guide.title.zh).toContain('办事指南')
    expect(item.guide.timeLimits.promisedWorkingDays).toBe(DEMO_ITEMS[0]?.promisedLimitDays)
  })

  it('publishes the three bundles, 企业开办 with five departments', async () => {
    const bundles = (await t.app.http.inject({ url: '/api/v1/catalog/bundles' })).json()
    expect(bundles).toHaveLength(DEMO_BUNDLES.length)
    const company = (
      await t.app.http.inject({ url: '/api/v1/catalog/bundles/start_company' })
    ).json()
    expect(company.content.members).toHaveLength(5)
  })

  it('finds items by a Chinese keyword', async () => {
    const list = (
      await t.app.http.inject({ url: `/api/v1/catalog/items?q=${encodeURIComponent('登记')}` })
    ).json()
    expect(list.items.length).toBeGreaterThan(0)
    for (const i of list.items) expect(i.name.zh).toContain('登记')
  })

  it('leaves an intact audit chain behind', async () => {
    const result = await t.app.audit.verify()
    expect(result.ok).toBe(true)
    expect(result.checked).toBeGreaterThan(50)
  })
})
