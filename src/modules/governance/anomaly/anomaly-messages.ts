import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { IqrFences } from './iqr.js'
import type { RobustBaseline } from './robust-z.js'

/** At most two decimals, without trailing zeros: 3.5, 8000, -12.35. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100)
}

const inGroup = (group: string | null, text: LocalizedMessage): LocalizedMessage =>
  group === null
    ? text
    : { zh: `分组「${group}」：${text.zh}`, en: `In group "${group}": ${text.en}` }

function spreadText(baseline: RobustBaseline): LocalizedMessage {
  const centre = formatNumber(baseline.median)
  if (baseline.spread === 'mad') {
    const mad = formatNumber(baseline.mad)
    return { zh: `中位数 ${centre}，MAD ${mad}`, en: `median ${centre}, MAD ${mad}` }
  }
  const meanAd = formatNumber(baseline.meanAbsoluteDeviation)
  return {
    zh: `中位数 ${centre}，MAD 为 0，改用平均绝对偏差 ${meanAd}`,
    en: `median ${centre}; MAD is 0, mean absolute deviation ${meanAd} used`,
  }
}

export function robustZReason(
  group: string | null,
  score: number,
  threshold: number,
  baseline: RobustBaseline,
): LocalizedMessage {
  const [z, t, spread] = [formatNumber(score), formatNumber(threshold), spreadText(baseline)]
  return inGroup(group, {
    zh: `修正 Z 分数 ${z} 的绝对值超过阈值 ${t}（${spread.zh}）`,
    en: `modified z-score ${z} is beyond ±${t} (${spread.en})`,
  })
}

export function iqrReason(
  group: string | null,
  value: number,
  fences: IqrFences,
): LocalizedMessage {
  const [v, k, iqr] = [formatNumber(value), formatNumber(fences.k), formatNumber(fences.iqr)]
  if (value > fences.upper) {
    const [upper, q3] = [formatNumber(fences.upper), formatNumber(fences.q3)]
    return inGroup(group, {
      zh: `${v} 高于上限 ${upper}（Q3 ${q3} + ${k} × IQR ${iqr}）`,
      en: `${v} is above the upper fence ${upper} (Q3 ${q3} + ${k} × IQR ${iqr})`,
    })
  }
  const [lower, q1] = [formatNumber(fences.lower), formatNumber(fences.q1)]
  return inGroup(group, {
    zh: `${v} 低于下限 ${lower}（Q1 ${q1} − ${k} × IQR ${iqr}）`,
    en: `${v} is below the lower fence ${lower} (Q1 ${q1} − ${k} × IQR ${iqr})`,
  })
}

export function qualityDropReason(
  score: number,
  drop: number,
  baseline: RobustBaseline,
  z: number | null,
): LocalizedMessage {
  const [s, d, m, n] = [
    formatNumber(score),
    formatNumber(drop),
    formatNumber(baseline.median),
    baseline.count,
  ]
  const detail: LocalizedMessage =
    z === null
      ? { zh: '此前得分没有波动', en: 'the previous scores did not vary' }
      : { zh: `修正 Z 分数 ${formatNumber(z)}`, en: `modified z-score ${formatNumber(z)}` }
  return {
    zh: `质量分 ${s} 较此前 ${n} 个点的中位数 ${m} 下降 ${d} 分（${detail.zh}）`,
    en: `Quality score ${s} is ${d} points below the median ${m} of the previous ${n} points (${detail.en})`,
  }
}
