import type { EnterpriseProfile } from '../identity/index.js'
import type { FactDeclaration } from './rules/policy.types.js'

export const FACT_SOURCES = ['platform', 'declared', 'imported'] as const
export type FactSource = (typeof FACT_SOURCES)[number]

/** One fact about an enterprise: its value, where it came from, and the date it describes. */
export interface FactEntry {
  value: unknown
  source: FactSource
  /** The date the figure refers to (a year's revenue: that year's end); null when timeless. */
  asOf: string | null
  recordedAt: string
}

export type FactSheet = Record<string, FactEntry>

/**
 * Facts the platform knows from its own register; nobody declares them. Names follow the demo
 * policies (GB/T 4754 industry code, the registration date, registered capital in yuan).
 */
export const PLATFORM_FACTS: readonly FactDeclaration[] = [
  { name: 'creditCode', type: 'string', label: { zh: '统一社会信用代码', en: 'Credit code' } },
  {
    name: 'industryCode',
    type: 'string',
    label: { zh: '行业代码', en: 'Industry code (GB/T 4754)' },
  },
  { name: 'registrationDate', type: 'date', label: { zh: '成立日期', en: 'Date of registration' } },
  {
    name: 'registeredCapital',
    type: 'number',
    unit: 'CNY',
    label: { zh: '注册资本', en: 'Registered capital' },
  },
  {
    name: 'regionCode',
    type: 'string',
    label: { zh: '登记管理机关行政区划', en: 'Registration division code (GB/T 2260)' },
  },
]

export const PLATFORM_FACT_NAMES: ReadonlySet<string> = new Set(PLATFORM_FACTS.map((f) => f.name))

/** The register's facts of an enterprise (positions 3–8 of a credit code are its division). */
export function platformFacts(profile: EnterpriseProfile, recordedAt: string): FactSheet {
  const entry = (value: unknown, asOf: string | null = null): FactEntry => ({
    value,
    source: 'platform',
    asOf,
    recordedAt,
  })
  return {
    creditCode: entry(profile.creditCode),
    // The register keeps the section letter too (I6513); policies read the 4-digit class.
    industryCode: entry(profile.industryCode.replace(/^[A-T]/, '')),
    registrationDate: entry(profile.establishedOn, profile.establishedOn),
    registeredCapital: entry(Number(profile.registeredCapital)),
    regionCode: entry(profile.creditCode.slice(2, 8)),
  }
}

/** The values alone, as policies read them. */
export function factValues(sheet: FactSheet): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [name, entry] of Object.entries(sheet)) values[name] = entry.value
  return values
}

/** Whether two sheets say the same (provenance aside): unchanged facts need no new match. */
export function sameValues(a: FactSheet, b: FactSheet): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const name of names) {
    if (JSON.stringify(a[name]?.value) !== JSON.stringify(b[name]?.value)) return false
  }
  return true
}
