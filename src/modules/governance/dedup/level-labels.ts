import type { LocalisedMessage } from '../../../platform/standards/index.js'
import type { ComparisonLevel } from './types.js'

/** How a reviewer sees each comparison level in a cluster's evidence. */
export const LEVEL_LABELS: Readonly<Record<ComparisonLevel, LocalisedMessage>> = {
  exact: { zh: '完全一致', en: 'Identical' },
  phonetic: { zh: '读音相同（同音字）', en: 'Same pronunciation' },
  close: { zh: '非常接近', en: 'Very close' },
  similar: { zh: '相似', en: 'Similar' },
  different: { zh: '不同', en: 'Different' },
  transposed: { zh: '月日颠倒', en: 'Day and month swapped' },
  'one-component': { zh: '年月日中一项不同', en: 'One of year, month, day differs' },
  'year-near': { zh: '年份相差不超过一年', en: 'Years at most one apart' },
  missing: { zh: '缺少数据', en: 'Missing' },
}
