import pino from 'pino'
import type { App } from '../../src/app.js'
import { buildApp } from '../../src/app.js'
import type { Actor, RoleAssignment } from '../../src/platform/auth/principal.js'
import type { Config } from '../../src/platform/config.js'
import { loadConfig } from '../../src/platform/config.js'
import { computeCreditCodeCheckChar } from '../../src/platform/standards/index.js'
import { DEMO_DEPARTMENTS } from '../../src/modules/identity/demo/index.js'
import type { ImportRow } from '../../src/modules/policy/index.js'
import type { Enterprise } from './enterprises.js'
import type { Policy } from './policies.js'
import { FACTS, factValuesOf, POLICY_DEPARTMENTS, policyYaml } from './policy-yaml.js'

/** Rows per importFacts call: the HTTP route's limit, though the service has none. */
const IMPORT_BATCH = 5_000

const log = (line: string): void => void process.stderr.write(`policy: ${line}\n`)

/** The app's settings on a data directory: silent, the audit sealed rarely (it is not measured). */
export function benchConfig(dataDir: string): Config {
  return loadConfig({
    TONGBAN_DATA_DIR: dataDir,
    TONGBAN_SECRET: 'bench-secret-0123456789-abcdefghijklmnop',
    TONGBAN_LOG_LEVEL: 'silent',
    TONGBAN_AUDIT_SEAL_INTERVAL_MS: '60000',
  })
}

export function openBenchApp(dataDir: string): Promise<App> {
  return buildApp({ config: benchConfig(dataDir), logger: pino({ level: 'silent' }) })
}

/** A GB 32100 code for enterprise number `index`: 91 (company), its region, the number, check. */
export function creditCodeOf(index: number, region: string): string {
  const first17 = `91${region}${String(index).padStart(9, '0')}`
  return first17 + computeCreditCodeCheckChar(first17)
}

/** The enterprise number a bench credit code carries (characters 9–17). */
export const indexOfCreditCode = (code: string): number => Number(code.slice(8, 17))

function actor(id: string, assignments: RoleAssignment[]): Actor {
  return {
    principal: { id, kind: 'staff', sessionId: 'bench', channel: 'web', assignments },
    requestId: 'bench',
    channel: 'web',
  }
}

/**
 * Everything the matching job needs and nothing else: the departments the policies belong to
 * (through the organisation service), the generated policies submitted as YAML and published by
 * a policy officer, and every enterprise's facts imported by a data officer. No register
 * enterprises, so each enterprise's facts are only the imported ones and no SMS is sent.
 */
export async function seedMatching(
  app: App,
  enterprises: readonly Enterprise[],
  policies: readonly Policy[],
): Promise<void> {
  const admin = actor('bench-admin', [{ role: 'system_admin', departmentId: null }])
  const assignments: RoleAssignment[] = []
  for (const code of [...POLICY_DEPARTMENTS, 'data_bureau']) {
    const d = DEMO_DEPARTMENTS.find((department) => department.code === code)
    if (d === undefined) throw new Error(`no demo department ${code}`)
    const { id } = await app.identity.organisation.createDepartment(admin, {
      code: d.code,
      nameZh: d.name.zh,
      nameEn: d.name.en,
      creditCode: d.creditCode,
      address: d.address,
      phone: d.phone,
    })
    assignments.push({
      role: code === 'data_bureau' ? 'data_officer' : 'policy_officer',
      departmentId: id,
    })
  }
  const officer = actor('bench-officer', assignments)
  for (const [i, policy] of policies.entries()) {
    const draft = await app.policy.authoring.submit(officer, {
      source: policyYaml(policy, i),
      files: {},
    })
    await app.policy.authoring.publish(officer, draft.code, draft.revision)
  }
  const names = Object.keys(FACTS) as (keyof typeof FACTS)[]
  for (let from = 0; from < enterprises.length; from += IMPORT_BATCH) {
    const rows = enterprises.slice(from, from + IMPORT_BATCH).map((e, k): ImportRow => ({
      creditCode: creditCodeOf(from + k, e.region),
      name: `基准企业${e.id}`,
      asOf: '2024-12-31',
      facts: factValuesOf(e, names),
    }))
    await app.policy.facts.importFacts(officer, rows)
    await app.database.checkpoint()
    if ((from / IMPORT_BATCH) % 5 === 4) log(`imported ${from + rows.length} enterprises' facts`)
  }
}
