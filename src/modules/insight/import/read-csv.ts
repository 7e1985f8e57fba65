import { Readable } from 'node:stream'
import { parse, type CsvError, type Info } from 'csv-parse'
import { LogBuilder, type BuildOptions, type BuiltLog } from '../log/log-builder.js'
import { LogFileError } from '../log/log-messages.js'
import { readText, type LogInput, type ProgressListener } from './text-source.js'

/** Which CSV column holds what; the three first are required. */
export interface CsvMapping {
  readonly case: string
  readonly activity: string
  readonly timestamp: string
  readonly resource?: string
  /** The department (kept as org:group). */
  readonly department?: string
  readonly lifecycle?: string
  /** Columns kept as trace attributes (the first value of a case stands). */
  readonly caseAttributes?: readonly string[]
  /** Columns kept as event attributes. */
  readonly eventAttributes?: readonly string[]
}

export interface ReadCsvOptions extends Omit<BuildOptions, 'eventAttributes' | 'traceAttributes'> {
  readonly mapping: CsvMapping
  /** Field delimiter (default ','). */
  readonly delimiter?: string
  readonly onProgress?: ProgressListener
}

interface Columns {
  readonly case: number
  readonly activity: number
  readonly timestamp: number
  readonly resource: number
  readonly department: number
  readonly lifecycle: number
  readonly caseAttributes: ReadonlyArray<[string, number]>
  readonly eventAttributes: ReadonlyArray<[string, number]>
}

function resolveColumns(header: readonly string[], mapping: CsvMapping): Columns {
  const at = (role: string, name: string | undefined, required: boolean): number => {
    if (name === undefined) return -1
    const index = header.indexOf(name)
    if (index < 0 && required) {
      throw new LogFileError('INSIGHT_LOG_COLUMN_MISSING', {
        column: name,
        role,
        header: header.slice(0, 20).join(', '),
      })
    }
    return index
  }
  const extra = (names: readonly string[] | undefined, role: string): Array<[string, number]> =>
    (names ?? []).map((name) => [name, at(role, name, true)])
  return {
    case: at('case', mapping.case, true),
    activity: at('activity', mapping.activity, true),
    timestamp: at('timestamp', mapping.timestamp, true),
    resource: at('resource', mapping.resource, true),
    department: at('department', mapping.department, true),
    lifecycle: at('lifecycle', mapping.lifecycle, true),
    caseAttributes: extra(mapping.caseAttributes, 'case attribute'),
    eventAttributes: extra(mapping.eventAttributes, 'event attribute'),
  }
}

const cell = (record: readonly string[], index: number): string | undefined => {
  if (index < 0) return undefined
  const value = record[index]?.trim()
  return value === undefined || value === '' ? undefined : value
}

function lineOf(error: CsvError): number | undefined {
  const lines = (error as unknown as { lines?: unknown }).lines
  return typeof lines === 'number' ? lines : undefined
}

/**
 * Reads a CSV event log (plain or gzipped, UTF-8) with a column mapping, streamed. Rows may come
 * in any order; each case's events keep the order of their rows unless their times say
 * otherwise (then the case is sorted and reported). A row without case id or activity, or that
 * cannot be parsed, is reported by its line and skipped; a mapped column missing from the header
 * refuses the file.
 */
export async function readCsv(path: LogInput, options: ReadCsvOptions): Promise<BuiltLog> {
  const { mapping } = options
  const builder = new LogBuilder({
    ...options,
    eventAttributes: mapping.eventAttributes ?? [],
    traceAttributes: mapping.caseAttributes ?? [],
  })
  const parser = parse({
    delimiter: options.delimiter ?? ',',
    bom: true,
    info: true,
    relax_column_count: false,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error === undefined) return undefined
      builder.issue('INSIGHT_LOG_ROW_UNREADABLE', {
        line: lineOf(error) ?? 0,
        detail: error.message,
      })
      return undefined
    },
  })
  const source = Readable.from(readText(path, options.onProgress))
  source.on('error', (error) => parser.destroy(error))
  source.pipe(parser)
  let columns: Columns | undefined
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const { record, info } = item
      if (columns === undefined) {
        if (record[0]?.trimStart().startsWith('<')) {
          throw new LogFileError('INSIGHT_LOG_NOT_CSV', { detail: 'XML' })
        }
        columns = resolveColumns(record, mapping)
        continue
      }
      addRow(builder, columns, record, info.lines)
    }
  } catch (error) {
    if (error instanceof LogFileError) throw error
    throw new LogFileError('INSIGHT_LOG_NOT_CSV', {
      detail: error instanceof Error ? error.message : String(error),
    })
  } finally {
    source.destroy()
  }
  if (columns === undefined) throw new LogFileError('INSIGHT_LOG_NOT_CSV', { detail: 'empty' })
  return builder.finish()
}

function addRow(
  builder: LogBuilder,
  columns: Columns,
  record: readonly string[],
  line: number,
): void {
  const caseId = cell(record, columns.case)
  if (caseId === undefined) {
    builder.issue('INSIGHT_LOG_ROW_NO_CASE', { line })
    return
  }
  const activity = cell(record, columns.activity)
  if (activity === undefined) {
    builder.issue('INSIGHT_LOG_ROW_NO_ACTIVITY', { line, case: caseId })
    return
  }
  for (const [key, index] of columns.eventAttributes) {
    const value = cell(record, index)
    if (value !== undefined) builder.setEventAttribute(key, 'string', value)
  }
  const casesBefore = builder.caseCount
  const c = builder.addEventTo(
    caseId,
    activity,
    cell(record, columns.timestamp),
    cell(record, columns.resource),
    cell(record, columns.department),
    cell(record, columns.lifecycle),
  )
  if (c === casesBefore) {
    // A new case: its trace attributes come from its first row.
    for (const [key, index] of columns.caseAttributes) {
      const value = cell(record, index)
      if (value !== undefined) builder.setCaseAttributeOf(c, key, 'string', value)
    }
  }
}
