import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { App } from '../../src/app.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
} from '../approval/approval-support.js'
import {
  DEMO_PASSWORD,
  bearer,
  latestCode,
  signIn,
  signInPerson,
  signInStaff,
  staffPhone,
} from '../support/demo.js'
import { seriousViolations } from './support/axe.js'
import { openPage, startPortal, type Portal } from './support/portal.js'

const sample = START_COMPANY!
const CLERK = 'market.li'

// A one-page PDF pdf.js can draw (it rebuilds the missing cross-reference table) and a 1×1 PNG.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n' +
    '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
)
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

interface QueueRow {
  id: string
  case_id: string
  application_id: string
  case_number: string
  item_code: string
}

/** Uploads a file and attaches it for every required material of the market case. */
async function supplyMarket(app: App, token: string, applicationId: string, itemCode: string) {
  const api = approvalClient(app)
  const upload = async (content: Buffer, type: string, name: string) =>
    expectOk<{ id: string }>(
      await app.http.inject({
        method: 'POST',
        url: '/api/v1/approval/materials',
        headers: { ...bearer(token), 'content-type': type, 'x-file-name': name },
        payload: content,
      }),
      201,
    ).id
  const files = [
    await upload(PNG, 'image/png', 'id-card.png'),
    await upload(PDF, 'application/pdf', 'charter.pdf'),
  ]
  const url = `/applications/${applicationId}/materials`
  const checklist = expectOk<
    Array<{ implementationCode: string; materials: Array<{ code: string; required: boolean }> }>
  >(await api.call('GET', url, token))
  const market = checklist.find((c) => c.implementationCode === itemCode)!
  for (const [index, m] of market.materials.filter((x) => x.required).entries()) {
    const body = { item: itemCode, code: m.code, materialId: files[index % 2] }
    expectOk(await api.call('POST', url, token, body), 201)
  }
}

/** Signs a demo staff member in through the sign-in page: account, password, texted code. */
async function signInAsStaff(portal: Portal, page: Page, account: string) {
  await page.goto('/sign-in')
  await page.getByText('工作人员', { exact: true }).click()
  await page.getByLabel('工作人员账号').fill(account)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '下一步' }).click()
  const code = page.getByLabel('短信验证码')
  await code.waitFor()
  await code.fill(await latestCode(portal.app, staffPhone(account)))
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.getByRole('button', { name: '退出登录' }).waitFor()
}

/** A page already signed in as staff (the clerk unless named): the session the sign-in page would leave, set up front. */
async function staffPage(portal: Portal, account = CLERK) {
  const opened = await portal.newPage()
  const tokens = await signIn(portal.app, 'staff', account, staffPhone(account))
  const session = JSON.stringify({ ...tokens, remember: false })
  await opened.context.addInitScript(
    (value) => sessionStorage.setItem('tongban.session', value),
    session,
  )
  return opened
}

describe('the staff workbench in a browser', { timeout: 120_000 }, () => {
  let portal: Portal
  let toCorrect: QueueRow
  let toApprove: QueueRow
  let extended: QueueRow

  beforeAll(async () => {
    portal = await startPortal()
    const { app } = portal
    const applicant = (await signInPerson(app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    const submit = async () =>
      expectOk<{ id: string }>(
        await approvalClient(app).submit(applicant, {
          kind: 'bundle',
          code: 'start_company',
          form: sample.form,
        }),
        201,
      ).id
    const [first, second, third, fourth] = [
      await submit(),
      await submit(),
      await submit(),
      await submit(),
    ]
    const clerk = await signInStaff(app, CLERK)
    const queue = expectOk<QueueRow[]>(
      await approvalClient(app).call('GET', '/tasks?sort=urgency', clerk),
    )
    toCorrect = queue.find((r) => r.application_id === first)!
    toApprove = queue.find((r) => r.application_id === second)!
    extended = queue.find((r) => r.application_id === third)!
    // The fourth's market case is decided through its three steps, then rated 1: a work order.
    const rated = queue.find((r) => r.application_id === fourth)!
    await supplyMarket(app, applicant, fourth, rated.item_code)
    const approver = await signInStaff(app, 'market.zhou')
    for (const token of [clerk, clerk, approver]) {
      const open = expectOk<QueueRow[]>(await approvalClient(app).call('GET', '/tasks', token))
      const step = open.find((r) => r.application_id === fourth)!
      expectOk(await approvalClient(app).decide(token, step.id, true))
    }
    await app.runner.drain() // the licence service task finishes the case
    expectOk(
      await approvalClient(app).call('POST', `/cases/${rated.case_id}/rating`, applicant, {
        score: 1,
        comment: '等待太久',
      }),
      201,
    )
    // The clerk asks for a 延期 on the third: the department's approver decides it.
    expectOk(await approvalClient(app).claim(clerk, extended.id))
    expectOk(
      await approvalClient(app).call('POST', `/tasks/${extended.id}/extension`, clerk, {
        days: 5,
        reason: '需要现场核查',
      }),
    )
    await supplyMarket(app, applicant, second, toApprove.item_code)
  }, 180_000)
  afterAll(() => portal?.close())

  it('shows staff the queue with each case’s state and days left, filters it, and the work orders', async () => {
    const { page, context, errors } = await portal.newPage()
    await signInAsStaff(portal, page, CLERK)
    await page.getByRole('link', { name: '工作台' }).click()
    await page.getByRole('heading', { name: '部门待办' }).waitFor()
    const row = page.getByRole('row').filter({ hasText: toCorrect.case_number })
    await row.waitFor()
    expect(await row.locator('[data-sla]').getAttribute('data-sla')).toBe('green')
    expect(await row.innerText()).toMatch(/正常 · 剩 \d+ 个工作日/)
    expect(await row.innerText()).toContain('网上办')
    expect(await row.innerText()).toContain('待签收')
    expect(await seriousViolations(page)).toEqual([])

    // Filtering by a channel nobody used empties the queue.
    await page.getByLabel('受理渠道').click()
    await page.getByTitle('窗口', { exact: true }).click()
    await page.getByText('没有待办任务').first().waitFor()

    // Rectification work orders from bad ratings, each step with its clock.
    await page.getByRole('link', { name: '差评整改' }).click()
    await page.getByRole('heading', { name: '差评整改工单' }).waitFor()
    const order = page.getByRole('row').filter({ hasText: '待响应' })
    await order.waitFor()
    expect(await order.locator('[data-sla]').count()).toBe(3)
    expect(await order.innerText()).toMatch(/剩 \d+ 个工作日/)
    expect(await seriousViolations(page)).toEqual([])
    await order.getByLabel('响应 说明').fill('已联系申请人说明情况')
    await order.getByRole('button', { name: '响应' }).click()
    await page.getByRole('row').filter({ hasText: '已响应' }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('asks for a correction with the field picker, refusing a picked field without a reason', async () => {
    const { page, context, errors } = await staffPage(portal)
    await openPage(page, `/workbench/tasks/${toCorrect.id}`)
    await page.getByRole('button', { name: '签收' }).click()
    const ask = page.getByRole('button', { name: '要求补正' })
    await ask.waitFor()
    await page.getByRole('button', { name: '签收' }).waitFor({ state: 'detached' })
    await ask.click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    // Fields are offered by their titles in the item's form schema.
    const field = dialog.getByRole('checkbox', { name: '企业名称', exact: true })
    await field.check()
    const sent: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/correction')) sent.push(r.url())
    })
    await dialog.getByRole('button', { name: '提交' }).click()
    await dialog.getByText(/请填写.*补正理由/).waitFor()
    expect(sent).toEqual([])
    await dialog.getByLabel(/补正理由/).fill('与营业执照不一致，请核对')
    const done = page.waitForResponse((r) => r.url().endsWith('/correction'))
    await dialog.getByRole('button', { name: '提交' }).click()
    expect((await done).status()).toBe(200)
    await page.getByText('申请人补正中').waitFor()
    // While the applicant corrects, nothing can be decided; the history shows the request.
    await page.locator('.workbench-timeline li', { hasText: '要求补正' }).waitFor()
    await page.getByRole('button', { name: '同意', exact: true }).waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '要求补正' }).waitFor({ state: 'detached' })
    expect(await seriousViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('previews the materials inline and approves another task', async () => {
    const { page, context, errors } = await staffPage(portal)
    await openPage(page, `/workbench/tasks/${toApprove.id}`)
    const previews = page.getByRole('button', { name: '预览' })
    await previews.first().waitFor()
    for (const button of await previews.all()) await button.click()
    await page.locator('img.material-image[alt="id-card.png"]').first().waitFor()
    // The PDF is drawn by pdf.js into a PNG image of its first page.
    const pdfPage = page.locator('.material-pdf img').first()
    await pdfPage.waitFor()
    expect(await pdfPage.getAttribute('src')).toMatch(/^data:image\/png;base64,/)

    // A refusal is shown as the server words it (problem+json), in the dialog.
    await page.getByRole('button', { name: '签收' }).click()
    await page.getByRole('button', { name: '转办' }).click()
    const transfer = page.getByRole('dialog')
    // Colleagues are picked by name; 孙志强 is the department's admin, not a clerk of this step.
    await transfer.getByLabel('同事').fill('孙')
    await page.locator('.ant-select-item-option', { hasText: '孙志强（market.sun）' }).click()
    const refused = page.waitForResponse((r) => r.url().endsWith('/hand-over'))
    await transfer.getByRole('button', { name: '提交' }).click()
    expect((await refused).status()).toBeGreaterThanOrEqual(400)
    await transfer.locator('.problem-alert').waitFor()
    await transfer.getByRole('button', { name: '取消' }).click()
    await transfer.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: '同意', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('办理意见（选填）').fill('材料齐全，同意')
    const done = page.waitForResponse((r) => r.url().endsWith('/decision'))
    await dialog.getByRole('button', { name: '提交' }).click()
    expect((await done).status()).toBe(200)
    await page.getByText('当前没有可执行的操作').waitFor()
    expect(await page.getByText('已办').count()).toBeGreaterThan(0)
    expect(await seriousViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('lets the department’s approver grant an extension the clerk asked for', async () => {
    const { page, context, errors } = await staffPage(portal, 'market.zhou')
    await page.goto('/workbench')
    const row = page.getByRole('row').filter({ hasText: extended.case_number })
    await row.getByText('延期待批').waitFor()
    await row.getByRole('link', { name: extended.case_number }).click()
    await page.getByText('延期申请：5 个工作日，理由：需要现场核查').waitFor()
    const decided = page.waitForResponse((r) => r.url().endsWith('/extension/decision'))
    await page.getByRole('button', { name: '同意延期', exact: true }).click()
    expect((await decided).status()).toBe(200)
    await page.getByText('延期申请：5 个工作日', { exact: false }).waitFor({ state: 'detached' })
    expect(errors).toEqual([])
    await context.close()
  })
})
