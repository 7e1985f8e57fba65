import type { ColumnProfile } from '../profile/index.js'
import { QUALITY_DIMENSIONS } from '../quality/index.js'
import type { FailureSample, RuleReport } from '../quality/index.js'
import type { DataStandard } from '../standards/index.js'
import type { CheckResult } from './check-command.js'
import { both, DIMENSION_LABELS } from './labels.js'
import { count, percent, score, seconds, table, truncate } from './text-format.js'

const VALUE_WIDTH = 40

/** One failing row in a line: where, which values, and why in both languages. */
export function sampleLine(sample: FailureSample): string {
  const values = Object.entries(sample.values)
    .map(([key, value]) => `${key}=${value === null ? '∅' : truncate(value, VALUE_WIDTH)}`)
    .join(' ')
  const raw = sample.raw === undefined ? '' : ` «${truncate(sample.raw, VALUE_WIDTH)}»`
  const what = values === '' ? '' : `${values} — `
  return `第 ${sample.line} 行 line ${sample.line}: ${what}${sample.message.zh} / ${sample.message.en}${raw}`
}

function heading(result: CheckResult): string[] {
  const { report, input } = result
  const { name, code, version } = report.standard
  const format = [input.kind?.toUpperCase(), input.encoding?.toUpperCase()].filter(Boolean)
  const unreadable =
    report.unreadableRows > 0 ? `，${count(report.unreadableRows)} 行无法读取 unreadable` : ''
  const lines = [
    `数据质量检查 Data quality check: ${result.file}`,
    `标准 Standard: ${both(name)} (${code} ${version})`,
    `读取 Read: ${count(report.rows)} 行 rows (${format.join(', ')})${unreadable} · ${seconds(result.durationMs)}`,
  ]
  if (result.columns.missing.length > 0) {
    lines.push(
      `注意 Note: 文件中没有这些数据元的列 no column for these elements: ${result.columns.missing.join(', ')}`,
    )
  }
  lines.push(`总分 Overall score: ${score(report.score)}`)
  return lines
}

function dimensionTable(result: CheckResult): string {
  const rows = QUALITY_DIMENSIONS.map((d) => {
    const s = result.report.dimensions[d]
    return [
      both(DIMENSION_LABELS[d]),
      score(s.score),
      count(s.rules),
      count(s.checks),
      count(s.failed),
    ]
  })
  const header = ['维度 Dimension', '得分 Score', '规则 Rules', '检查 Checks', '失败 Failed']
  return table(header, rows, [1, 2, 3, 4])
}

function elementTable(result: CheckResult, standard: DataStandard): string {
  const rows = standard.elements.map(({ key, name }) => {
    const s = result.report.elements[key]
    const column = result.columns.columns[key]
    const where =
      column === undefined ? '（无列 no column）' : column === key ? key : `${key} ← ${column}`
    return [`${both(name)} (${where})`, score(s?.score ?? null), count(s?.failed ?? 0)]
  })
  return table(['数据元 Element', '得分 Score', '失败 Failed'], rows, [1, 2])
}

function ruleBlock(rule: RuleReport, shown: number): string[] {
  const samples = rule.samples.slice(0, shown)
  const lines = samples.map((sample) => `    ${sampleLine(sample)}`)
  const more = rule.failed - samples.length
  if (samples.length > 0 && more > 0)
    lines.push(`    … 另有 ${count(more)} 行 and ${count(more)} more`)
  if (rule.note !== null) lines.push(`    ${both(rule.note)}`)
  return lines
}

function ruleTable(result: CheckResult, shown: number): string {
  const rows = result.report.rules.map((rule) => [
    rule.id,
    truncate(both(rule.name), 48),
    score(rule.score),
    count(rule.checks),
    count(rule.failed),
  ])
  const header = ['规则 Rule', '名称 Name', '得分 Score', '检查 Checks', '失败 Failed']
  const lines = table(header, rows, [2, 3, 4]).split('\n')
  const out = [lines[0] ?? '']
  result.report.rules.forEach((rule, i) => out.push(lines[i + 1] ?? '', ...ruleBlock(rule, shown)))
  return out.join('\n')
}

/** The commonest values, or a note when no value repeats (an ID column). */
export function topValues(column: ColumnProfile, shown: number): string {
  const entries = column.topValues.entries.slice(0, shown)
  if (entries.length > 0 && entries.every((e) => e.count === 1))
    return '（值各不相同 all distinct）'
  return truncate(entries.map((e) => `${e.value} (${count(e.count)})`).join(', '), 50)
}

function profileTable(result: CheckResult): string {
  const rows = result.profile.columns.map((column) => [
    truncate(column.name, 30),
    column.type,
    percent(column.nullRate),
    `${column.distinct.exact ? '' : '≈'}${count(column.distinct.count)}`,
    topValues(column, 3),
  ])
  const header = ['列 Column', '类型 Type', '空值 Null', '不同值 Distinct', '常见值 Top values']
  return table(header, rows, [2, 3])
}

/** The terminal summary of a check: scores by dimension, element and rule, a few failing rows each. */
export function checkSummaryText(
  result: CheckResult,
  standard: DataStandard,
  options: { samplesShown: number },
): string {
  return (
    [
      heading(result).join('\n'),
      dimensionTable(result),
      elementTable(result, standard),
      ruleTable(result, options.samplesShown),
      `列画像 Column profile\n${profileTable(result)}`,
      both(result.report.scoring),
    ].join('\n\n') + '\n'
  )
}
