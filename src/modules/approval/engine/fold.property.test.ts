import { describe, expect, it } from 'vitest'
import type { EngineCommand } from './engine-commands.js'
import {
  compile,
  end,
  flow,
  gateway,
  Harness,
  processXml,
  serviceTask,
  start,
  timer,
  userTask,
} from './engine-test-support.js'
import { foldInstance } from './instance-state.js'

const xml = processXml(
  start(),
  userTask('accept'),
  userTask('review', { assignee: '"x"' }),
  gateway('parallel', 'split'),
  userTask('a'),
  timer('a_late', 'a', 'P1D', { onTimeout: 'remind' }),
  userTask('b', {
    mi: { collection: 'signers', condition: 'nrOfApprovals / nrOfInstances >= 2/3' },
  }),
  timer('b_late', 'b', 'P2D', { onTimeout: 'auto_approve' }),
  userTask('c', { mi: { collection: 'signers', sequential: true } }),
  gateway('parallel', 'join'),
  serviceTask('issue', 'issue-licence'),
  end(),
  flow('start', 'accept'),
  flow('accept', 'review'),
  flow('review', 'split'),
  flow('split', 'a'),
  flow('split', 'b'),
  flow('split', 'c'),
  flow('a', 'join'),
  flow('b', 'join'),
  flow('c', 'join'),
  flow('join', 'issue'),
  flow('issue', 'end'),
)

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const STAFF = ['a1', 'a2', 'a3', 'x', 'y']

function randomCommand(h: Harness, random: () => number): EngineCommand {
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
  const task = pick(Object.values(h.state.tasks).filter((t) => t.status !== 'completed'))
  const taskId = task?.id ?? 'none'
  const actorId = random() < 0.85 ? (task?.assignee ?? pick(STAFF) ?? 'x') : (pick(STAFF) ?? 'x')
  const job = pick(Object.values(h.state.services))
  const commands: EngineCommand[] = [
    { type: 'complete', taskId, actorId, approved: random() < 0.7 },
    { type: 'complete', taskId, actorId, approved: random() < 0.7 },
    { type: 'complete', taskId, actorId },
    { type: 'claim', taskId, actorId },
    { type: 'transfer', taskId, actorId, to: pick(STAFF) ?? 'x' },
    { type: 'delegate', taskId, actorId, to: pick(STAFF) ?? 'x' },
    { type: 'resolve', taskId, actorId },
    {
      type: 'addSigner',
      taskId,
      actorId,
      signer: pick(STAFF) ?? 'x',
      position: random() < 0.5 ? 'before' : 'after',
    },
    { type: 'removeSigner', taskId, actorId },
    {
      type: 'returnTo',
      taskId,
      actorId,
      nodeId: pick(['accept', 'review']) ?? 'accept',
      reason: 'back',
    },
    {
      type: 'jump',
      taskId,
      actorId,
      nodeId: pick(['accept', 'a', 'b', 'join', 'issue']) ?? 'a',
      reason: 'jump',
    },
    { type: 'fireTimer', timerId: pick(Object.keys(h.state.timers)) ?? 'none' },
    { type: 'completeService', taskId: job?.id ?? 'none' },
    { type: 'failService', taskId: job?.id ?? 'none', reason: 'down' },
    { type: 'retryService', taskId: job?.id ?? 'none' },
  ]
  if (random() < 0.01) commands.push({ type: 'terminate', actorId: 'admin', reason: 'stop' })
  return pick(commands) ?? commands[0]!
}

describe('folding', () => {
  it('gives the same state folded at once or command by command, for random command sequences', async () => {
    const model = await compile(xml)
    const accepted = new Map<string, number>()
    for (let seed = 1; seed <= 40; seed += 1) {
      const random = prng(seed)
      const h = new Harness(model)
      h.now = '2026-03-10T00:00:00.000Z'
      h.run({ type: 'start', variables: { signers: ['a1', 'a2', 'a3'] } })
      for (let step = 0; step < 80 && h.state.status === 'running'; step += 1) {
        const before = h.state
        if (random() < 0.2) h.now = new Date(Date.parse(h.now) + 86_400_000).toISOString()
        const command = randomCommand(h, random)
        const result = h.attempt(command)
        if (result.ok) accepted.set(command.type, (accepted.get(command.type) ?? 0) + 1)
        else expect(h.state).toBe(before)
        for (const t of Object.values(h.state.tasks))
          if (t.status === 'open' || t.status === 'suspended')
            expect(h.state.tokens[t.tokenId]).toBeDefined()
      }
      expect(foldInstance(h.events)).toEqual(h.state)
      expect(h.state.version).toBe(h.events.length)
      expect(JSON.parse(JSON.stringify(h.events))).toEqual(h.events)
      if (h.state.status !== 'running') expect(h.state.tokens).toEqual({})
    }
    expect([...accepted.keys()].sort()).toEqual(
      expect.arrayContaining([
        'addSigner',
        'claim',
        'complete',
        'completeService',
        'delegate',
        'failService',
        'fireTimer',
        'jump',
        'removeSigner',
        'returnTo',
        'retryService',
      ]),
    )
  })
})
