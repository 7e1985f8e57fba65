import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DEMO_PERSONS, latestCode } from '../support/demo.js'
import { measureElderly, type ElderlyReport } from './support/page-checks.js'
import { openPage, startPortal, type Portal } from './support/portal.js'

const PERSON = DEMO_PERSONS[0]!

/** Signs in through the UI: ID number and password, then the code from the demo SMS outbox. */
async function signIn(portal: Portal, page: Page, remember = false) {
  await page.goto('/sign-in')
  await page.getByLabel('身份证号码').fill(PERSON.idNumber)
  await page.getByLabel('密码').fill('Tongban@2026')
  if (remember) await page.getByLabel('记住这台设备').check()
  await page.getByRole('button', { name: '下一步' }).click()
  const code = page.getByLabel('短信验证码')
  await code.waitFor()
  expect(await page.getByRole('alert').first().innerText()).toContain('138****')
  await code.fill(await latestCode(portal.app, PERSON.phone))
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.getByRole('button', { name: '退出登录' }).waitFor()
}

function expectElderlyRules(report: ElderlyReport, where: string) {
  expect(report.textElements, where).toBeGreaterThan(5)
  expect(report.targets, where).toBeGreaterThan(3)
  expect(report.smallText, where).toEqual([])
  expect(report.tightLines, where).toEqual([])
  expect(report.smallTargets, where).toEqual([])
  expect(report.lowContrast, where).toEqual([])
  expect(report.floating, where).toEqual([])
}

// A page load takes a second or two while the other test files keep both cores busy.
describe('the portal in a browser: sign-in and 长辈版 (elderly mode)', { timeout: 120_000 }, () => {
  let portal: Portal
  beforeAll(async () => {
    portal = await startPortal()
  }, 180_000)
  afterAll(() => portal?.close())

  it('signs in with a password, then the texted one-time code', async () => {
    const { page, context, errors } = await portal.newPage()
    await page.goto('/sign-in')
    await page.getByRole('button', { name: '下一步' }).click()
    expect(await page.getByText('请填写身份证号码').count()).toBe(1)
    await page.getByLabel('身份证号码').fill(PERSON.idNumber)
    await page.getByLabel('密码').fill('wrong-password')
    await page.getByRole('button', { name: '下一步' }).click()
    await page.locator('.form-alert').waitFor()
    expect(await page.getByLabel('短信验证码').count()).toBe(0)
    await signIn(portal, page)
    expect(new URL(page.url()).pathname).toBe('/')
    // Not remembered: the session lives in this tab only.
    expect(await page.evaluate(() => localStorage.getItem('tongban.session'))).toBeNull()
    expect(await page.evaluate(() => sessionStorage.getItem('tongban.session'))).toContain(
      'accessToken',
    )
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByRole('link', { name: '登录' }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('remembers this device when asked: the session survives a new tab', async () => {
    const { page, context } = await portal.newPage()
    await signIn(portal, page, true)
    expect(await page.evaluate(() => localStorage.getItem('tongban.session'))).toContain(
      'refreshToken',
    )
    const second = await context.newPage()
    await second.goto('/')
    await second.getByRole('button', { name: '退出登录' }).waitFor()
    await context.close()
  })

  it('meets the 适老化 rules on every portal page, measured in the page', async () => {
    const { page, context, errors } = await portal.newPage({ width: 1280, elderly: true })
    for (const path of ['/', '/search?q=qykb', '/sign-in', '/bundles/start_company']) {
      await openPage(page, path)
      expect(await page.locator('html').getAttribute('data-elderly')).toBe('')
      expectElderlyRules(await page.evaluate(measureElderly), path)
    }
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps a signed-in user’s elderly mode on the server: after a reload and on another device', async () => {
    const { page, context } = await portal.newPage()
    await signIn(portal, page)
    const toggle = page.getByRole('button', { name: '长辈版' })
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PATCH',
    )
    await toggle.click()
    expect((await saved).status()).toBe(200)
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await page.reload()
    await page.getByRole('button', { name: '退出登录' }).waitFor()
    expect(await page.locator('html').getAttribute('data-elderly')).toBe('')
    expectElderlyRules(await page.evaluate(measureElderly), 'home, signed in')
    await context.close()

    // A fresh browser profile knows nothing; signing in brings the saved choice.
    const other = await portal.newPage()
    expect(
      await other.page
        .goto('/')
        .then(() => other.page.locator('html').getAttribute('data-elderly')),
    ).toBeNull()
    await signIn(portal, other.page)
    await other.page.locator('html[data-elderly]').waitFor()
    const off = other.page.waitForResponse((r) => r.request().method() === 'PATCH')
    await other.page.getByRole('button', { name: '长辈版' }).click()
    await off
    expect(await other.page.locator('html').getAttribute('data-elderly')).toBeNull()
    await other.context.close()
  })

  it('reads the page aloud through the Web Speech API where the browser has it', async () => {
    const { page, context } = await portal.newPage()
    await context.addInitScript(() => {
      const spoken: Array<{ text: string; lang: string }> = []
      Object.assign(window, { spoken })
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        spoken.push({ text: u.text, lang: u.lang })
      }
    })
    await page.goto('/search?q=qykb')
    await page.getByRole('article').first().waitFor()
    await page.getByRole('button', { name: '朗读本页' }).click()
    const spoken = await page.evaluate(
      () => (window as unknown as { spoken: Array<{ text: string; lang: string }> }).spoken,
    )
    expect(spoken).toHaveLength(1)
    expect(spoken[0]!.lang).toBe('zh-CN')
    expect(spoken[0]!.text).toContain('办事搜索')
    expect(spoken[0]!.text).toContain('企业开办')
    expect(await page.getByRole('button', { name: '停止朗读' }).count()).toBe(1)

    // Without the API the button is not offered.
    const bare = await portal.newPage()
    await bare.context.addInitScript(() => {
      Reflect.deleteProperty(window, 'speechSynthesis')
    })
    await bare.page.goto('/')
    await bare.page.locator('h1').waitFor()
    expect(await bare.page.getByRole('button', { name: '朗读本页' }).count()).toBe(0)
    await bare.context.close()
    await context.close()
  })
})
