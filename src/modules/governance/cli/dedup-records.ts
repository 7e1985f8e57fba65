import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import { ENTERPRISE_PRESET, PERSON_PRESET } from '../dedup/index.js'
import type { DedupConfig, DedupRecord } from '../dedup/index.js'
import type { CellText } from '../input/index.js'

export type DedupKind = 'person' | 'enterprise'
export const DEDUP_KINDS: readonly DedupKind[] = ['person', 'enterprise']

interface FieldColumns {
  label: LocalizedMessage
  /** Column names that hold the field, in order of preference. */
  columns: readonly string[]
}

/** What each preset compares, and the columns (preset name, standard key, Chinese) that hold it. */
export const DEDUP_PRESETS: Readonly<
  Record<
    DedupKind,
    { label: LocalizedMessage; config: DedupConfig; fields: Record<string, FieldColumns> }
  >
> = {
  person: {
    label: { zh: '人员', en: 'persons' },
    config: PERSON_PRESET,
    fields: {
      name: { label: { zh: '姓名', en: 'name' }, columns: ['name', '姓名'] },
      birthDate: {
        label: { zh: '出生日期', en: 'birth date' },
        columns: ['birthDate', 'birth_date', '出生日期'],
      },
      idNumber: {
        label: { zh: '身份证号码', en: 'ID number' },
        columns: ['idNumber', 'id_number', '公民身份号码', '身份证号码', '身份证号'],
      },
      phone: {
        label: { zh: '联系电话', en: 'phone' },
        columns: ['phone', '联系电话', '手机号码', '电话'],
      },
      address: {
        label: { zh: '地址', en: 'address' },
        columns: ['address', 'household_address', '户籍地址', '地址', '住址'],
      },
    },
  },
  enterprise: {
    label: { zh: '企业', en: 'enterprises' },
    config: ENTERPRISE_PRESET,
    fields: {
      name: { label: { zh: '名称', en: 'name' }, columns: ['name', '名称', '企业名称'] },
      creditCode: {
        label: { zh: '统一社会信用代码', en: 'credit code' },
        columns: ['creditCode', 'credit_code', '统一社会信用代码'],
      },
      address: {
        label: { zh: '住所', en: 'address' },
        columns: ['address', 'registered_address', '住所（注册地址）', '住所', '注册地址', '地址'],
      },
      legalRepresentative: {
        label: { zh: '法定代表人', en: 'legal representative' },
        columns: ['legalRepresentative', 'legal_representative', '法定代表人'],
      },
    },
  },
}

/** Field → the file's column holding it; fields with no column are left out (compared as missing). */
export function matchFields(kind: DedupKind, header: readonly string[]): Record<string, string> {
  const present = new Set(header)
  const matched: Record<string, string> = {}
  for (const [field, { columns }] of Object.entries(DEDUP_PRESETS[kind].fields)) {
    const column = columns.find((candidate) => present.has(candidate))
    if (column !== undefined) matched[field] = column
  }
  return matched
}

/** The columns a kind looks for, to name in a refusal. */
export const expectedColumns = (kind: DedupKind): string =>
  Object.entries(DEDUP_PRESETS[kind].fields)
    .map(([field, { columns }]) => `${field}: ${columns.join(' | ')}`)
    .join('; ')

/** A record named by its file line, holding only the fields the preset compares. */
export function toDedupRecord(
  line: number,
  record: Readonly<Record<string, CellText>>,
  fields: Readonly<Record<string, string>>,
): DedupRecord {
  const values: Record<string, string | null> = {}
  for (const [field, column] of Object.entries(fields)) values[field] = record[column] ?? null
  return { id: String(line), fields: values }
}
