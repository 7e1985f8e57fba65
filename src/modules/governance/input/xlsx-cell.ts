import type { CellValue } from 'exceljs'
import { cellText } from './columns.js'
import type { CellText } from './types.js'

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** A number as plain decimal text, never in exponent form (1e21 → "1000000000000000000000"). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const text = String(n)
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, sign = '', lead = '', fraction = '', exp = '0'] = match
  const digits = lead + fraction
  const point = 1 + Number(exp)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length)
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** A spreadsheet date (exceljs gives UTC): YYYY-MM-DD, with HH:mm:ss when it has a time of day. */
export function dateText(date: Date): CellText {
  if (Number.isNaN(date.getTime())) return null
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds()
  if (seconds === 0) return day
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
}

type Scalar = number | string | boolean | Date | null | undefined

function scalarText(value: Scalar, trim: boolean): CellText {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return cellText(value, trim)
  if (typeof value === 'number') return plainNumber(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  return dateText(value)
}

/** A cell as text: rich text joined, a formula as its cached result, an error as its code (#N/A). */
export function xlsxCellText(value: CellValue, trim: boolean): CellText {
  if (value === null || typeof value !== 'object' || value instanceof Date) {
    return scalarText(value, trim)
  }
  if ('richText' in value) return cellText(value.richText.map((run) => run.text).join(''), trim)
  if ('error' in value) return value.error
  if ('hyperlink' in value) return cellText(value.text, trim)
  const result = value.result
  if (result !== undefined && typeof result === 'object' && !(result instanceof Date)) {
    return result.error
  }
  return scalarText(result, trim)
}
