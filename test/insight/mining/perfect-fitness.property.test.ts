import { describe, expect, it } from 'vitest'
import { compileReplayModel } from '../../../src/modules/insight/conformance/replay-model.js'
import { replayVariants } from '../../../src/modules/insight/conformance/replay-log.js'
import { treeToPetriNet } from '../../../src/modules/insight/conformance/tree-net.js'
import type { Variant } from '../../../src/modules/insight/log/variants.js'
import { discoverProcessTree } from '../../../src/modules/insight/mining/inductive-miner.js'
import { formatTree } from '../../../src/modules/insight/mining/process-tree.js'
import { randomSource, randomTree, simulateLog } from '../conformance/playout.js'

/** Noise 0 is plain IM, which guarantees a model replaying every trace of its log. */
function expectPerfectFitness(variants: Variant[], seed: number): void {
  const tree = discoverProcessTree(variants, { noiseThreshold: 0 })
  const report = replayVariants(compileReplayModel(treeToPetriNet(tree)), variants)
  const unfit = report.variants.filter((v) => v.replay.fitness !== 1)
  const detail = unfit.map((v) => v.activities.join('')).join(' ')
  expect(unfit.length, `seed ${seed}: ${formatTree(tree)} does not fit ${detail}`).toBe(0)
  expect(report.fitness).toBe(1)
}

function randomLog(random: () => number): Variant[] {
  const alphabet = 'abcdef'.slice(0, 2 + Math.floor(random() * 5))
  return Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
    const length = Math.floor(random() * 8)
    const activities = Array.from(
      { length },
      () => alphabet[Math.floor(random() * alphabet.length)]!,
    )
    return { activities, count: 1 + Math.floor(random() * 20) }
  })
}

describe('IMf with noise 0 (property)', () => {
  it('replays every trace of 400 random logs with fitness 1.0', () => {
    for (let seed = 1; seed <= 400; seed++)
      expectPerfectFitness(randomLog(randomSource(seed)), seed)
  })

  it('replays every trace of 200 logs played out from random trees with fitness 1.0', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = randomSource(seed)
      const tree = randomTree(random, 3 + Math.floor(random() * 6))
      expectPerfectFitness(simulateLog(tree, 60, random), seed)
    }
  })
})
