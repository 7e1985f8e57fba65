import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  supplyMaterials,
} from '../approval/approval-support.js'
import { signInPerson, signInStaff } from '../support/demo.js'
import { seriousViolations } from './support/axe.js'
import { measureElderly } from './support/page-checks.js'
import { openPage, startPortal, type Portal } from './support/portal.js'

const sample = START_COMPANY!

describe(
  'the portal in a browser: 我的办件 after the departments decide',
  { timeout: 120_000 },
  () => {
    let portal: Portal
    let token: { accessToken: string; refreshToken: string }
    let licensed = ''
    let running = ''

    /** A page signed in as the applicant (tokens from the API, kept as 记住这台设备 would). */
    async function applicantPage(elderly = false): Promise<{ page: Page; close(): Promise<void> }> {
      const { page, context } = await portal.newPage({ elderly })
      await context.addInitScript(
        (session) => {
          localStorage.setItem('tongban.session', session)
        },
        JSON.stringify({ ...token, remember: true }),
      )
      return { page, close: () => context.close() }
    }

    beforeAll(async () => {
      portal = await startPortal()
      const app = portal.app
      const api = approvalClient(app)
      token = await signInPerson(app, applicantIndex(sample.applicantIdNumber))
      const submit = async () =>
        expectOk<{ id: string }>(
          await api.submit(token.accessToken, {
            kind: 'bundle',
            code: 'start_company',
            form: sample.form,
          }),
          201,
        ).id
      licensed = await submit()
      running = await submit()
      await supplyMaterials(app, token.accessToken, licensed)
      const clerk = await signInStaff(app, 'market.li')
      const approver = await signInStaff(app, 'market.zhou')
      for (const staff of [clerk, clerk, approver]) {
        const task = (await api.queue(staff)).find((x) => x.application_id === licensed)
        if (!task) throw new Error('no market task')
        expectOk(await api.decide(staff, task.id, true))
      }
      await app.runner.drain()
    }, 180_000)
    afterAll(() => portal?.close())

    it('shows the licence received with its QR code and a verify link, and rates the finished item', async () => {
      const { page, close } = await applicantPage()
      await openPage(page, `/my/applications/${licensed}`)
      await page.getByRole('heading', { name: '获得的电子证照' }).waitFor()
      await page.getByRole('img', { name: /二维码/ }).waitFor()
      const href = await page.getByRole('link', { name: '核验证照' }).getAttribute('href')
      const verified = await page.request.get(href ?? '')
      expect(verified.status()).toBe(200)
      expect(((await verified.json()) as { signatureValid: boolean }).signatureValid).toBe(true)

      await page.getByRole('heading', { name: /为 企业设立登记 的办理评分/ }).waitFor()
      await page.getByText('4', { exact: true }).click()
      await page.getByLabel('评价内容（可选）').fill('全程网办，很方便')
      await page.getByRole('button', { name: '提交评价' }).click()
      await page.getByText('感谢评价：4 分').waitFor()
      // Read back from the server: still there after a reload.
      await openPage(page, `/my/applications/${licensed}`)
      await page.getByText('感谢评价：4 分').waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await close()
    })

    it('reuses a held licence for a material, urges only where the server allows it, and withdraws with a reason', async () => {
      const { page, close } = await applicantPage()
      await openPage(page, `/my/applications/${running}`)
      await page.getByRole('button', { name: /催办：企业设立登记/ }).click()
      await page.getByText(/仅可对超过承诺时限的办件催办/).waitFor()
      // 免提交: the business licence the first application brought stands in for a material.
      await page
        .getByRole('button', { name: /使用我的证照（免提交）/ })
        .first()
        .click()
      await page.getByText('已用电子证照代替（免提交）').first().waitFor()
      await page.getByRole('button', { name: '撤回申请' }).click()
      await page.getByLabel('撤回原因').fill('名称需重新核准')
      await page.getByRole('button', { name: '确认撤回' }).click()
      await page.locator('.ant-tag', { hasText: '已撤回' }).first().waitFor()
      const view = expectOk<{ status: string }>(
        await approvalClient(portal.app).get(token.accessToken, running),
      )
      expect(view.status).toBe('withdrawn')
      await close()
    })

    it('meets the 适老化 rules on 我的办件', async () => {
      const { page, close } = await applicantPage(true)
      for (const path of ['/my/applications', `/my/applications/${licensed}`]) {
        await openPage(page, path)
        const report = await page.evaluate(measureElderly)
        expect(report.smallText, path).toEqual([])
        expect(report.smallTargets, path).toEqual([])
        expect(report.lowContrast, path).toEqual([])
        expect(report.floating, path).toEqual([])
      }
      await close()
    })
  },
)
