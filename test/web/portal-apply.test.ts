import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import {
  SAMPLE_PDF,
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
} from '../approval/approval-support.js'
import { bearer, signInPerson, signInStaff } from '../support/demo.js'
import { seriousViolations } from './support/axe.js'
import { horizontalOverflow, measureElderly } from './support/page-checks.js'
import { openPage, startPortal, type Portal } from './support/portal.js'

const sample = START_COMPANY!
const DRAFTS = '/api/v1/approval/application-drafts/start_company'

interface Draft {
  form: { company?: { name?: string }; seal?: { needed?: boolean } }
}

/** A browser profile already signed in as the demo enterprise agent (tokens from the API). */
async function signedIn(
  portal: Portal,
  token: { accessToken: string; refreshToken: string },
  elderly = false,
) {
  const opened = await portal.newPage({ elderly })
  await opened.context.addInitScript(
    (session) => {
      localStorage.setItem('tongban.session', session)
    },
    JSON.stringify({ ...token, remember: true }),
  )
  return opened
}

describe('the portal in a browser: 在线办理 and 我的办件', { timeout: 120_000 }, () => {
  let portal: Portal
  let agent: { accessToken: string; refreshToken: string }
  let page: Page
  let context: BrowserContext
  let errors: string[]
  let applicationId = ''

  beforeAll(async () => {
    portal = await startPortal()
    agent = await signInPerson(portal.app, applicantIndex(sample.applicantIdNumber))
    ;({ page, context, errors } = await signedIn(portal, agent))
  }, 180_000)
  afterAll(async () => {
    await context?.close()
    await portal?.close()
  })

  it('resumes a draft saved on another device, checks fields inline with the reason, and hides what a condition hides', async () => {
    // Another device saved most of the form; the company name is still missing.
    const company = { ...(sample.form.company as object), name: undefined }
    const saved = await portal.app.http.inject({
      method: 'PUT',
      url: DRAFTS,
      headers: bearer(agent.accessToken),
      payload: { kind: 'bundle', form: { ...sample.form, company } },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    await openPage(page, '/bundles/start_company')
    await page.getByRole('link', { name: '在线办理' }).click()
    await page.waitForURL(/\/apply\/bundles\/start_company$/)
    await page.getByText('已恢复您在').waitFor()
    expect(await page.locator('#f-legalRepresentative-name').inputValue()).toBe(
      (sample.form.legalRepresentative as { name: string }).name,
    )

    await page.getByRole('button', { name: '提交申请' }).click()
    await page.getByText('请填写企业名称').waitFor()
    await page.getByText('还有 1 处需要修改').waitFor()
    const name = page.locator('#f-company-name')
    await name.fill('示范')
    await name.blur()
    await page.getByText('企业名称至少 4 个字').waitFor()
    const phone = page.locator('#f-applicant-phone')
    await phone.fill('12345')
    await phone.blur()
    await page.getByText('须为11位手机号码').waitFor()
    await phone.fill((sample.form.applicant as { phone: string }).phone)

    // 公章刻制 fields are asked only when seals are wanted.
    expect(await page.locator('#f-seal-engraver').count()).toBe(1)
    await page.locator('#f-seal-needed').getByText('否').click()
    expect(await page.locator('#f-seal-engraver').count()).toBe(0)
    await page.locator('#f-seal-needed').getByText('是').click()
    await page.locator('#f-seal-engraver').waitFor()
    await name.fill('示范市星河数智科技有限公司')
    await page.getByText('草稿已于').waitFor()
    // Autosaved a moment after the last keystroke: another device would resume from here.
    const savedName = async () => {
      const res = await portal.app.http.inject({ url: DRAFTS, headers: bearer(agent.accessToken) })
      return res.json<Draft>().form.company?.name
    }
    await expect.poll(savedName, { timeout: 10_000 }).toBe('示范市星河数智科技有限公司')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('submits, uploads a material with progress, and opens the application in 我的办件', async () => {
    await page.getByRole('button', { name: '提交申请' }).click()
    await page.getByText(/申请已提交，办件编号/).waitFor()
    const upload = page.locator('input[type=file]').first()
    await upload.setInputFiles({
      name: '营业执照申请书.pdf',
      mimeType: 'application/pdf',
      buffer: SAMPLE_PDF,
    })
    await page.getByText('已提交', { exact: true }).first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    // Submitted: the draft is gone.
    const draft = await portal.app.http.inject({ url: DRAFTS, headers: bearer(agent.accessToken) })
    expect(draft.statusCode).toBe(404)

    await page.getByRole('link', { name: '完成，查看我的办件' }).click()
    await page.waitForURL(/\/my\/applications\/[^/]+$/)
    applicationId = new URL(page.url()).pathname.split('/').pop() ?? ''
    await page.getByRole('heading', { name: '办理进度' }).waitFor()
    await page.getByText('提交申请').first().waitFor()
    await openPage(page, '/my/applications')
    await page.getByRole('link', { name: '企业开办“一件事”' }).first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  it('shows the merged correction notice, and the corrected form goes back to the department', async () => {
    const api = approvalClient(portal.app)
    const clerk = await signInStaff(portal.app, 'market.li')
    const task = (await api.queue(clerk)).find((x) => x.application_id === applicationId)!
    expectOk(await api.claim(clerk, task.id))
    expectOk(
      await api.call('POST', `/tasks/${task.id}/correction`, clerk, {
        fields: [{ pointer: '/companyName', reason: '名称含禁用字词“星河”' }],
      }),
    )
    await openPage(page, `/my/applications/${applicationId}`)
    await page.getByRole('heading', { name: '一次性补正告知' }).waitFor()
    await page.getByText('名称含禁用字词“星河”').waitFor()
    await page.getByText('企业信息 › 企业名称').waitFor()
    // Only the fields to fix are asked again.
    expect(await page.locator('#f-legalRepresentative-name').count()).toBe(0)
    await page.locator('#f-company-name').fill('示范市云帆数智科技有限公司')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: '修改完成，重新提交' }).click()
    await page.getByRole('heading', { name: '一次性补正告知' }).waitFor({ state: 'detached' })
    await page.getByText('补正后重新提交').first().waitFor()
    const view = expectOk<{ status: string }>(await api.get(agent.accessToken, applicationId))
    expect(view.status).toBe('in_progress')
    expect(errors).toEqual([])
  })

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const phone = await signedIn(portal, agent)
    await phone.page.setViewportSize({ width: 360, height: 800 })
    for (const path of ['/apply/bundles/start_company', `/my/applications/${applicationId}`]) {
      await openPage(phone.page, path)
      expect(await phone.page.evaluate(horizontalOverflow), path).toBeLessThanOrEqual(0)
    }
    await phone.context.close()
  })

  it('meets the 适老化 rules on the wizard', async () => {
    const elderly = await signedIn(portal, agent, true)
    await openPage(elderly.page, '/apply/bundles/start_company')
    await elderly.page.locator('#f-company-name').waitFor()
    const report = await elderly.page.evaluate(measureElderly)
    expect(report.smallText).toEqual([])
    expect(report.smallTargets).toEqual([])
    expect(report.lowContrast).toEqual([])
    expect(report.floating).toEqual([])
    await elderly.context.close()
  })
})
