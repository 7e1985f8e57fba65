import { describe, expect, it } from 'vitest'
import { DEMO_PROCESSES, FOOD_BUSINESS_LICENCE } from '../../../src/modules/catalog/demo/index.js'
import { compareBpmnModels } from '../../../src/modules/insight/conformance/compare-models.js'
import { discoverProcessTree } from '../../../src/modules/insight/mining/inductive-miner.js'
import { processTreeToBpmn } from '../../../src/modules/insight/mining/tree-to-bpmn.js'

const deployed = DEMO_PROCESSES[FOOD_BUSINESS_LICENCE.implementationCode]!
const [ACCEPT, REVIEW, INSPECT, DECIDE, ISSUE, CORRECT] = [
  '受理',
  '材料审查',
  '现场核查（会签）',
  '许可决定',
  '发放电子食品经营许可证',
  '补正',
]

describe('comparing a discovered model with the deployed definition', () => {
  it('names the activities and the task-to-task relations only one model has', async () => {
    // The log never ends at 许可决定 (no rejections) and has a correction round 受理 → 补正 → 受理.
    const variants = [
      { activities: [ACCEPT, REVIEW, INSPECT, DECIDE, ISSUE], count: 5 },
      { activities: [ACCEPT, INSPECT, REVIEW, DECIDE, ISSUE], count: 3 },
      { activities: [ACCEPT, CORRECT, ACCEPT, REVIEW, INSPECT, DECIDE, ISSUE], count: 2 },
    ]
    const discovered = await processTreeToBpmn(discoverProcessTree(variants, { noiseThreshold: 0 }))
    const result = await compareBpmnModels(discovered, deployed)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    const { activities, relations } = result.comparison
    expect(activities).toEqual({
      onlyDiscovered: [CORRECT],
      onlyDeployed: [],
      common: [ACCEPT, REVIEW, INSPECT, DECIDE, ISSUE].sort(),
    })
    expect(relations.onlyDiscovered).toEqual(
      expect.arrayContaining([
        { from: ACCEPT, to: CORRECT },
        { from: CORRECT, to: ACCEPT },
      ]),
    )
    expect(relations.onlyDiscovered).toHaveLength(2)
    expect(relations.onlyDeployed).toEqual([{ from: DECIDE, to: null }])
    expect(relations.common).toEqual(
      expect.arrayContaining([
        { from: null, to: ACCEPT },
        { from: ACCEPT, to: REVIEW },
        { from: ACCEPT, to: INSPECT },
        { from: REVIEW, to: DECIDE },
        { from: INSPECT, to: DECIDE },
        { from: DECIDE, to: ISSUE },
        { from: ISSUE, to: null },
      ]),
    )
  })

  it('finds nothing to report between a model and itself', async () => {
    const result = await compareBpmnModels(deployed, deployed)
    expect(result.ok && result.comparison.activities.onlyDeployed).toEqual([])
    expect(result.ok && result.comparison.relations.onlyDiscovered).toEqual([])
    expect(result.ok && result.comparison.relations.onlyDeployed).toEqual([])
  })

  it('reports problems under the model they are in', async () => {
    const result = await compareBpmnModels(deployed, '<oops')
    expect(result.ok ? [] : result.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/deployed#', 'unparsable'],
    ])
  })
})
