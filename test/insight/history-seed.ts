import type { App } from '../../src/app.js'
import { DEMO_BUNDLES, DEMO_ITEMS, DEMO_PROCESSES } from '../../src/modules/catalog/demo/index.js'
import { seedActor, seedPeople } from './insight-support.js'

/**
 * The part of the demo city the 企业开办 bundle needs (faster than seedDemo): every department,
 * the given staff, the applicant, the bundle's member items with their processes, the bundle.
 */
export async function seedStartCompany(app: App, accounts: string[], applicantIdNumber: string) {
  const ids = await seedPeople(app, {
    departments: 'all',
    accounts,
    citizenIdNumber: applicantIdNumber,
  })
  const bundle = DEMO_BUNDLES.find((b) => b.code === 'start_company')!
  const members = new Set(bundle.members.map((m) => m.implementationCode))
  const editor = seedActor(
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
