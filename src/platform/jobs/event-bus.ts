import type { Transaction } from 'kysely'
import type { RootDb } from '../db/database.js'
import type { JobQueue } from './job-queue.js'
import type { JobHandler, JobRunner } from './job-runner.js'

export interface DomainEvent<P = unknown> {
  topic: string
  payload: P
}

/**
 * The outbox: publishing writes one job per subscriber in the publisher's transaction; the job
 * runner delivers them. An event is never lost on a crash and never delivered twice to one
 * subscriber's database effects.
 */
export interface EventBus {
  subscribe(topic: string, subscriber: string, handler: JobHandler): void
  publish(trx: Transaction<unknown> | RootDb, event: DomainEvent): Promise<void>
}

export function createEventBus(deps: { queue: JobQueue; runner: JobRunner }): EventBus {
  const subscribers = new Map<string, string[]>()
  return {
    subscribe(topic, subscriber, handler) {
      const kind = `event:${topic}:${subscriber}`
      deps.runner.register(kind, handler)
      subscribers.set(topic, [...(subscribers.get(topic) ?? []), kind])
    },
    async publish(trx, event) {
      for (const kind of subscribers.get(event.topic) ?? []) {
        await deps.queue.enqueue(trx, { kind, payload: event.payload })
      }
    },
  }
}
