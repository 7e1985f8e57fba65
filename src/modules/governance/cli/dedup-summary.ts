import { LEVEL_LABELS } from '../dedup/index.js'
import type { ClusterOut, DedupReport } from './dedup-command.js'
import { DEDUP_PRESETS } from './dedup-records.js'
import { both } from './labels.js'
import { count, seconds, table, truncate } from './text-format.js'

const VALUE_WIDTH = 24

function heading(report: DedupReport): string[] {
  const preset = DEDUP_PRESETS[report.kind]
  const fields = Object.entries(report.fields).map(([field, column]) => {
    const label = preset.fields[field]?.label ?? { zh: field, en: field }
    return `${both(label)} ← ${column}`
  })
  const lines = [
    `重复检测 Duplicate detection: ${report.file} (${both(preset.label)})`,
    `字段 Fields: ${fields.join(', ')}`,
    `读取 Read ${count(report.input.rows)} 行 rows · 比对 ${count(report.pairsCompared)} 对 pairs compared` +
      ` (全部 of ${count(report.allPairs)}) · ${seconds(report.durationMs)}`,
  ]
  if (report.unreadable.count > 0) {
    const first = report.unreadable.first.map((u) => `第 ${u.line} 行 line ${u.line}: ${u.message}`)
    lines.push(
      `${count(report.unreadable.count)} 行无法读取 rows unreadable, e.g. ${first.join('; ')}`,
    )
  }
  for (const stats of report.blockStats.filter((s) => s.skippedBlocks > 0)) {
    lines.push(
      `注意 Note: 分块规则 ${stats.rule} 跳过 ${count(stats.skippedBlocks)} 个过大的块 skipped blocks too large to compare`,
    )
  }
  lines.push(
    `找到 ${count(report.clusterCount)} 组重复，涉及 ${count(report.recordsInClusters)} 条记录 · ` +
      `found ${count(report.clusterCount)} clusters of ${count(report.recordsInClusters)} records; ` +
      `待复核的可能重复 possible pairs for review: ${count(report.possiblePairCount)}`,
  )
  return lines
}

/** Records of a cluster shown in full; a larger cluster shows these and a count. */
const MEMBERS_SHOWN = 10

function clusterBlock(report: DedupReport, cluster: ClusterOut, index: number): string {
  const fields = Object.keys(report.fields)
  const size = cluster.lines.length
  const hidden = size - MEMBERS_SHOWN
  const lines = cluster.lines.slice(0, MEMBERS_SHOWN)
  const etc = hidden > 0 ? ` … (+${count(hidden)})` : ''
  const title =
    `#${index + 1}  置信度 confidence ${cluster.confidence.toFixed(3)} · ` +
    `${count(size)} 条记录 records · 第 ${lines.join('、')}${etc} 行 lines ${lines.join(', ')}${etc}`
  const rows = cluster.records
    .slice(0, MEMBERS_SHOWN)
    .map((record) => [
      `${record.line}`,
      ...fields.map((field) => truncate(record.fields[field] ?? '∅', VALUE_WIDTH)),
    ])
  const members = table(['行 Line', ...fields], rows).split('\n')
  if (hidden > 0) members.push(`… 另有 ${count(hidden)} 条 and ${count(hidden)} more records`)
  const evidence = `证据 evidence: ${evidenceText(cluster, fields)}`
  return [title, ...[...members, evidence].map((line) => `    ${line}`)].join('\n')
}

const weightText = (weight: number): string =>
  weight === 0 ? '0' : `${weight > 0 ? '+' : ''}${weight.toFixed(1)}`

/** Each field's levels with their weights; with several pairs, how many pairs reached each. */
function evidenceText(cluster: ClusterOut, fields: readonly string[]): string {
  const several = cluster.edges.length > 1
  return fields
    .map((field) => {
      const levels = cluster.evidence
        .filter((e) => e.field === field)
        .sort((a, b) => b.pairs - a.pairs)
        .map((e) => {
          const label = LEVEL_LABELS[e.level]
          const pairs = several ? ` ×${e.pairs}` : ''
          return `${label.zh} ${label.en} ${weightText(e.weight)}${pairs}`
        })
      return levels.length === 0 ? '' : `${field} ${levels.join(', ')}`
    })
    .filter((text) => text !== '')
    .join('; ')
}

function evaluationLine(report: DedupReport): string[] {
  const evaluation = report.evaluation
  if (evaluation === null) return []
  return [
    `评估 Evaluation (--truth ${evaluation.truthColumn}): 精确率 precision ${evaluation.precision.toFixed(4)}, ` +
      `召回率 recall ${evaluation.recall.toFixed(4)} (真实重复对 true pairs ${count(evaluation.truePairs)}, ` +
      `找到 found pairs ${count(evaluation.foundPairs)})`,
  ]
}

/** The terminal summary of a dedup run: counts, the first `shown` clusters in full, a count of the rest. */
export function dedupSummaryText(report: DedupReport, options: { shown: number }): string {
  const shown = report.clusters.slice(0, options.shown)
  const rest = report.clusterCount - shown.length
  const more =
    rest > 0
      ? [
          `… 另有 ${count(rest)} 组未显示 and ${count(rest)} more clusters (--show N, --json OUT.json)`,
        ]
      : []
  const clusters = shown.map((cluster, i) => clusterBlock(report, cluster, i))
  const warnings = report.warnings.map((w) => `警告 WARNING: ${w.zh}\n${w.en}`)
  const parts = [heading(report).join('\n'), ...warnings, ...clusters, ...more]
  return [...parts, ...evaluationLine(report)].join('\n\n') + '\n'
}
