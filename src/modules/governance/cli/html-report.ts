import type { ColumnProfile } from '../profile/index.js'
import { QUALITY_DIMENSIONS } from '../quality/index.js'
import type { RuleReport } from '../quality/index.js'
import type { DataStandard } from '../standards/index.js'
import type { CheckResult } from './check-command.js'
import { topValues } from './check-summary.js'
import { both, DIMENSION_LABELS } from './labels.js'
import { barChart, escapeHtml as e, scoreColour } from './svg-bars.js'
import { count, percent, score } from './text-format.js'

const STYLE = `
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
.score{font-size:3rem;font-weight:700}.meta{color:#555}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
.chart{max-width:100%;height:auto;font-size:12px}.chart text{fill:#222}
.en{color:#666}details{margin:.5rem 0}code{font-size:.85rem}
`

const cell = (text: string, numeric = false): string =>
  `<td${numeric ? ' class="n"' : ''}>${e(text)}</td>`
const row = (cells: string[]): string => `<tr>${cells.join('')}</tr>`
const headRow = (labels: string[]): string =>
  `<tr>${labels.map((label) => `<th>${e(label)}</th>`).join('')}</tr>`
const bilingual = (zh: string, en: string): string => `${e(zh)} <span class="en">${e(en)}</span>`

function header(result: CheckResult): string {
  const { report, input } = result
  const format = [input.kind?.toUpperCase(), input.encoding?.toUpperCase()].filter(Boolean)
  const missing =
    result.columns.missing.length === 0
      ? ''
      : `<p>注意：文件中没有这些数据元的列 <span class="en">No column for these elements</span>: ${e(result.columns.missing.join(', '))}</p>`
  return `<h1>${bilingual('数据质量报告', 'Data quality report')}</h1>
<p class="meta">${e(result.file)} · ${e(format.join(', '))} · ${bilingual(`${count(report.rows)} 行`, `${count(report.rows)} rows`)} · ${bilingual(`${count(report.unreadableRows)} 行无法读取`, 'unreadable')} · ${e(report.runAt)}</p>
<p class="meta">${bilingual('标准', 'Standard')}: ${bilingual(report.standard.name.zh, report.standard.name.en)} (${e(report.standard.code)} ${e(report.standard.version)})</p>
<p>${bilingual('总分', 'Overall score')}: <span class="score">${e(score(report.score))}</span></p>${missing}`
}

function scoreCharts(result: CheckResult, standard: DataStandard): string {
  const { dimensions, elements } = result.report
  const dimensionBars = QUALITY_DIMENSIONS.map((d) => ({
    label: both(DIMENSION_LABELS[d]),
    value: dimensions[d].score,
    text: dimensions[d].score === null ? '— 未检查 not checked' : score(dimensions[d].score),
  }))
  const elementBars = standard.elements.map(({ key, name }) => {
    const value = elements[key]?.score ?? null
    return { label: `${name.zh} ${key}`, value, text: value === null ? '—' : score(value) }
  })
  const options = (title: string) => ({ title, max: 100, colour: scoreColour })
  return `<h2>${bilingual('各维度得分', 'Score per dimension')}</h2>
${barChart(dimensionBars, options('各维度得分 Score per dimension'))}
<h2>${bilingual('各数据元得分', 'Score per element')}</h2>
${barChart(elementBars, options('各数据元得分 Score per element'))}`
}

function failureChart(rules: readonly RuleReport[]): string {
  const max = Math.max(1, ...rules.map((r) => r.failed))
  const bars = rules.map((r) => ({ label: r.id, value: r.failed, text: count(r.failed) }))
  const title = '各规则失败行数 Failures per rule'
  return `<h2>${bilingual('各规则失败行数', 'Failures per rule')}</h2>
${barChart(bars, { title, max, colour: () => '#c62828' })}`
}

function ruleTable(rules: readonly RuleReport[]): string {
  const rows = rules.map((r) =>
    row([
      `<td><code>${e(r.id)}</code></td>`,
      `<td>${bilingual(r.name.zh, r.name.en)}</td>`,
      `<td>${bilingual(DIMENSION_LABELS[r.dimension].zh, DIMENSION_LABELS[r.dimension].en)}</td>`,
      cell(count(r.checks), true),
      cell(count(r.failed), true),
      cell(score(r.score), true),
      cell(
        Object.entries(r.reasons)
          .map(([reason, n]) => `${reason}: ${count(n)}`)
          .join('; '),
      ),
    ]),
  )
  const head = headRow([
    '规则 Rule',
    '名称 Name',
    '维度 Dimension',
    '检查 Checks',
    '失败 Failed',
    '得分 Score',
    '原因 Reasons',
  ])
  return `<h2>${bilingual('规则', 'Rules')}</h2><table>${head}${rows.join('')}</table>`
}

function sampleTable(rule: RuleReport): string {
  const rows = rule.samples.map((s) =>
    row([
      cell(String(s.line), true),
      cell(
        Object.entries(s.values)
          .map(([k, v]) => `${k}=${v ?? '∅'}`)
          .join(' ') ||
          (s.raw ?? ''),
      ),
      `<td>${bilingual(s.message.zh, s.message.en)}</td>`,
      `<td><code>${e(s.reason)}</code></td>`,
    ]),
  )
  const summary = `<code>${e(rule.id)}</code> ${bilingual(rule.name.zh, rule.name.en)} — ${bilingual(`${count(rule.failed)} 行失败，抽样 ${rule.samples.length} 行`, `${count(rule.failed)} failing rows, ${rule.samples.length} sampled`)}`
  const head = headRow(['行 Line', '值 Values', '说明 Message', '原因 Reason'])
  return `<details open><summary>${summary}</summary><table>${head}${rows.join('')}</table></details>`
}

function samples(rules: readonly RuleReport[]): string {
  const failing = rules.filter((r) => r.samples.length > 0)
  const body =
    failing.length === 0
      ? `<p>${bilingual('没有失败的行', 'No failing rows')}</p>`
      : failing.map(sampleTable).join('\n')
  return `<h2>${bilingual('失败行抽样', 'Sampled failing rows')}</h2>${body}`
}

const topPatterns = (summary: ColumnProfile['topPatterns']): string =>
  summary.entries
    .slice(0, 5)
    .map((entry) => `${entry.value} (${count(entry.count)})`)
    .join(', ')

function range(column: ColumnProfile): string {
  if (column.numbers !== null) return `${column.numbers.min} – ${column.numbers.max}`
  if (column.dates !== null) return `${column.dates.min} – ${column.dates.max}`
  return ''
}

function profileTable(result: CheckResult): string {
  const rows = result.profile.columns.map((c) =>
    row([
      `<td><code>${e(c.name)}</code></td>`,
      cell(c.type),
      cell(percent(c.nullRate), true),
      cell(`${c.distinct.exact ? '' : '≈'}${count(c.distinct.count)}`, true),
      cell(topValues(c, 5)),
      cell(topPatterns(c.topPatterns)),
      cell(range(c)),
    ]),
  )
  const head = headRow([
    '列 Column',
    '类型 Type',
    '空值 Null',
    '不同值 Distinct',
    '常见值 Top values',
    '常见格式 Top patterns',
    '范围 Range',
  ])
  return `<h2>${bilingual('列画像', 'Column profile')}</h2><table>${head}${rows.join('')}</table>`
}

/** The check as one HTML file: no scripts, no links, no fonts or images to fetch. */
export function checkHtml(result: CheckResult, standard: DataStandard): string {
  const { report } = result
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>数据质量报告 Data quality report — ${e(report.standard.name.zh)}</title>
<style>${STYLE}</style></head>
<body>
${header(result)}
${scoreCharts(result, standard)}
${failureChart(report.rules)}
${ruleTable(report.rules)}
${samples(report.rules)}
${profileTable(result)}
<p class="meta">${bilingual(report.scoring.zh, report.scoring.en)}</p>
</body>
</html>
`
}
