import { Transform } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Row, WorkbookModel } from 'exceljs'
import { columnNames, toRecord } from './columns.js'
import { InputError, rowReason } from './messages.js'
import type { CellText, ResolvedOptions, RowEvent } from './types.js'
import { xlsxCellText } from './xlsx-cell.js'
import { inputName, inputStream } from './file-input.js'
import type { FileInput } from './file-input.js'

type WorkbookReader = ExcelJS.stream.xlsx.WorkbookReader
type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader

/** exceljs sets a sheet's name at run time but does not declare it on WorksheetReader. */
const sheetName = (sheet: WorksheetReader): string =>
  (sheet as unknown as { name?: string }).name ?? ''

/** The first sheet in tab order, once exceljs has read xl/workbook.xml (its `model` is unset before). */
function firstTabName(reader: WorkbookReader): string | undefined {
  const model = reader.model as Partial<WorkbookModel> | undefined
  return model?.sheets?.[0]?.name
}

function rowTexts(row: Row, from: number, to: number, trim: boolean): CellText[] {
  const texts: CellText[] = []
  for (let col = from; col <= to; col++) texts.push(xlsxCellText(row.getCell(col).value, trim))
  return texts
}

/** The 1-based index of the last non-empty cell of a row, 0 when it has none. */
function lastFilled(row: Row, trim: boolean): number {
  for (let col = row.cellCount; col > 0; col--) {
    if (xlsxCellText(row.getCell(col).value, trim) !== null) return col
  }
  return 0
}

async function* sheetRows(
  path: string,
  sheet: WorksheetReader,
  trim: boolean,
  onColumns: (columns: readonly string[]) => void,
  onRow: () => void,
): AsyncGenerator<RowEvent> {
  let columns: string[] | null = null
  for await (const row of sheet) {
    onRow()
    const width = lastFilled(row, trim)
    if (width === 0) continue
    if (columns === null) {
      columns = columnNames(rowTexts(row, 1, width, trim))
      onColumns(columns)
      continue
    }
    const line = row.number
    if (width > columns.length) {
      const reason = rowReason('GOVERNANCE_INPUT_COLUMN_COUNT', {
        actual: width,
        expected: columns.length,
      })
      yield { kind: 'error', line, reason, raw: rowTexts(row, 1, width, trim).join(',') }
      continue
    }
    yield { kind: 'row', line, record: toRecord(columns, rowTexts(row, 1, columns.length, trim)) }
  }
  if (columns === null) throw new InputError('GOVERNANCE_INPUT_NO_HEADER', path)
}

/**
 * Reads a sheet we skip to its end. exceljs deletes a spooled sheet's temp file as soon as we move
 * on; a sheet left unread still has its file being opened, and that open then fails with an
 * ENOENT no listener catches (an uncaught exception that ends the process).
 */
async function drain(sheet: WorksheetReader): Promise<void> {
  for await (const row of sheet) void row
}

/**
 * Reads one sheet of an .xlsx workbook (the named one, else the first) with exceljs's streaming
 * reader: the first non-empty row is the header, `line` is the spreadsheet row number.
 */
export async function* readXlsx(
  input: FileInput,
  options: ResolvedOptions,
  onColumns: (columns: readonly string[]) => void,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<RowEvent> {
  const path = inputName(input)
  const source = inputStream(input)
  let bytesRead = 0
  const bytes = source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytesRead += chunk.length
        callback(null, chunk)
      },
    }),
  )
  source.on('error', (error) => bytes.destroy(error))
  const onRow = (): void => onBytes?.(bytesRead)
  // styles: 'cache' is what lets exceljs tell a date cell from a number; the default gives serials.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  const seen: string[] = []
  try {
    for await (const sheet of reader) {
      const name = sheetName(sheet)
      seen.push(name)
      const wanted = options.sheet ?? firstTabName(reader) ?? name
      if (name !== wanted) {
        await drain(sheet)
        continue
      }
      yield* sheetRows(path, sheet, options.trim, onColumns, onRow)
      return
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw new InputError('GOVERNANCE_INPUT_XLSX_UNREADABLE', path, null, { detail })
  } finally {
    source.destroy()
    bytes.destroy()
  }
  if (seen.length === 0) throw new InputError('GOVERNANCE_INPUT_NO_SHEET', path)
  const sheets = seen.join('、')
  throw new InputError('GOVERNANCE_INPUT_SHEET_NOT_FOUND', path, null, {
    sheet: options.sheet ?? '',
    sheets,
  })
}
