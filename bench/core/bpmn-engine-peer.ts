import { EventEmitter } from 'node:events'
import { Engine } from 'bpmn-engine'

/** What bpmn-engine's `wait` listener receives for a user task: its API, with `signal`. */
interface Waiting {
  id: string
  signal(message?: unknown): void
}

/**
 * Starts one bpmn-engine instance of `source` (a new Engine, as one per instance is how it is
 * used) and resolves once every user task has reached its wait, with those waits and a promise
 * of the instance's end.
 */
export async function startPeerInstance(
  source: string,
  name: string,
): Promise<{ engine: Engine; waiting: Waiting[]; ended: Promise<unknown> }> {
  const engine = new Engine({ name, source })
  const listener = new EventEmitter()
  const waiting: Waiting[] = []
  listener.on('wait', (api: Waiting) => waiting.push(api))
  const ended = engine.waitFor('end')
  await engine.execute({ listener, variables: { applicant: name } })
  return { engine, waiting, ended }
}

/** One whole lifecycle: start, then signal each user task's wait in turn, until the end. */
export async function peerLifecycle(source: string, name: string, tasks: number): Promise<void> {
  const { waiting, ended } = await startPeerInstance(source, name)
  if (waiting.length !== tasks)
    throw new Error(`bpmn-engine: ${waiting.length} waiting user tasks, expected ${tasks}`)
  for (const task of waiting) task.signal({ approved: true })
  await ended
}

/** Lifecycles per second over `count` sequential instances (after `warmup` untimed ones). */
export async function peerLifecyclesPerSecond(
  source: string,
  tasks: number,
  count: number,
  warmup: number,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await peerLifecycle(source, `warmup-${i}`, tasks)
  const started = performance.now()
  for (let i = 0; i < count; i++) await peerLifecycle(source, `instance-${i}`, tasks)
  return count / ((performance.now() - started) / 1000)
}
