import { basename } from 'node:path'
import type { RowReason } from './types.js'

interface Message {
  zh: string
  en: string
}

/** Why one row was refused; the read goes on. */
export const ROW_MESSAGES = {
  GOVERNANCE_INPUT_COLUMN_COUNT: {
    zh: '本行有 {actual} 列，表头有 {expected} 列',
    en: 'The row has {actual} columns; the header has {expected}',
  },
  GOVERNANCE_INPUT_UNCLOSED_QUOTE: {
    zh: '本行的引号未闭合（到第 {endLine} 行仍未结束）；已跳过本行，从下一行继续',
    en: 'A quote opened on this line is not closed (still open at line {endLine}); the line is skipped and reading resumes on the next line',
  },
  GOVERNANCE_INPUT_TEXT_AFTER_QUOTE: {
    zh: '引号结束后紧跟了其他字符（应为分隔符或行尾）',
    en: 'Text follows a closing quote (a delimiter or the end of the line is expected)',
  },
  GOVERNANCE_INPUT_RECORD_TOO_LONG: {
    zh: '本行超过 {max} 个字符',
    en: 'The line is longer than {max} characters',
  },
  GOVERNANCE_INPUT_UNDECODABLE: {
    zh: '本行含有不能按 {encoding} 解码的字节（文件可能混用了编码）',
    en: 'The line has bytes that are not valid {encoding} (the file may mix encodings)',
  },
  GOVERNANCE_INPUT_BAD_JSON: {
    zh: '不是合法的 JSON：{detail}',
    en: 'Not valid JSON: {detail}',
  },
  GOVERNANCE_INPUT_NOT_OBJECT: {
    zh: '每行须是一个 JSON 对象（{…}）',
    en: 'Each line must be a JSON object ({…})',
  },
} as const satisfies Record<string, Message>

/** Why a whole file cannot be read; the read stops. */
export const FILE_MESSAGES = {
  GOVERNANCE_INPUT_NOT_FOUND: {
    zh: '文件不存在或无法读取',
    en: 'The file does not exist or cannot be read',
  },
  GOVERNANCE_INPUT_EMPTY: { zh: '文件是空的', en: 'The file is empty' },
  GOVERNANCE_INPUT_BINARY: {
    zh: '不是 CSV、XLSX 或 JSON 行文件（内容是二进制数据）',
    en: 'Not a CSV, XLSX or JSON-lines file (the content is binary)',
  },
  GOVERNANCE_INPUT_LEGACY_XLS: {
    zh: '是旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后再导入',
    en: 'This is an old Excel (.xls) file; save it as .xlsx or CSV and import that',
  },
  GOVERNANCE_INPUT_NOT_XLSX: {
    zh: '扩展名是 .xlsx，但内容不是 Excel 工作簿',
    en: 'The name ends in .xlsx but the content is not an Excel workbook',
  },
  GOVERNANCE_INPUT_XLSX_UNREADABLE: {
    zh: '无法读取 Excel 工作簿：{detail}',
    en: 'The Excel workbook cannot be read: {detail}',
  },
  GOVERNANCE_INPUT_NO_SHEET: {
    zh: '不是 Excel 工作簿，或工作簿里没有工作表',
    en: 'Not an Excel workbook, or the workbook has no worksheet',
  },
  GOVERNANCE_INPUT_SHEET_NOT_FOUND: {
    zh: '没有名为“{sheet}”的工作表（现有：{sheets}）',
    en: 'There is no sheet named "{sheet}" (sheets: {sheets})',
  },
  GOVERNANCE_INPUT_NO_HEADER: {
    zh: '找不到表头行（文件里没有数据）',
    en: 'No header row (the file has no data)',
  },
  GOVERNANCE_INPUT_BAD_HEADER: {
    zh: '表头行无法读取：{detail}',
    en: 'The header row cannot be read: {detail}',
  },
  GOVERNANCE_INPUT_PARSE_FAILED: {
    zh: '解析在此中断：{detail}',
    en: 'Parsing stopped here: {detail}',
  },
} as const satisfies Record<string, Message>

export type RowMessageCode = keyof typeof ROW_MESSAGES
export type FileMessageCode = keyof typeof FILE_MESSAGES
/** A parameter is the same in both languages, or given in each. */
type Param = string | number | { zh: string; en: string }
type Params = Record<string, Param>

function fill(template: string, params: Params, lang: 'zh' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key]
    if (value === undefined) return whole
    return typeof value === 'object' ? value[lang] : String(value)
  })
}

/** The reason for a refused row, with its parameters filled in. */
export function rowReason(code: RowMessageCode, params: Params = {}): RowReason {
  const message = ROW_MESSAGES[code]
  return { code, zh: fill(message.zh, params, 'zh'), en: fill(message.en, params, 'en') }
}

/** A file that cannot be read at all; its messages name the file (and the line when known). */
export class InputError extends Error {
  readonly zh: string
  readonly en: string

  constructor(
    readonly code: FileMessageCode,
    readonly file: string,
    readonly line: number | null = null,
    params: Params = {},
  ) {
    const message = FILE_MESSAGES[code]
    const name = basename(file)
    const zhWhere = line === null ? `文件“${name}”` : `文件“${name}”第 ${line} 行`
    const enWhere = line === null ? name : `${name}, line ${line}`
    const en = `${enWhere}: ${fill(message.en, params, 'en')}`
    super(en)
    this.name = 'InputError'
    this.zh = `${zhWhere}：${fill(message.zh, params, 'zh')}`
    this.en = en
  }
}
