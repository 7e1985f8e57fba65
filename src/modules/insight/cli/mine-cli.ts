import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { BUILT_IN_CALENDAR_YEARS, createWorkingCalendar } from '../../../platform/calendar/index.js'
import { readCsv } from '../import/read-csv.js'
import { readXes } from '../import/read-xes.js'
import type { ReadProgress } from '../import/text-source.js'
import { xesHeaderTotals } from '../import/xes-header.js'
import type { BuiltLog } from '../log/log-builder.js'
import { LogFileError } from '../log/log-messages.js'
import { dfgSvg } from './dfg-svg.js'
import { htmlReport } from './html-report.js'
import { mineRequest, UsageError } from './mine-request.js'
import { runAnalysis } from '../run-analysis.js'

export const MINE_USAGE = `tongban mine — 流程挖掘 process mining of an event log (no database needed)

Usage:
  tongban mine FILE [--dfg] [--variants] [--performance] [--rework] [--conformance MODEL.bpmn]
                    [--discover OUT.bpmn [--noise 0…1]]
                    [--json OUT.json] [--html OUT.html] [--top N] [--sla-days N | --sla-hours N]
                    [--corrections ACTIVITY,…] [--case COL --activity COL --timestamp COL
                    --resource COL --department COL --lifecycle COL]
                    [--from ISO] [--to ISO] [--window contained|intersecting|started|completed|events]
                    [--top-variants N] [--variant-coverage 0…1] [--min-activity N] [--min-path N]
                    [--departments CODE,…]
      FILE: XES (IEEE 1849-2016, plain or .gz) or CSV (.csv, .csv.gz: the columns named by
      --case, --activity, --timestamp, optionally --resource, --department, --lifecycle).
      Without --dfg/--variants/--performance/--rework all but rework are computed.
      --conformance: token replay of the log against a BPMN 2.0 model.
      --discover: the Inductive Miner (infrequent, --noise default 0.2) writes a BPMN 2.0 model;
      with --conformance as well, the report compares the two models.
      Filters apply in this order before any analysis: the time window (--from/--to, cases that
      --window with it, default intersecting), the most frequent variants (--top-variants, or
      those covering --variant-coverage of the cases), activities seen at least --min-activity
      times, cases whose every step pair occurs at least --min-path times, --departments.
      --sla-days / --sla-hours: cases over the limit and the step that took their time.
      The report is JSON (--json, else a summary on stdout) and a self-contained HTML page
      (--html) with the directly-follows graph laid out by ELK. Progress goes to stderr.
Exit codes: 0 analysed, 1 the file could not be read or a report not written, 2 usage.`

function parse(args: string[]) {
  const text = { type: 'string' } as const
  const flag = { type: 'boolean' } as const
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      dfg: flag,
      variants: flag,
      performance: flag,
      rework: flag,
      conformance: text,
      discover: text,
      noise: text,
      from: text,
      to: text,
      window: text,
      'top-variants': text,
      'variant-coverage': text,
      'min-activity': text,
      'min-path': text,
      departments: text,
      json: text,
      html: text,
      top: text,
      'sla-days': text,
      'sla-hours': text,
      corrections: text,
      case: text,
      activity: text,
      timestamp: text,
      resource: text,
      department: text,
      lifecycle: text,
      help: { type: 'boolean', short: 'h' },
    },
  })
}

type Values = ReturnType<typeof parse>['values']

function progressLine(stream: NodeJS.WriteStream) {
  let last = 0
  return (p: ReadProgress): void => {
    const now = Date.now()
    if (now - last < (stream.isTTY ? 200 : 5000)) return
    last = now
    const share = p.totalBytes > 0 ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 0
    const line = `读取中 reading ${share} % (${(p.bytesRead / 2 ** 20).toFixed(1)} / ${(p.totalBytes / 2 ** 20).toFixed(1)} MiB)`
    stream.write(stream.isTTY ? `\r${line}\x1b[K` : `${line}\n`)
  }
}

async function readLog(file: string, values: Values): Promise<BuiltLog> {
  const onProgress = progressLine(process.stderr)
  const isCsv = /\.csv(\.gz)?$/i.test(file) || values.case !== undefined
  if (!isCsv) return readXes(file, { onProgress })
  if (
    values.case === undefined ||
    values.activity === undefined ||
    values.timestamp === undefined
  ) {
    throw new UsageError('a CSV log needs --case, --activity and --timestamp')
  }
  const optional = (name: 'resource' | 'department' | 'lifecycle') =>
    values[name] === undefined ? {} : { [name]: values[name] }
  const mapping = {
    case: values.case,
    activity: values.activity,
    timestamp: values.timestamp,
    ...optional('resource'),
    ...optional('department'),
    ...optional('lifecycle'),
  }
  return readCsv(file, { mapping, onProgress })
}

/** `tongban mine …`: returns the exit code. */
export async function mineCommand(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\n\n${MINE_USAGE}\n`,
    )
    return 2
  }
  const { values, positionals } = parsed
  if (values.help === true) {
    process.stdout.write(`${MINE_USAGE}\n`)
    return 0
  }
  const [file] = positionals
  if (file === undefined || positionals.length > 1) {
    process.stderr.write(`${MINE_USAGE}\n`)
    return 2
  }
  try {
    const asked = mineRequest(values)
    const modelXml =
      values.conformance === undefined ? null : await readFile(values.conformance, 'utf8')
    const started = Date.now()
    const { log, report: issues } = await readLog(file, values)
    const clear = process.stderr.isTTY ? '\r\x1b[K' : ''
    const took = ((Date.now() - started) / 1000).toFixed(1)
    process.stderr.write(
      `${clear}读取完成 read ${log.caseCount} 案件 cases, ${log.eventCount} 事件 events in ${took} s; ${issues.total} 问题 issues\n`,
    )
    const { result: report, bpmn } = await runAnalysis(
      { log, report: issues },
      asked,
      modelXml,
      createWorkingCalendar(BUILT_IN_CALENDAR_YEARS),
      (step) => process.stderr.write(`分析 analysing: ${step}\n`),
    )
    const output = { file, header: xesHeaderTotals(log.logAttributes), issues, ...report }
    if (values.json !== undefined)
      await writeFile(values.json, `${JSON.stringify(output, null, 2)}\n`)
    else
      process.stdout.write(
        `${JSON.stringify({ file, counts: report.counts, issues: issues.counts }, null, 2)}\n`,
      )
    if (values.discover !== undefined) {
      // An empty log discovers no model: an empty file would not open in a modeller.
      if (bpmn === null) throw new Error('no model discovered: no case is left after the filters')
      await writeFile(values.discover, bpmn)
    }
    if (values.html !== undefined) {
      const svg = report.dfg === undefined ? null : await dfgSvg(report.dfg)
      await writeFile(values.html, htmlReport(file, report, issues, svg))
    }
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${MINE_USAGE}\n`)
      return 2
    }
    const message =
      error instanceof LogFileError
        ? `${error.localized.zh}\n${error.localized.en}`
        : error instanceof Error
          ? error.message
          : String(error)
    process.stderr.write(`tongban mine: ${file}: ${message}\n`)
    return 1
  }
}
