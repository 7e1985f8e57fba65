import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { ensureWebBuilt } from '../../../src/cli/web-build.js'
import { systemClock } from '../../../src/platform/clock.js'
import type { App } from '../../../src/app.js'
import { createTestApp, type TestApp } from '../../support/app.js'
import { seedDemo } from '../../support/demo.js'

export const CHROMIUM = '/usr/bin/chromium'

/** The running portal: the app on an ephemeral port over SQLite with the demo city, and a browser. */
export interface Portal {
  app: App
  url: string
  browser: Browser
  /** A fresh browser profile (no storage) with the given viewport width. */
  newPage(options?: { width?: number; elderly?: boolean }): Promise<{
    context: BrowserContext
    page: Page
    /** Uncaught errors and console errors in the page, to assert none. */
    errors: string[]
  }>
  close(): Promise<void>
}

/**
 * Starts everything a browser test needs. Fails (never skips) without Debian's chromium: the
 * browser tests are part of `npm test`, and .ci/run installs it.
 */
export async function startPortal(): Promise<Portal> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `the browser tests need Debian's chromium at ${CHROMIUM}: apt-get install -y chromium`,
    )
  await ensureWebBuilt()
  let t: TestApp | undefined
  let browser: Browser | undefined
  try {
    t = await createTestApp({ dialect: 'sqlite', clock: systemClock })
    await seedDemo(t.app)
    await t.app.http.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.http.server.address() as AddressInfo
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    const started = { t, browser }
    const url = `http://127.0.0.1:${port}`
    return {
      app: t.app,
      url,
      browser,
      async newPage({ width = 1280, elderly = false } = {}) {
        const context = await started.browser.newContext({
          baseURL: url,
          viewport: { width, height: 900 },
          locale: 'zh-CN',
        })
        if (elderly) await context.addInitScript(() => localStorage.setItem('tongban.elderly', '1'))
        const page = await context.newPage()
        const errors: string[] = []
        page.on('pageerror', (error) => errors.push(error.message))
        // A refused request (401 for a wrong password) is the app's to show, not an error.
        page.on('console', (m) => {
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
            errors.push(m.text())
        })
        return { context, page, errors }
      },
      async close() {
        await started.browser.close()
        await started.t.dispose()
      },
    }
  } catch (error) {
    await browser?.close()
    await t?.dispose()
    throw error
  }
}

/** Opens a path and waits until its heading is shown and nothing is loading any more. */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await page.locator('h1').first().waitFor()
  await page.waitForFunction(() => !document.querySelector('.status-loading, .ant-spin'))
}
