import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { buildApp, type App } from '../../src/app.js'
import type { Actor } from '../../src/platform/auth/principal.js'
import { loadConfig } from '../../src/platform/config.js'
import type { ItemContent } from '../../src/modules/catalog/index.js'
import { DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import { seedDemo } from '../../src/seed-demo.js'
import { personActor, staffActor } from './actors.js'
import { parallelProcessXml } from './parallel-process.js'

const DEPARTMENT = 'market'

export interface BenchApp {
  app: App
  /** Implementation code of the published item whose process is the parallel one. */
  itemCode: string
  applicant: Actor
  /** `dept_staff` in the item's department: may claim and decide every task of the process. */
  clerk: Actor
  dispose(): Promise<void>
}

/**
 * The composed app in this process (as `serve` builds it, without listening): the demo city on
 * SQLite in a fresh directory, or on the PostgreSQL database `databaseUrl`; plus a catalogue
 * item of the market department published with the `branches`-way parallel process.
 */
export async function openBenchApp(branches: number, databaseUrl?: string): Promise<BenchApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-core-'))
  const config = loadConfig({
    TONGBAN_DATA_DIR: dir,
    TONGBAN_SECRET: 'bench-secret-0123456789-abcdefghijklmnop',
    TONGBAN_LOG_LEVEL: 'silent',
    ...(databaseUrl ? { TONGBAN_DATABASE_URL: databaseUrl } : {}),
  })
  const app = await buildApp({ config, logger: pino({ level: 'silent' }) })
  const dispose = async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await seedDemo(app)
    const department = await app.identity.departments.findByCode(DEPARTMENT)
    if (!department) throw new Error(`the demo lacks the ${DEPARTMENT} department`)
    const itemCode = await publishParallelItem(app, department.id, branches)
    return {
      app,
      itemCode,
      applicant: personActor('bench-applicant'),
      clerk: staffActor('bench-clerk', department.id, ['dept_staff']),
      dispose,
    }
  } catch (error) {
    await dispose()
    throw error
  }
}

/** Drafts, attaches the process to and publishes one item, through the catalogue service. */
async function publishParallelItem(app: App, departmentId: string, branches: number) {
  const base = DEMO_ITEMS.find((i) => i.departmentCode === DEPARTMENT)
  if (!base) throw new Error(`no demo item of the ${DEPARTMENT} department`)
  const content: ItemContent = {
    ...base,
    implementationCode: `${base.implementationCode.slice(0, 40)}-PAR${branches}`,
    // The engine is what is measured: no materials to attach before each approval.
    materials: [],
    formSchema: {
      type: 'object',
      properties: { reference: { type: 'string', maxLength: 40 } },
      required: ['reference'],
    },
  }
  const editor = staffActor('bench-editor', departmentId, ['catalog_editor', 'catalog_publisher'])
  const draft = await app.catalog.items.createDraft(editor, content)
  await app.catalog.items.attachProcess(editor, draft.id, 1, parallelProcessXml(branches))
  await app.catalog.items.publish(editor, draft.id, 1)
  return content.implementationCode
}

/** Submits one application for the item: one transaction starting its case's process. */
export function submitItem(bench: BenchApp, reference: string) {
  return bench.app.approval.submissions.submit(bench.applicant, {
    kind: 'item',
    code: bench.itemCode,
    form: { reference },
  })
}
