import { parseArgs } from 'node:util'
import { findStandard, listStandards, UnknownStandardError } from '../standards/index.js'
import type { DataStandard } from '../standards/index.js'
import { runCheck } from './check-command.js'
import { processIo, say } from './cli-io.js'
import type { CliIo } from './cli-io.js'
import { runDedup } from './dedup-command.js'
import { DEDUP_KINDS } from './dedup-records.js'
import type { DedupKind } from './dedup-records.js'

/** Standards by their command-line name: codes with `-` for `_` (`legal-person`). */
const cliName = (code: string): string => code.replaceAll('_', '-')
const knownStandards = (): string =>
  listStandards()
    .map((s) => cliName(s.code))
    .join(', ')

export const DATA_USAGE = `tongban data — 数据治理 data governance (no database needed)

Usage:
  tongban data check FILE --standard ${knownStandards().replaceAll(', ', '|')} [--json OUT.json] [--html OUT.html] [--sample N]
      检查数据质量并做列画像 check data quality against a standard and profile the columns;
      --sample N: failing rows kept per rule in the reports (default 20; 3 are printed)
  tongban data dedup FILE [--kind ${DEDUP_KINDS.join('|')}] [--json OUT.json] [--truth COLUMN] [--show N]
      查找重复记录 find duplicate persons or enterprises (default person);
      --truth COLUMN: a column naming the real entity, to report precision and recall;
      --show N: clusters printed in full (default 10)

FILE: CSV (UTF-8, UTF-16 or GBK/GB18030, delimiter detected), XLSX (first sheet) or JSON lines.
Columns are matched by element key or Chinese name (id_number or 公民身份号码).
Progress goes to stderr. Exit codes: 0 ran (failures found or not), 1 the run failed
(unreadable file, report not written), 2 usage.`

type Parsed = ReturnType<typeof parse>

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      standard: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      sample: { type: 'string' },
      kind: { type: 'string' },
      truth: { type: 'string' },
      show: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

class UsageError extends Error {}

/** node:util parseArgs refuses an unknown option or a missing value with ERR_PARSE_ARGS_* codes. */
const isParseArgsError = (error: unknown): error is Error =>
  error instanceof TypeError &&
  String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')

function wholeNumber(name: string, text: string | undefined, fallback: number, max: number) {
  if (text === undefined) return fallback
  const n = Number(text)
  if (!/^\d+$/.test(text) || n > max) {
    throw new UsageError(
      `--${name} 须为 0 到 ${max} 的整数 must be a whole number from 0 to ${max}: ${text}`,
    )
  }
  return n
}

function standardOf(name: string | undefined): DataStandard {
  if (name === undefined) {
    throw new UsageError(`缺少 --standard missing --standard (known: ${knownStandards()})`)
  }
  try {
    return findStandard(name.replaceAll('-', '_'))
  } catch (error) {
    if (!(error instanceof UnknownStandardError)) throw error
    throw new UsageError(
      `未知的数据标准“${name}”（现有：${knownStandards()}）\nunknown data standard "${name}" (known: ${knownStandards()})`,
    )
  }
}

function kindOf(name: string | undefined): DedupKind {
  const kind = DEDUP_KINDS.find((k) => k === (name ?? 'person'))
  if (kind === undefined) {
    throw new UsageError(`未知的类型 unknown --kind "${name}" (known: ${DEDUP_KINDS.join(', ')})`)
  }
  return kind
}

function fileOf(command: string, positionals: string[]): string {
  const [file, ...extra] = positionals
  if (file === undefined) throw new UsageError(`缺少文件 missing FILE for data ${command}`)
  if (extra.length > 0) throw new UsageError(`多余的参数 unexpected arguments: ${extra.join(' ')}`)
  return file
}

function run(command: string, rest: string[], values: Parsed['values'], io: CliIo) {
  const file = fileOf(command, rest)
  if (command === 'check') {
    const standard = standardOf(values.standard)
    const samples = wholeNumber('sample', values.sample, 20, 10_000)
    return runCheck({ file, standard, json: values.json, html: values.html, samples }, io)
  }
  const kind = kindOf(values.kind)
  const show = wholeNumber('show', values.show, 10, 100_000)
  return runDedup({ file, kind, json: values.json, truth: values.truth, show }, io)
}

/**
 * `tongban data check|dedup …`: needs no database and no settings. Returns the exit code:
 * 0 ran, 1 the run failed (the message names the file and why), 2 usage.
 */
export async function dataCommand(args: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const { positionals, values } = parse(args)
    const [command, ...rest] = positionals
    if (values.help === true) {
      io.out(`${DATA_USAGE}\n`)
      return 0
    }
    if (command !== 'check' && command !== 'dedup') {
      throw new UsageError(command === undefined ? '' : `unknown command: data ${command}`)
    }
    return await run(command, rest, values, io)
  } catch (error) {
    if (!(error instanceof UsageError || isParseArgsError(error))) throw error
    say(io, `${error.message === '' ? '' : `${error.message}\n\n`}${DATA_USAGE}`)
    return 2
  }
}
