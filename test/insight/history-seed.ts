import type { App } from '../../src/app.js'
import { DEMO_BUNDLES, DEMO_ITEMS, DEMO_PROCESSES } from '../../src/modules/catalog/demo/index.js'
import { DEMO_DEPARTMENTS } from '../../src/modules/identity/demo/index.js'
import { DEMO_PASSWORD, DEMO_PERSONS, DEMO_STAFF, staffPhone } from '../support/demo.js'

const actor = (assignments: Array<{ role: string; departmentId: string | null }>) => ({
  principal: {
    id: 'seed',
    kind: 'staff' as const,
    sessionId: 'seed',
    channel: 'counter' as const,
    assignments,
  },
  requestId: 'seed-insight',
  channel: 'counter' as const,
})

/**
 * The part of the demo city the 企业开办 bundle needs (faster than seedDemo): every department,
 * the given staff, the applicant, the bundle's member items with their processes, the bundle.
 */
export async function seedStartCompany(app: App, accounts: string[], applicantIdNumber: string) {
  const platform = actor([
    { role: 'system_admin', departmentId: null },
    { role: 'security_admin', departmentId: null },
  ])
  const ids = new Map<string, string>()
  for (const d of DEMO_DEPARTMENTS) {
    const created = await app.identity.organisation.createDepartment(platform, {
      code: d.code,
      nameZh: d.name.zh,
      nameEn: d.name.en,
      creditCode: d.creditCode,
      address: d.address,
      phone: d.phone,
    })
    ids.set(d.code, created.id)
  }
  for (const account of accounts) {
    const s = DEMO_STAFF.find((x) => x.account === account)
    if (!s?.departmentCode) throw new Error(`no demo staff ${account}`)
    const departmentId = ids.get(s.departmentCode) ?? null
    const staff = await app.identity.organisation.createStaff(platform, {
      account,
      name: s.name,
      departmentId,
      phone: staffPhone(account),
      password: DEMO_PASSWORD,
    })
    for (const role of s.roles)
      await app.identity.organisation.assignRole(platform, staff.id, role, departmentId)
  }
  const person = DEMO_PERSONS.find((p) => p.idNumber === applicantIdNumber)!
  await app.identity.registration.registerPerson(platform, {
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    password: DEMO_PASSWORD,
  })
  const bundle = DEMO_BUNDLES.find((b) => b.code === 'start_company')!
  const members = new Set(bundle.members.map((m) => m.implementationCode))
  const editor = actor(
    [...ids.values()].flatMap((departmentId) => [
      { role: 'catalog_editor', departmentId },
      { role: 'catalog_publisher', departmentId },
    ]),
  )
  for (const content of DEMO_ITEMS.filter((i) => members.has(i.implementationCode))) {
    const draft = await app.catalog.items.createDraft(editor, content)
    await app.catalog.items.attachProcess(
      editor,
      draft.id,
      1,
      DEMO_PROCESSES[content.implementationCode]!,
    )
    await app.catalog.items.publish(editor, draft.id, 1)
  }
  const draft = await app.catalog.bundles.createDraft(editor, 'market', bundle)
  await app.catalog.bundles.publish(editor, draft.id, 1)
}
