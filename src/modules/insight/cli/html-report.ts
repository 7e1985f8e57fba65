import type { AnalysisReport } from '../analysis.js'
import type { DurationStats } from '../discovery/duration-stats.js'
import type { IssueReport } from '../log/log-messages.js'
import type { TimeStats } from '../performance/time-stats.js'

const esc = (text: string | number) =>
  String(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  )

const HOUR = 3_600_000

/** Milliseconds as days or hours, for reading. */
export function humanDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—'
  if (Math.abs(ms) >= 48 * HOUR) return `${(ms / (24 * HOUR)).toFixed(1)} 天 d`
  return `${(ms / HOUR).toFixed(1)} 小时 h`
}

const median = (stats: DurationStats | null) => humanDuration(stats?.median)
const workingMedian = (stats: TimeStats) => {
  const w = stats.workingDays
  if (w === null) return '—'
  return w.count === 0
    ? `未知 unknown (${w.unknown})`
    : `${w.median} 工作日 wd${w.unknown > 0 ? ` (+${w.unknown} 未知)` : ''}`
}

function table(head: string[], rows: Array<Array<string | number>>): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('')
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`
}

function section(title: string, content: string): string {
  return `<section><h2>${esc(title)}</h2>${content}</section>`
}

function performanceHtml(report: AnalysisReport): string {
  const perf = report.performance
  if (perf === undefined) return ''
  const groups = (rows: NonNullable<AnalysisReport['performance']>['activities']) =>
    table(
      [
        '',
        '次数 instances',
        '等待中位 median wait',
        '等待 (工作日)',
        '办理中位 median service',
        '办理 (工作日)',
      ],
      rows
        .slice(0, 30)
        .map((g) => [
          g.key || '—',
          g.instances,
          median(g.waiting.calendar),
          workingMedian(g.waiting),
          median(g.service.calendar),
          workingMedian(g.service),
        ]),
    )
  const bottlenecks = table(
    ['排名 rank', '活动 activity', '合计 total', '占案件时长 share', '平均 mean'],
    perf.bottlenecks
      .slice(0, 10)
      .map((b) => [
        b.rank,
        b.activity,
        humanDuration(b.totalMs),
        `${(b.share * 100).toFixed(1)} %`,
        humanDuration(b.meanMs),
      ]),
  )
  const cases = `<p>案件时长中位 median case duration: ${median(perf.cases.duration.calendar)} · ${workingMedian(perf.cases.duration)} (日历年份 calendar years ${perf.calendarYears.join(', ')})</p>`
  return (
    section('瓶颈 Bottlenecks', bottlenecks) +
    section('活动 Activities', cases + groups(perf.activities)) +
    section('部门 Departments', groups(perf.departments)) +
    section('人员 Staff', groups(perf.resources))
  )
}

function reworkHtml(report: AnalysisReport): string {
  const rework = report.rework
  if (rework === undefined) return ''
  const repeats = table(
    ['活动 activity', '案件 cases', '重复 repetitions', '单案最多 max'],
    rework.repeats.activities
      .slice(0, 20)
      .map((r) => [r.activity, r.cases, r.repetitions, r.maxInOneCase]),
  )
  const reviews = table(
    [
      '审查 review',
      '紧随 follows',
      '次数 occurrences',
      '紧随比例 share after',
      '改变结论 changed',
      '案件示例 cases',
    ],
    rework.redundantReviews.map((r) => [
      r.activity,
      r.follows,
      r.occurrences,
      `${(r.followShare * 100).toFixed(1)} %`,
      `${r.changed} / ${r.judged}`,
      r.exampleCases.slice(0, 3).join(', '),
    ]),
  )
  return (
    section('返工 Rework', repeats) + section('疑似重复审查 Candidate redundant reviews', reviews)
  )
}

function conformanceHtml(report: AnalysisReport): string {
  const c = report.conformance
  if (c === undefined) return ''
  if (!c.ok)
    return section(
      '一致性 Conformance',
      table(
        ['元素 element', '问题 problem'],
        c.errors.map((e) => [e.pointer, `${e.message.zh} / ${e.message.en}`]),
      ),
    )
  const r = c.report
  return section(
    '一致性 Conformance',
    `<p>拟合度 fitness ${r.fitness.toFixed(4)} · ${r.fittingCaseCount} / ${r.caseCount} 案件完全符合 cases fit</p>` +
      table(
        ['偏差 deviation', '活动 activity', '案件 cases'],
        r.deviations.slice(0, 30).map((d) => [d.kind, d.activity, d.cases]),
      ),
  )
}

/** A self-contained HTML page (inline CSS and SVG, no script) of a mining report. */
export function htmlReport(
  file: string,
  report: AnalysisReport,
  issues: IssueReport,
  dfgSvg: string | null,
): string {
  const { counts } = report
  const summary = `<p>${esc(file)} · 案件 cases ${counts.cases} · 事件 events ${counts.events} · 活动 activities ${counts.activities} · 变体 variants ${counts.variants} · 问题 issues ${issues.total}</p>`
  const variants =
    report.variants === undefined
      ? ''
      : section(
          '变体 Variants',
          table(
            ['#', '案件 cases', '占比 share', '活动序列 activities'],
            report.variants.map((v, i) => [
              i + 1,
              v.count,
              `${(v.share * 100).toFixed(1)} %`,
              v.activities.join(' → '),
            ]),
          ),
        )
  const graph =
    dfgSvg === null
      ? ''
      : section('直接跟随图 Directly-follows graph', `<div class="graph">${dfgSvg}</div>`)
  const problems =
    issues.total === 0
      ? ''
      : section(
          '数据问题 Issues in the log',
          table(
            ['代码 code', '说明 message'],
            issues.issues.slice(0, 50).map((i) => [i.code, `${i.message.zh} / ${i.message.en}`]),
          ),
        )
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>流程挖掘报告 Process mining report</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left}th{background:#f3f5f8}.graph{overflow:auto;border:1px solid #ddd}</style>
</head><body><h1>流程挖掘报告 Process mining report</h1>${summary}${graph}${variants}${performanceHtml(report)}${reworkHtml(report)}${conformanceHtml(report)}${problems}</body></html>\n`
}
