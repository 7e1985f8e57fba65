import { describe, expect, it } from 'vitest'
import { compileReplayModel } from '../../../src/modules/insight/conformance/replay-model.js'
import {
  fitnessPerCase,
  replayVariants,
} from '../../../src/modules/insight/conformance/replay-log.js'
import { replayTrace } from '../../../src/modules/insight/conformance/token-replay.js'
import { treeToPetriNet } from '../../../src/modules/insight/conformance/tree-net.js'
import {
  activity,
  loop,
  parallel,
  sequence,
  TAU,
  xor,
  type ProcessTree,
} from '../../../src/modules/insight/mining/process-tree.js'
import { randomSource, randomTree, simulateLog } from './playout.js'

const A = activity
/** →(a, ∧(b, c), ×(d, e), ↺(f, g), h) */
const MODEL: ProcessTree = sequence([
  A('a'),
  parallel([A('b'), A('c')]),
  xor([A('d'), A('e')]),
  loop(A('f'), [A('g')]),
  A('h'),
])
const model = compileReplayModel(treeToPetriNet(MODEL))
const replay = (trace: string) => replayTrace(model, [...trace])

describe('token replay against a process tree', () => {
  it('gives fitness 1.0 to logs played out from 150 random trees', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const random = randomSource(seed)
      const tree = randomTree(random, 3 + Math.floor(random() * 7))
      const report = replayVariants(
        compileReplayModel(treeToPetriNet(tree)),
        simulateLog(tree, 40, random),
      )
      expect(report.fitness, `seed ${seed}`).toBe(1)
      expect(report.nonConformingCases, `seed ${seed}`).toEqual([])
    }
  })

  it('counts tokens as Rozinat and van der Aalst do on a fitting trace', () => {
    const r = replay('acbdfgfh')
    expect(r).toMatchObject({ fitness: 1, missing: 0, remaining: 0, deviations: [] })
    expect(r.produced).toBe(r.consumed)
  })

  it('reports a skipped activity before the event that needed it', () => {
    const r = replay('abdfh')
    expect(r.fitness).toBeLessThan(1)
    expect(r.deviations).toEqual([{ kind: 'skipped', position: 2, activity: 'd', skipped: ['c'] }])
    // d's input is missing; b's output and c's input are left
    expect(r).toMatchObject({ missing: 1, remaining: 2 })
  })

  it('reports activities skipped at the end of an unfinished case', () => {
    const r = replay('abcd')
    expect(r.deviations).toEqual([
      { kind: 'skipped', position: 4, activity: null, skipped: ['f', 'h'] },
    ])
  })

  it('reports an activity the model lacks, and a repetition the model does not allow', () => {
    expect(replay('abcxdfh').deviations).toEqual([
      { kind: 'inserted', position: 3, activity: 'x', reason: 'not_in_model' },
    ])
    expect(replay('abcddfh').deviations).toEqual([
      { kind: 'inserted', position: 4, activity: 'd', reason: 'not_enabled' },
    ])
    expect(replay('abcxdfh').fitness).toBeLessThan(1)
  })

  it('reports a swap as the earlier event coming before the ones the model puts first', () => {
    const r = replay('abcfdh')
    expect(r.fitness).toBeLessThan(1)
    expect(r.deviations).toEqual([
      { kind: 'out_of_order', position: 3, activity: 'f', before: ['d'] },
    ])
    expect(replay('adbcfh').deviations).toEqual([
      { kind: 'out_of_order', position: 1, activity: 'd', before: ['b', 'c'] },
    ])
  })

  it('keeps swaps inside a parallel block and repetitions of a loop fitting', () => {
    expect(replay('acbefgfgfh').fitness).toBe(1)
  })

  it('replays each variant once and reports per case, overall and the non-conforming cases', () => {
    const report = replayVariants(model, [
      { activities: [...'abcdfh'], count: 3, caseIds: ['c1', 'c2', 'c3'] },
      { activities: [...'abdfh'], count: 1, caseIds: ['c4'] },
    ])
    expect(report.caseCount).toBe(4)
    expect(report.fittingCaseCount).toBe(3)
    expect(report.nonConformingCases).toEqual(['c4'])
    expect(report.cases.find((c) => c.caseId === 'c4')!.fitness).toBeLessThan(1)
    expect(report.fitness).toBeGreaterThan(report.variants[1]!.replay.fitness)
    expect(report.fitness).toBeLessThan(1)
    expect(report.deviations).toEqual([{ kind: 'skipped', activity: 'c', cases: 1 }])
  })

  it('lowers fitness for planted deviations in generated logs, at the planted activity', () => {
    const strict = sequence([...'abcdefg'].map(A))
    const net = compileReplayModel(treeToPetriNet(strict))
    for (let seed = 1; seed <= 50; seed++) {
      const random = randomSource(seed)
      const at = 1 + Math.floor(random() * 5)
      const trace = [...'abcdefg']
      const skipped = trace.filter((_, i) => i !== at)
      expect(replayTrace(net, skipped).deviations).toEqual([
        { kind: 'skipped', position: at, activity: trace[at + 1], skipped: [trace[at]] },
      ])
      const swapped = [...trace]
      ;[swapped[at], swapped[at + 1]] = [trace[at + 1]!, trace[at]!]
      expect(replayTrace(net, swapped).deviations).toEqual([
        { kind: 'out_of_order', position: at, activity: trace[at + 1], before: [trace[at]] },
      ])
    }
  })

  it('replays a parallel block of 16 optional branches, beyond any search of its interleavings', () => {
    const labels = Array.from({ length: 16 }, (_, i) => `x${i}`)
    const tree = sequence([A('a'), parallel(labels.map((x) => xor([A(x), TAU]))), A('z')])
    const net = compileReplayModel(treeToPetriNet(tree))
    expect(replayTrace(net, ['a', 'x3', 'z']).fitness).toBe(1)
    // Ending inside the block: the end must skip the 15 other branches.
    const open = compileReplayModel(
      treeToPetriNet(sequence([A('a'), parallel(labels.map((x) => xor([A(x), TAU])))])),
    )
    expect(replayTrace(open, ['a', 'x3']).fitness).toBe(1)
    expect(replayTrace(net, ['a', 'x9', 'x2']).fitness).toBeLessThan(1)
    expect(replayTrace(net, ['a', 'x9', 'x2']).deviations).toEqual([
      { kind: 'skipped', position: 3, activity: null, skipped: ['z'] },
    ])
  })

  it('credits every case with its variant’s fitness through the variant index', () => {
    const report = replayVariants(model, [
      { activities: [...'abcdfh'], count: 2 },
      { activities: [...'abdfh'], count: 1 },
    ])
    const perCase = fitnessPerCase(report, Int32Array.from([1, 0, 0]))
    expect([...perCase]).toEqual([report.variants[1]!.replay.fitness, 1, 1])
  })

  it('fits a τ branch of a choice and an optional loop without deviations', () => {
    const tree = sequence([A('a'), xor([A('b'), TAU]), loop(TAU, [A('c')]), A('d')])
    const net = compileReplayModel(treeToPetriNet(tree))
    for (const trace of ['ad', 'abd', 'acd', 'abcccd'])
      expect(replayTrace(net, [...trace]).fitness).toBe(1)
  })
})
