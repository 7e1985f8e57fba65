import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { DedupModel } from '../dedup/index.js'

/**
 * Fields whose trained weights rank agreement below disagreement: exact agreement weighs less
 * than 'different'. A sound model never does that; EM has then taken the non-matches for the
 * match class (it happens when the candidate pairs hold almost no true duplicates).
 */
export function invertedFields(model: DedupModel): string[] {
  return Object.entries(model.weights)
    .filter(([, levels]) => {
      const { exact, different } = levels
      return exact !== undefined && different !== undefined && exact !== 0 && exact < different
    })
    .map(([field]) => field)
}

/** Warnings about a run's trained model, empty when it looks sound. */
export function modelWarnings(model: DedupModel): LocalizedMessage[] {
  const fields = invertedFields(model)
  if (fields.length === 0) return []
  const names = fields.join(', ')
  return [
    {
      zh: `模型训练结果不可信：字段 ${names} 完全一致的权重反而低于不一致（匹配比例 λ=${model.lambda.toFixed(3)}）。数据中真实重复可能极少，以下重复组不可采信，请人工核查。`,
      en: `The trained model cannot be trusted: for ${names}, exact agreement weighs less than disagreement (match share λ=${model.lambda.toFixed(3)}). The file may hold almost no real duplicates; do not act on these clusters without review.`,
    },
  ]
}
