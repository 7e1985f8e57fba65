import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo } from '../support/demo.js'

describe.each(testDialects())('what another instance changes in the catalogue (%s)', (dialect) => {
  let t: TestApp
  let now = Date.parse('2026-03-02T01:00:00Z')
  const code = DEMO_ITEMS[0]!.implementationCode
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: { now: () => new Date(now) } })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())
  const get = () => t.app.http.inject({ url: `/api/v1/catalog/items/${code}` })

  it('shows a retirement made elsewhere within a second', async () => {
    expect((await get()).statusCode).toBe(200)
    await t.app.database.db
      .updateTable('catalog_items')
      .set({ status: 'retired', published_version: null, updated_at: new Date(now).toISOString() })
      .where('implementation_code', '=', code)
      .execute()
    now += 500
    expect((await get()).statusCode).toBe(200)
    now += 600
    expect((await get()).statusCode).toBe(404)
  })
})
