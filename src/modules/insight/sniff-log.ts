import { constants, gunzipSync } from 'node:zlib'
import { DomainError, fieldError } from '../../platform/errors.js'
import type { CsvMapping } from './import/read-csv.js'
import type { LogFormat } from './insight.tables.js'

/** What the first bytes of an upload say; refusals name the field they concern. */
export interface SniffInput {
  /** The first bytes of the plaintext (up to 64 KiB). */
  head: Buffer
  complete: boolean
  format?: LogFormat
  mapping?: Partial<CsvMapping>
  delimiter?: string
}

const REASONS = {
  binary: {
    zh: '内容不是文本（既非 XES 也非 CSV）',
    en: 'the content is not text (neither XES nor CSV)',
  },
  notXes: {
    zh: '不是 XES：根元素应为 <log>',
    en: 'not XES: the root element must be <log>',
  },
  empty: { zh: '文件为空', en: 'the file is empty' },
  noMapping: {
    zh: 'CSV 日志需要列映射：case、activity、timestamp',
    en: 'a CSV log needs a column mapping: case, activity, timestamp',
  },
} as const

function refuse(pointer: string, code: string, reason: { zh: string; en: string }): never {
  throw new DomainError('INSIGHT_LOG_REFUSED', { reason: reason.en, reasonZh: reason.zh }, [
    fieldError(pointer, code, { zh: reason.zh, en: reason.en }),
  ])
}

/** The plaintext's first bytes: gunzipped as far as they go when they are gzip. */
function textHead(head: Buffer): Buffer {
  if (head[0] !== 0x1f || head[1] !== 0x8b) return head
  try {
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, 64 * 1024)
  } catch {
    return refuse('/file', 'INSIGHT_LOG_NOT_TEXT', REASONS.binary)
  }
}

const XML_PROLOGUE = /^(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s)*/
const ROOT = /^<([A-Za-z_][\w:.-]*)/

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false
  // A cut-off multi-byte character at the end of the sample is not a reason to refuse.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, -4))
  return !text.includes('\uFFFD')
}

function csvHeader(text: string, delimiter: string): string[] {
  const line = text.split(/\r?\n/, 1)[0] ?? ''
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'))
}

const MAPPED = ['case', 'activity', 'timestamp', 'resource', 'department', 'lifecycle'] as const

/**
 * XES or CSV, recognised by content (never by name or label): XML whose root is `<log>` is XES;
 * other text is CSV when a mapping names its case, activity and timestamp columns and the header
 * has them. Anything else is refused with the reason, naming the file or the mapping's field.
 */
export function sniffLog(input: SniffInput): LogFormat {
  const bytes = textHead(input.head)
  if (bytes.length === 0) refuse('/file', 'INSIGHT_LOG_EMPTY', REASONS.empty)
  if (!isText(bytes)) refuse('/file', 'INSIGHT_LOG_NOT_TEXT', REASONS.binary)
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  const rest = text.slice(XML_PROLOGUE.exec(text)?.[0].length ?? 0)
  if (rest.startsWith('<') || input.format === 'xes') {
    if (input.format === 'csv') refuse('/format', 'INSIGHT_LOG_NOT_CSV', REASONS.noMapping)
    const root = ROOT.exec(rest)?.[1]
    if (root !== 'log') {
      const detail = root === undefined ? '' : ` (<${root}>)`
      refuse('/file', 'INSIGHT_LOG_NOT_XES', {
        zh: `${REASONS.notXes.zh}${detail}`,
        en: `${REASONS.notXes.en}${detail}`,
      })
    }
    return 'xes'
  }
  const mapping = input.mapping ?? {}
  const missing = (['case', 'activity', 'timestamp'] as const).filter((k) => !mapping[k])
  if (missing.length > 0) refuse(`/${missing[0]}`, 'INSIGHT_LOG_MAPPING_MISSING', REASONS.noMapping)
  const header = csvHeader(text, input.delimiter ?? ',')
  for (const role of MAPPED) {
    const column = mapping[role]
    if (column !== undefined && !header.includes(column)) {
      refuse(`/${role}`, 'INSIGHT_LOG_COLUMN_MISSING', {
        zh: `列“${column}”不在表头中（表头：${header.slice(0, 20).join(', ')}）`,
        en: `the column "${column}" is not in the header (header: ${header.slice(0, 20).join(', ')})`,
      })
    }
  }
  return 'csv'
}
