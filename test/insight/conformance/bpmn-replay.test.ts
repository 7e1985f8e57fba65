import { describe, expect, it } from 'vitest'
import { DEMO_PROCESSES, FOOD_BUSINESS_LICENCE } from '../../../src/modules/catalog/demo/index.js'
import { bpmnToPetriNet } from '../../../src/modules/insight/conformance/bpmn-net.js'
import { checkConformanceToBpmn } from '../../../src/modules/insight/conformance/index.js'
import {
  compileReplayModel,
  type ReplayModel,
} from '../../../src/modules/insight/conformance/replay-model.js'
import { replayVariants } from '../../../src/modules/insight/conformance/replay-log.js'
import { replayTrace } from '../../../src/modules/insight/conformance/token-replay.js'
import { processTreeToBpmn } from '../../../src/modules/insight/mining/tree-to-bpmn.js'
import { randomSource, randomTree, simulateLog } from './playout.js'

async function modelOf(xml: string): Promise<ReplayModel> {
  const result = await bpmnToPetriNet(xml)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return compileReplayModel(result.net)
}

const definitions = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="urn:test">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`

const flow = (id: string, source: string, target: string, condition?: string) =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`

/** start → a → inclusive split (b | c | d) → inclusive join → e → end */
const INCLUSIVE = definitions(`
  <bpmn:startEvent id="start" />
  <bpmn:userTask id="a" name="a" /><bpmn:userTask id="b" name="b" />
  <bpmn:userTask id="c" name="c" /><bpmn:userTask id="d" name="d" />
  <bpmn:userTask id="e" name="e" />
  <bpmn:inclusiveGateway id="split" /><bpmn:inclusiveGateway id="join" />
  <bpmn:endEvent id="end" />
  ${flow('f1', 'start', 'a')}${flow('f2', 'a', 'split')}
  ${flow('f3', 'split', 'b', 'x > 1')}${flow('f4', 'split', 'c', 'y')}${flow('f5', 'split', 'd', 'z')}
  ${flow('f6', 'b', 'join')}${flow('f7', 'c', 'join')}${flow('f8', 'd', 'join')}
  ${flow('f9', 'join', 'e')}${flow('f10', 'e', 'end')}`)

/** start → a (3-day timer: interrupting → escalate) → b → end; escalate → end2 */
const TIMER = definitions(`
  <bpmn:startEvent id="start" />
  <bpmn:userTask id="a" name="a" /><bpmn:userTask id="b" name="b" />
  <bpmn:userTask id="escalate" name="escalate" />
  <bpmn:boundaryEvent id="late" attachedToRef="a"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />
  ${flow('f1', 'start', 'a')}${flow('f2', 'a', 'b')}${flow('f3', 'b', 'end')}
  ${flow('f4', 'late', 'escalate')}${flow('f5', 'escalate', 'end2')}`)

describe('token replay against BPMN', () => {
  it('gives fitness 1.0 to logs played out from random trees against their BPMN', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = randomSource(seed)
      const tree = randomTree(random, 3 + Math.floor(random() * 6))
      const model = await modelOf(await processTreeToBpmn(tree))
      const report = replayVariants(model, simulateLog(tree, 40, random))
      expect(report.fitness, `seed ${seed}`).toBe(1)
    }
  })

  it('replays the deployed food business licence process, 会签 repeated and in parallel with review', async () => {
    const model = await modelOf(DEMO_PROCESSES[FOOD_BUSINESS_LICENCE.implementationCode]!)
    const issued = [
      '受理',
      '现场核查（会签）',
      '材料审查',
      '现场核查（会签）',
      '许可决定',
      '发放电子食品经营许可证',
    ]
    expect(replayTrace(model, issued).fitness).toBe(1)
    expect(replayTrace(model, ['受理', '材料审查', '现场核查（会签）', '许可决定']).fitness).toBe(1)
    const noReview = replayTrace(model, ['受理', '现场核查（会签）', '许可决定'])
    expect(noReview.fitness).toBeLessThan(1)
    expect(noReview.deviations).toEqual([
      { kind: 'skipped', position: 2, activity: '许可决定', skipped: ['材料审查'] },
    ])
    const early = replayTrace(model, ['许可决定', '受理', '材料审查', '现场核查（会签）'])
    expect(early.deviations[0]).toMatchObject({ kind: 'out_of_order', activity: '许可决定' })
  })

  it('lets an inclusive split run any non-empty set of branches, in any order', async () => {
    const model = await modelOf(INCLUSIVE)
    for (const trace of ['abe', 'ace', 'acde', 'adbce', 'abcde']) {
      expect(replayTrace(model, [...trace]).fitness, trace).toBe(1)
    }
    const none = replayTrace(model, [...'ae'])
    expect(none.fitness).toBeLessThan(1)
    expect(none.deviations).toMatchObject([{ kind: 'skipped', position: 1, activity: 'e' }])
    expect(replayTrace(model, [...'abbe']).deviations).toEqual([
      { kind: 'inserted', position: 2, activity: 'b', reason: 'not_enabled' },
    ])
  })

  it('follows an interrupting boundary timer instead of its task', async () => {
    const model = await modelOf(TIMER)
    expect(replayTrace(model, ['a', 'b']).fitness).toBe(1)
    expect(replayTrace(model, ['escalate']).fitness).toBe(1)
    expect(replayTrace(model, ['a', 'escalate']).fitness).toBeLessThan(1)
  })

  it('checks variants against a BPMN document in one call, or names what it cannot replay', async () => {
    const variants = [
      { activities: [...'abe'], count: 4, caseIds: ['c1', 'c2'] },
      { activities: [...'ae'], count: 1, caseIds: ['c9'] },
    ]
    const checked = await checkConformanceToBpmn(INCLUSIVE, variants)
    expect(checked.ok && checked.report.caseCount).toBe(5)
    expect(checked.ok && checked.report.nonConformingCases).toEqual(['c9'])
    const broken = await checkConformanceToBpmn(
      INCLUSIVE.replace('userTask id="e"', 'subProcess id="e"'),
      variants,
    )
    expect(broken.ok ? [] : broken.errors.map((e) => e.pointer)).toContain('/model#e')
  })

  it('reports elements it cannot replay by their id, and XML it cannot read', async () => {
    const unsupported = definitions(`
      <bpmn:startEvent id="start" /><bpmn:subProcess id="sub" />
      <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="end" />
      ${flow('f1', 'start', 'sub')}${flow('f2', 'sub', 'wait')}${flow('f3', 'wait', 'end')}`)
    const result = await bpmnToPetriNet(unsupported)
    expect(result.ok).toBe(false)
    const errors = result.ok ? [] : result.errors
    expect(errors.filter((e) => e.code === 'unsupported_element').map((e) => e.pointer)).toEqual([
      '/model#sub',
      '/model#wait',
    ])
    expect(errors.find((e) => e.pointer === '/model#wait')!.message.en).toContain(
      'bpmn:MessageEventDefinition',
    )
    expect(errors.map((e) => e.pointer)).toContain('/model#f1')
    const garbage = await bpmnToPetriNet('<not-bpmn')
    expect(garbage.ok ? [] : garbage.errors.map((e) => e.code)).toEqual(['unparsable'])
    const noStart = await bpmnToPetriNet(definitions('<bpmn:userTask id="a" />'))
    expect(noStart.ok ? [] : noStart.errors.map((e) => e.code)).toEqual(['start_event'])
  })
})
