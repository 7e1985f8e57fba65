import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressWebBuild } from '../../src/cli/web-compress.js'
import { createTestApp, type TestApp } from '../support/app.js'

describe('serving the built web app', () => {
  let t: TestApp
  let bare: TestApp
  const dir = mkdtempSync(join(tmpdir(), 'tongban-web-'))
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>')
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)')
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>')
    const big = `console.log(${JSON.stringify('通办'.repeat(2000))})`
    writeFileSync(join(dir, 'assets', 'big-def456.js'), big)
    precompressWebBuild(dir)
    t = await createTestApp({ dialect: 'sqlite', env: { TONGBAN_WEB_DIR: dir } })
    bare = await createTestApp({ dialect: 'sqlite', env: { TONGBAN_WEB_DIR: join(dir, 'none') } })
  })
  afterAll(async () => {
    await t.dispose()
    await bare.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves index.html at / and at any app path, never cached', async () => {
    for (const url of ['/', '/search?q=qykb', '/items/ABC-123', '/sign-in']) {
      const res = await t.app.http.inject({ url })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type']).toContain('text/html')
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.body).toContain('id="root"')
    }
  })

  it('serves hashed assets for a year and other files by name', async () => {
    const asset = await t.app.http.inject({ url: '/assets/index-abc123.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toContain('javascript')
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const icon = await t.app.http.inject({ url: '/favicon.svg' })
    expect(icon.statusCode).toBe(200)
    expect(icon.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it('sends the precompressed copy a client accepts: brotli, else gzip, else the file', async () => {
    const url = '/assets/big-def456.js'
    const original = await t.app.http.inject({ url })
    expect(original.headers['content-encoding']).toBeUndefined()
    const br = await t.app.http.inject({ url, headers: { 'accept-encoding': 'gzip, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('accept-encoding')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(original.body)
    expect(br.rawPayload.length).toBeLessThan(original.rawPayload.length / 10)
    const gz = await t.app.http.inject({ url, headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(original.body)
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    // Too small to be worth compressing: sent as it is.
    const small = await t.app.http.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br' },
    })
    expect(small.headers['content-encoding']).toBeUndefined()
  })

  it('answers unknown API paths and missing files with problem+json, not the app', async () => {
    for (const url of [
      '/api/v1/no-such-route',
      '/api',
      '/assets/gone-123.js',
      '/../package.json',
    ]) {
      const res = await t.app.http.inject({ url })
      expect(res.statusCode, url).toBe(404)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
    expect((await t.app.http.inject({ url: '/openapi.json' })).json().openapi).toBe('3.1.0')
    expect((await t.app.http.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' })
  })

  it('shows a landing page linking the API docs when the app is not built', async () => {
    const res = await bare.app.http.inject({ url: '/some/page' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('npm run build')
    expect(res.body).toContain('/docs')
  })
})
