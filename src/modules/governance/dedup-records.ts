import { sm3Hex } from '../../platform/crypto/index.js'
import type { DedupSetup } from './dedup-setup.js'
import type { DedupRecord } from './dedup/index.js'
import { readRows } from './input/index.js'
import type { CellText, FileInput } from './input/index.js'
import { RunFailed } from './quality-check.js'

export interface DedupInput {
  records: DedupRecord[]
  /** Record id → its line in the file. */
  lines: Map<string, number>
  /** Rows the reader could not read (left out). */
  unreadable: number
}

const text = (value: CellText | undefined): string | null => {
  const trimmed = value?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

/**
 * A record's id is a fingerprint of its compared values (the first 16 hex digits of their SM3),
 * so one record keeps its id when a later file moves it to another line, and a kept review
 * decision still names it; identical rows are told apart by a count (`<fingerprint>-2`).
 */
function fingerprinter() {
  const seen = new Map<string, number>()
  return (values: readonly (string | null)[]): string => {
    const print = sm3Hex(JSON.stringify(values)).slice(0, 16)
    const count = (seen.get(print) ?? 0) + 1
    seen.set(print, count)
    return count === 1 ? print : `${print}-${count}`
  }
}

function tooMany(max: number): RunFailed {
  return new RunFailed({
    code: 'GOVERNANCE_DEDUP_TOO_MANY_RECORDS',
    message: {
      zh: `文件超过 ${max} 条记录，查重一次最多处理 ${max} 条；请拆分后分别查重`,
      en: `The file has more than ${max} records, the most one duplicate search takes; split it`,
    },
  })
}

function noFields(setup: DedupSetup, columns: readonly string[]): RunFailed {
  const expected = Object.values(setup.fields).join(', ')
  return new RunFailed({
    code: 'GOVERNANCE_CHECK_NO_ELEMENTS',
    message: {
      zh: `文件的列（${columns.slice(0, 20).join(', ')}）不含查重所需的任何数据元（${expected}）`,
      en: `None of the file's columns (${columns.slice(0, 20).join(', ')}) is an element duplicates are searched by (${expected})`,
    },
  })
}

/** Reads a file's rows as dedup records of the setup's fields, at most `max` of them. */
export async function readDedupRecords(
  path: FileInput,
  setup: DedupSetup,
  columns: Readonly<Record<string, string>>,
  max: number,
): Promise<DedupInput> {
  const fields = Object.entries(setup.fields).map(([field, element]) => ({
    field,
    column: columns[element] ?? element,
  }))
  const idOf = fingerprinter()
  const input: DedupInput = { records: [], lines: new Map(), unreadable: 0 }
  const reader = readRows(path)
  let headerChecked = false
  for await (const event of reader) {
    if (!headerChecked) {
      headerChecked = true
      const present = reader.summary().columns
      if (!fields.some((f) => present.includes(f.column))) throw noFields(setup, present)
    }
    if (event.kind === 'error') {
      input.unreadable++
      continue
    }
    if (input.records.length >= max) throw tooMany(max)
    const values = fields.map((f) => text(event.record[f.column]))
    const id = idOf(values)
    input.records.push({
      id,
      fields: Object.fromEntries(fields.map((f, i) => [f.field, values[i]])),
    })
    input.lines.set(id, event.line)
  }
  return input
}
