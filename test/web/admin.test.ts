import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_PASSWORD,
  DEMO_STAFF,
  bearer,
  signIn,
  signInStaff,
  staffPhone,
} from '../support/demo.js'
import { seriousViolations } from './support/axe.js'
import { startPortal, type Portal } from './support/portal.js'

const NEW_ACCOUNT = 'market.admin.test'
const NEW_NAME = '管理测试'

/** Picks an option of the open antd Select (its list is drawn outside the field). */
async function pickOption(page: Page, label: string) {
  await page.locator(`.ant-select-item-option[title="${label}"]`).click()
}

/** A page already signed in as the demo staff account: the session the sign-in page would leave. */
async function adminPage(portal: Portal, account: string) {
  const opened = await portal.newPage()
  const tokens = await signIn(portal.app, 'staff', account, staffPhone(account))
  const session = JSON.stringify({ ...tokens, remember: false })
  await opened.context.addInitScript(
    (value) => sessionStorage.setItem('tongban.session', value),
    session,
  )
  return opened
}

describe('the admin console in a browser', { timeout: 120_000 }, () => {
  let portal: Portal

  beforeAll(async () => {
    portal = await startPortal()
  })
  afterAll(() => portal?.close())

  it('lets the system admin create a staff member, and shows no audit page', async () => {
    const { page, context, errors } = await adminPage(portal, 'sysadmin')
    await page.goto('/')
    await page.getByRole('link', { name: '管理', exact: true }).click()
    await page.getByRole('heading', { name: '部门', exact: true }).waitFor()
    const menu = page.getByRole('navigation', { name: '管理' })
    await expect(menu.getByRole('link', { name: '审计日志' }).count()).resolves.toBe(0)
    await menu.getByRole('link', { name: '工作人员与角色' }).click()
    await page.getByRole('heading', { name: '新建工作人员' }).waitFor()

    // A bad account name is refused by the server; the reason shows on the field.
    await page.getByLabel('账号').fill('Bad Account')
    await page.getByLabel('姓名').fill(NEW_NAME)
    await page.getByLabel('部门').click()
    await pickOption(page, '示范市市场监督管理局')
    await page.getByLabel('手机号').fill('13900007777')
    await page.getByLabel('初始密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: '新建工作人员' }).click()
    await page.locator('#account_help').waitFor()
    expect(await page.locator('#account_help').innerText()).not.toBe('')

    await page.getByLabel('账号').fill(NEW_ACCOUNT)
    await page.getByRole('button', { name: '新建工作人员' }).click()
    await page.getByRole('cell', { name: NEW_ACCOUNT, exact: true }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('draws the dashboards for the system admin, ECharts loaded with the page only', async () => {
    const { page, context, errors } = await adminPage(portal, 'sysadmin')
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url())
    })
    await page.goto('/')
    await page.getByRole('link', { name: '管理', exact: true }).waitFor()
    expect(scripts.filter((u) => /Dashboards|EChart|Admin/.test(u))).toEqual([])
    await page.goto('/admin/dashboards')
    const chart = page.getByRole('img', { name: '近 30 日每日申请数' })
    // Axis lines, ticks and the series: drawn as SVG paths (a flat line has no visible box).
    await chart.locator('svg path').first().waitFor({ state: 'attached' })
    expect(await chart.locator('svg path').count()).toBeGreaterThan(3)
    expect(await seriousViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('lets the security admin assign a role', async () => {
    const { page, context, errors } = await adminPage(portal, 'secadmin')
    await page.goto('/admin/staff')
    await page.getByRole('button', { name: `为${NEW_NAME}分配角色` }).click()
    const dialog = page.getByRole('dialog')
    // On a loaded machine a click can land while the drop-down still opens, picking nothing; the
    // form then refuses to submit and stays open: pick again.
    for (let attempt = 1; ; attempt++) {
      await dialog.getByLabel('角色').click()
      await pickOption(page, '窗口工作人员')
      await dialog.getByRole('button', { name: '分配角色' }).click()
      const closed = await dialog
        .waitFor({ state: 'hidden', timeout: 10_000 })
        .then(() => true)
        .catch(() => false)
      if (closed) break
      if (attempt === 3) throw new Error('the role dialog did not close after three picks')
    }
    const row = page.getByRole('row').filter({ hasText: NEW_ACCOUNT })
    await row.getByText('窗口工作人员').waitFor()
    // The system admin's create form is not the security admin's.
    expect(await page.getByRole('heading', { name: '新建工作人员' }).count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('lets the auditor find the assignment in the audit log and verify the chain', async () => {
    const { page, context, errors } = await adminPage(portal, 'auditor')
    await page.goto('/admin')
    await page.getByRole('heading', { name: '审计日志' }).waitFor()
    const menu = page.getByRole('navigation', { name: '管理' })
    expect(await menu.getByRole('link', { name: '工作人员与角色' }).count()).toBe(0)
    const staff = await portal.app.http.inject({
      url: '/api/v1/staff?limit=500',
      headers: bearer(await signInStaff(portal.app, 'sysadmin')),
    })
    const id = staff
      .json<Array<{ id: string; account: string }>>()
      .find((s) => s.account === NEW_ACCOUNT)?.id
    expect(id).toBeDefined()
    await page.getByLabel('操作', { exact: true }).fill('identity.role.assigned')
    await page.getByLabel('对象编号').fill(id ?? '')
    await page.getByRole('button', { name: '查询' }).click()
    const rows = page.locator('.admin-audit-table tbody tr.ant-table-row')
    await rows.first().waitFor()
    const texts = await rows.allInnerTexts()
    expect(texts).toHaveLength(1)
    expect(texts[0]).toContain('identity.role.assigned')
    expect(texts[0]).toContain(id)
    await page.getByRole('button', { name: '校验链' }).click()
    await page.getByText(/审计链完整：已校验 \d+ 条记录/).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows a catalog editor the published items and a preview of an item form', async () => {
    const editor = DEMO_STAFF.find((s) => (s.roles as readonly string[]).includes('catalog_editor'))
    const { page, context, errors } = await adminPage(portal, editor?.account ?? '')
    await page.goto('/admin')
    await page.getByRole('heading', { name: '已发布事项' }).waitFor()
    const menu = page.getByRole('navigation', { name: '管理' })
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['事项与表单'])
    await page.locator('.ant-table-row a').first().click()
    await page.getByRole('heading', { name: '表单预览' }).waitFor()
    await page.locator('.admin-page .ant-form-item').first().waitFor()
    expect(await page.getByLabel('表单 JSON Schema').inputValue()).toContain('"properties"')
    // The published process, drawn read-only by bpmn-js (its own chunk, loaded here only).
    const diagram = page.getByRole('figure', { name: '办理流程（只读）' })
    await diagram.locator('.djs-element').first().waitFor({ state: 'attached' })
    expect(await diagram.locator('[data-element-id]').count()).toBeGreaterThan(2)
    await page.mouse.move(0, 0) // axe judges the page at rest, not the link under the pointer
    expect(await seriousViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
