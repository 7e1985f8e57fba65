import type { EventLog } from './event-log.js'
import { LogBuilder, type BuildOptions } from './log-builder.js'

/** One event of a hand-built log: activity, time, and optionally staff, department, lifecycle, attributes. */
export interface TestEvent {
  readonly a: string
  readonly t?: string
  readonly r?: string
  readonly g?: string
  readonly lc?: string
  readonly attrs?: Record<string, string>
}

/** A log from cases given in order; an event may be just its activity name (no time). */
export function logOf(
  cases: Record<string, ReadonlyArray<TestEvent | string>>,
  options: BuildOptions = {},
  caseAttributes: Record<string, Record<string, string>> = {},
): EventLog {
  const builder = new LogBuilder({
    ...options,
    eventAttributes: options.eventAttributes ?? ['outcome', 'material'],
  })
  for (const [caseId, events] of Object.entries(cases)) {
    builder.beginCase(caseId)
    for (const [key, value] of Object.entries(caseAttributes[caseId] ?? {})) {
      builder.setCaseAttribute(key, 'string', value)
    }
    for (const event of events) {
      const e = typeof event === 'string' ? { a: event } : event
      for (const [key, value] of Object.entries(e.attrs ?? {}))
        builder.setEventAttribute(key, 'string', value)
      builder.addEvent(e.a, e.t, e.r, e.g, e.lc)
    }
    builder.endCase()
  }
  return builder.finish().log
}

/** Cases from activity strings ('abc' → a, b, c), repeated `count` times each, no times. */
export function logOfVariants(variants: ReadonlyArray<[string, number]>): EventLog {
  const cases: Record<string, string[]> = {}
  let n = 0
  for (const [trace, count] of variants) {
    for (let i = 0; i < count; i++) cases[`c${++n}`] = [...trace]
  }
  return logOf(cases)
}
