import { readFile } from 'node:fs/promises'
import type { CompiledPolicy } from '../rules/compile-policy.js'
import { loadPolicyYaml } from '../rules/load-policy.js'
import type { PolicyDocument } from '../rules/policy.types.js'

/** The demo policies, YAML beside this file (sme-classification also reads sme-size.dmn). */
export const DEMO_POLICY_FILES = [
  'small-low-profit-enterprise-tax.yaml',
  'sme-classification.yaml',
  'high-tech-enterprise.yaml',
  'hiring-subsidy.yaml',
  'incubator-rent-subsidy.yaml',
] as const

export type DemoPolicy = {
  readonly file: string
  /** The YAML text and the DMN files it refers to, by name: the authored sources. */
  readonly yaml: string
  readonly dmn: Readonly<Record<string, string>>
  readonly document: PolicyDocument
  readonly policy: CompiledPolicy
}

const DIRECTORY = new URL('./', import.meta.url)

/** Loads and compiles every demo policy; throws if one does not load (a bug in the demo data). */
export async function loadDemoPolicies(): Promise<DemoPolicy[]> {
  return Promise.all(DEMO_POLICY_FILES.map(loadDemoPolicy))
}

async function loadDemoPolicy(file: string): Promise<DemoPolicy> {
  const yaml = await readFile(new URL(file, DIRECTORY), 'utf8')
  const dmn: Record<string, string> = {}
  const loaded = await loadPolicyYaml(yaml, {
    readFile: async (name) => (dmn[name] = await readFile(new URL(name, DIRECTORY), 'utf8')),
  })
  if (!loaded.ok) {
    const detail = loaded.issues.map((found) => `${found.path}: ${found.message.en}`).join('; ')
    throw new Error(`Demo policy ${file} does not load: ${detail}`)
  }
  return { file, yaml, dmn, document: loaded.document, policy: loaded.policy }
}

/** Figures for the demo enterprises, imported by the demo seed (see demo-facts.ts). */
export { DEMO_ENTERPRISE_FACTS } from './demo-facts.js'
