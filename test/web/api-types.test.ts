import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { API_TYPES_FILE, renderApiTypes } from '../../src/cli/api-types.js'

describe("the web client's API types", () => {
  it('match the OpenAPI document the server publishes now (else: npm run gen:api)', async () => {
    const generated = readFileSync(API_TYPES_FILE, 'utf8')
    const fresh = await renderApiTypes()
    expect(fresh === generated, `${API_TYPES_FILE} is stale: run npm run gen:api`).toBe(true)
  })
})
