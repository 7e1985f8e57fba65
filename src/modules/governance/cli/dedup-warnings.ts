import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { DedupModel } from '../dedup/index.js'

/** Below this many expected matched pairs, the m-probabilities are mostly the default prior. */
export const FEW_TRAINING_MATCHES = 20

/** Expected matched pairs the model learned its m-probabilities from, over all blocking rules. */
export const trainingMatches = (model: DedupModel): number =>
  model.training.reduce((sum, session) => sum + session.matches, 0)

/**
 * Warnings about a run's trained model, empty when it looks sound. Training cannot invert the
 * weights any more (u comes from random pairs and m/u is monotone), but a file with hardly any
 * duplicates teaches m little: clusters found then rest on the default prior.
 */
export function modelWarnings(model: DedupModel, clusterCount: number): LocalizedMessage[] {
  const learned = trainingMatches(model)
  if (clusterCount === 0 || learned >= FEW_TRAINING_MATCHES) return []
  const pairs = learned.toFixed(1)
  return [
    {
      zh: `训练数据中几乎没有重复（约 ${pairs} 对），匹配权重主要来自默认先验；以下 ${clusterCount} 组重复请人工核查后再采信。`,
      en: `The file holds almost no duplicates to learn from (about ${pairs} pairs): the match weights are mostly the default prior; review these ${clusterCount} clusters before acting on them.`,
    },
  ]
}
