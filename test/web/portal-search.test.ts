import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe.js'
import { horizontalOverflow } from './support/page-checks.js'
import { openPage, startPortal, type Portal } from './support/portal.js'

const PAGES = ['/', '/search?q=qykb', '/sign-in', '/bundles/start_company']

// A page load takes a second or two while the other test files keep both cores busy.
describe(
  'the portal in a browser: search, language, screens, accessibility',
  { timeout: 120_000 },
  () => {
    let portal: Portal
    beforeAll(async () => {
      portal = await startPortal()
    }, 180_000)
    afterAll(() => portal?.close())

    it('finds 企业开办 by typing qykb and shows its days, fee and materials before starting', async () => {
      const { page, errors, context } = await portal.newPage()
      await page.goto('/')
      await page.getByRole('searchbox', { name: '搜索事项' }).fill('qykb')
      await page.getByRole('searchbox', { name: '搜索事项' }).press('Enter')
      await page.waitForURL(/\/search\?q=qykb$/)
      const card = page.getByRole('article').filter({ hasText: '企业开办' })
      await card.waitFor()
      const text = await card.innerText()
      expect(text).toContain('一件事')
      expect(text).toContain('示范市市场监督管理局')
      expect(text).toMatch(/承诺时限\s*1 个工作日/)
      expect(text).toContain('不收费')
      expect(text).toMatch(/申请材料 \(共 \d+ 项\)/)
      expect(text).toContain('公司章程')
      expect(text).toContain('必交')
      await card.getByRole('link', { name: /企业开办/ }).click()
      await page.waitForURL(/\/bundles\/start_company$/)
      await page.getByRole('heading', { level: 3, name: '企业设立登记' }).waitFor()
      expect(errors).toEqual([])
      await context.close()
    })

    it('switches every text between Chinese and English', async () => {
      const { page, errors, context } = await portal.newPage()
      await openPage(page, '/search?q=qykb')
      await page.getByRole('article').first().waitFor()
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
      await page.getByRole('button', { name: 'Switch to English' }).click()
      await page.getByRole('heading', { level: 1, name: 'Find a service' }).waitFor()
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      const card = await page.getByRole('article').first().innerText()
      expect(card).toContain('Start a company')
      expect(card).toContain('1 working day')
      expect(card).toContain('Free of charge')
      expect(await page.getByRole('navigation').innerText()).toContain('Find a service')
      // Remembered on this device.
      await page.reload()
      await page.getByRole('heading', { level: 1, name: 'Find a service' }).waitFor()
      await page.getByRole('button', { name: '切换到中文' }).click()
      await page.getByRole('heading', { level: 1, name: '办事搜索' }).waitFor()
      expect(errors).toEqual([])
      await context.close()
    })

    it('fits 360 px and 1440 px screens without sideways scrolling and passes axe-core, in both modes', async () => {
      for (const elderly of [false, true]) {
        const { page, context } = await portal.newPage({ elderly })
        for (const path of PAGES) {
          const mode = elderly ? ' (elderly)' : ''
          await page.setViewportSize({ width: 1440, height: 800 })
          await openPage(page, path)
          expect(await seriousViolations(page), `${path}${mode}`).toEqual([])
          expect(await page.evaluate(horizontalOverflow), `${path} at 1440px${mode}`).toBe(0)
          await page.setViewportSize({ width: 360, height: 800 })
          await page.waitForFunction(() => window.innerWidth === 360)
          expect(await page.evaluate(horizontalOverflow), `${path} at 360px${mode}`).toBe(0)
        }
        await context.close()
      }
    })
  },
)
