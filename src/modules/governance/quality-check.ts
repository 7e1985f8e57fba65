import type { LocalizedMessage } from '../../platform/i18n/i18n.js'
import { InputError } from './input/index.js'
import type { FileInput } from './input/index.js'
import { checkFileRows, QualityRuleError, standardRules } from './quality/index.js'
import type { FileCheckOptions, QualityReport } from './quality/index.js'
import { findStandard, UnknownStandardError } from './standards/index.js'
import type { DataStandard } from './standards/index.js'

/** Why a run could not produce a result: a stable code and both messages. */
export interface RunFailure {
  code: string
  message: LocalizedMessage
}

export type CheckOutcome = { ok: true; report: QualityReport } | { ok: false; failure: RunFailure }

export interface CheckInput {
  path: FileInput
  /** The name the file was uploaded by; messages name it instead of the stored hash. */
  fileName: string
  standard: string
  columns: Readonly<Record<string, string>>
  runAt: Date
  samplesPerRule: number
  /** Worker threads for a large CSV file (default: on); false reads it in one pass. */
  parallel?: FileCheckOptions['parallel']
  /** Where the run's spilled uniqueness keys go (a folder made and removed by the run). */
  tempDir?: string
}

/** What a run reports when the system failed it (the details are logged, not shown). */
export const INTERNAL_FAILURE: RunFailure = {
  code: 'GOVERNANCE_RUN_INTERNAL',
  message: {
    zh: '处理文件时系统出错，请稍后重新上传；如仍失败请联系运维',
    en: 'The system failed while processing the file; upload it again later, and tell operations if it fails again',
  },
}

/** A failure the run reports as its outcome (not a fault of the system). */
export class RunFailed extends Error {
  constructor(readonly failure: RunFailure) {
    super(failure.message.en)
  }
}

function noElements(standard: DataStandard, columns: readonly string[]): RunFailed {
  const expected = standard.elements.map((e) => e.key).join(', ')
  const found = columns.slice(0, 20).join(', ')
  return new RunFailed({
    code: 'GOVERNANCE_CHECK_NO_ELEMENTS',
    message: {
      zh: `文件的列（${found}）都不是数据标准“${standard.name.zh}”的数据元（${expected}）；请核对文件或数据集的列映射`,
      en: `None of the file's columns (${found}) is an element of standard "${standard.name.en}" (${expected}); check the file or the dataset's column map`,
    },
  })
}

/** Turns what a read or the rules threw into the run's failure; other errors are faults. */
export function failureOf(error: unknown, stored: string, fileName: string): RunFailure | null {
  const named = (text: string) => text.replaceAll(stored, fileName)
  if (error instanceof RunFailed) return error.failure
  if (error instanceof InputError)
    return { code: error.code, message: { zh: named(error.zh), en: named(error.en) } }
  if (error instanceof QualityRuleError || error instanceof UnknownStandardError)
    return { code: 'GOVERNANCE_CHECK_RULES_INVALID', message: { zh: error.zh, en: error.en } }
  return null
}

/**
 * Checks a file against the standard's quality rules in bounded memory (a large CSV file in
 * worker threads, see quality/check-file.ts). A file none of whose columns names an element of
 * the standard is refused after its header, not read to the end.
 */
export async function checkFile(input: CheckInput): Promise<QualityReport> {
  const standard = findStandard(input.standard)
  const wanted = standard.elements.map((e) => input.columns[e.key] ?? e.key)
  const { report } = await checkFileRows(input.path, {
    standard,
    ...(input.parallel === undefined ? {} : { parallel: input.parallel }),
    ...(input.tempDir === undefined ? {} : { keySpill: { tempDir: input.tempDir } }),
    specs: standardRules(standard),
    runOptions({ columns }) {
      if (!wanted.some((column) => columns.includes(column))) throw noElements(standard, columns)
      return { runAt: input.runAt, columns: input.columns, samplesPerRule: input.samplesPerRule }
    },
  })
  return report
}
