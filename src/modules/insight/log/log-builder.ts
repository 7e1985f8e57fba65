import { AttributeSet } from './attribute-builder.js'
import type { EventLog, LogAttribute, XesAttributeType } from './event-log.js'
import { float64Column, int32Column } from './growable.js'
import {
  IssueCollector,
  type IssueParams,
  type IssueReport,
  type LogIssueCode,
} from './log-messages.js'
import { orderEvents } from './order-events.js'
import { detach, StringTable } from './string-table.js'
import { parseTimestamp, SHANGHAI_OFFSET_MINUTES } from './timestamp.js'

export interface BuildOptions {
  /** Event attributes to keep besides the standard ones (none unless named). */
  readonly eventAttributes?: readonly string[]
  /** Trace attributes to keep (default: any, up to `maxTraceAttributes` keys). */
  readonly traceAttributes?: readonly string[]
  readonly maxTraceAttributes?: number
  /** Offset applied to timestamps that state none (default +08:00, Asia/Shanghai). */
  readonly defaultOffsetMinutes?: number
  /** How many issues are kept whole (all are counted). */
  readonly maxIssues?: number
}

export interface BuiltLog {
  readonly log: EventLog
  readonly report: IssueReport
}

interface PendingAttribute {
  key: string
  type: XesAttributeType
  value: string
}

/**
 * Collects events into the columnar log. Grouped input (XES) calls beginCase / addEvent /
 * endCase; row input (CSV) calls addEventTo with each row's case id. Timestamps are parsed and
 * checked here, so every reader reports missing, unreadable and out-of-order times alike.
 */
export class LogBuilder {
  readonly #caseOf = int32Column()
  readonly #activity = int32Column()
  readonly #timestamp = float64Column()
  readonly #resource = int32Column()
  readonly #group = int32Column()
  readonly #lifecycle = int32Column()
  readonly #activities = new StringTable()
  readonly #resources = new StringTable()
  readonly #groups = new StringTable()
  readonly #lifecycles = new StringTable()
  readonly #caseIds: string[] = []
  readonly #caseByName = new Map<string, number>()
  /** Per case: last finite timestamp seen, and events read (skipped ones included). */
  readonly #lastTime: number[] = []
  readonly #readCount: number[] = []
  readonly #unordered = new Set<number>()
  readonly #eventAttributes: AttributeSet
  readonly #caseAttributes: AttributeSet
  readonly #pending: PendingAttribute[] = []
  readonly #issues: IssueCollector
  readonly #offset: number
  readonly #keepsEventAttributes: boolean
  #current = -1
  /** The current case was given a name (so it is registered under it). */
  #named = false
  #logAttributes: readonly LogAttribute[] = []

  constructor(options: BuildOptions = {}) {
    this.#eventAttributes = new AttributeSet(options.eventAttributes ?? [], 0)
    this.#keepsEventAttributes = (options.eventAttributes ?? []).length > 0
    this.#caseAttributes = new AttributeSet(
      options.traceAttributes,
      options.maxTraceAttributes ?? 32,
    )
    this.#issues = new IssueCollector(options.maxIssues)
    this.#offset = options.defaultOffsetMinutes ?? SHANGHAI_OFFSET_MINUTES
  }

  get caseCount(): number {
    return this.#caseIds.length
  }

  get eventCount(): number {
    return this.#activity.length
  }

  issue(code: LogIssueCode, params: IssueParams): void {
    this.#issues.add(code, params)
  }

  setLogAttributes(attributes: readonly LogAttribute[]): void {
    this.#logAttributes = attributes
  }

  /**
   * Grouped input: a new case (trace). Its name may repeat another's (reported); without a name
   * it is called trace-N (N its position) until renameCurrentCase names it.
   */
  beginCase(name?: string): number {
    const index = this.#newCase(name ?? `trace-${this.#caseIds.length + 1}`)
    if (name !== undefined) this.#register(index)
    this.#named = name !== undefined
    this.#current = index
    return index
  }

  currentCaseId(): string {
    return this.#caseIds[this.#current] as string
  }

  endCase(): void {
    this.#current = -1
  }

  /** Renames the current case (XES may state the trace's name after its first events). */
  renameCurrentCase(name: string): void {
    const index = this.#current
    if (this.#named) {
      const old = this.#caseIds[index] as string
      if (this.#caseByName.get(old) === index) this.#caseByName.delete(old)
    }
    this.#named = true
    this.#caseIds[index] = detach(name)
    this.#register(index)
  }

  #register(index: number): void {
    const name = this.#caseIds[index] as string
    if (this.#caseByName.has(name)) this.issue('INSIGHT_LOG_DUPLICATE_CASE', { case: name })
    else this.#caseByName.set(name, index)
  }

  setCaseAttribute(key: string, type: XesAttributeType, value: string): void {
    this.#caseAttributes.set(this.#current, key, type, value)
  }

  /** Row input: an attribute of case `caseIndex` (only rows up to the latest case may be set). */
  setCaseAttributeOf(caseIndex: number, key: string, type: XesAttributeType, value: string): void {
    this.#caseAttributes.set(caseIndex, key, type, value)
  }

  wantsEventAttribute(key: string): boolean {
    return this.#eventAttributes.wants(key)
  }

  /** An attribute of the next event added. */
  /** False when no event attribute is kept, so readers can skip them cheaply. */
  get keepsEventAttributes(): boolean {
    return this.#keepsEventAttributes
  }

  setEventAttribute(key: string, type: XesAttributeType, value: string): void {
    if (this.#eventAttributes.wants(key)) this.#pending.push({ key, type, value })
  }

  /** Counts an event of the current case that is skipped, so later positions stay true. */
  skipEvent(): number {
    this.#pending.length = 0
    return ++(this.#readCount[this.#current] as number)
  }

  /** Grouped input: an event of the current case. */
  addEvent(
    activity: string,
    time: string | undefined,
    resource: string | undefined,
    group: string | undefined,
    lifecycle: string | undefined,
  ): void {
    this.#append(this.#current, activity, time, resource, group, lifecycle)
  }

  /** Row input: an event of the case named `caseId` (created at its first event). */
  addEventTo(
    caseId: string,
    activity: string,
    time: string | undefined,
    resource: string | undefined,
    group: string | undefined,
    lifecycle: string | undefined,
  ): number {
    let index = this.#caseByName.get(caseId)
    if (index === undefined) {
      index = this.#newCase(caseId)
      this.#caseByName.set(this.#caseIds[index] as string, index)
    }
    this.#append(index, activity, time, resource, group, lifecycle)
    return index
  }

  finish(): BuiltLog {
    const caseCount = this.#caseIds.length
    const eventAttributes = this.#eventAttributes.finish(this.#activity.length)
    const ordered = orderEvents(
      {
        caseOf: this.#caseOf.finish(),
        caseCount,
        timestamp: this.#timestamp.finish(),
        unordered: this.#unordered,
      },
      [
        this.#activity.finish(),
        this.#resource.finish(),
        this.#group.finish(),
        this.#lifecycle.finish(),
      ],
      eventAttributes.map((column) => column.ids),
    )
    const [activity, resource, group, lifecycle] = ordered.columns as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ]
    const log: EventLog = {
      caseCount,
      eventCount: activity.length,
      caseIds: this.#caseIds,
      caseStart: ordered.caseStart,
      activityNames: this.#activities.names(),
      activity,
      timestamp: ordered.timestamp,
      resourceNames: this.#resources.names(),
      resource,
      groupNames: this.#groups.names(),
      group,
      lifecycleNames: this.#lifecycles.names(),
      lifecycle,
      eventAttributes: eventAttributes.map((column, i) => ({
        ...column,
        ids: ordered.attributeIds[i] as Int32Array,
      })),
      caseAttributes: this.#caseAttributes.finish(caseCount),
      logAttributes: this.#logAttributes,
    }
    return { log, report: this.#issues.report() }
  }

  #newCase(name: string): number {
    const index = this.#caseIds.length
    this.#caseIds.push(detach(name))
    this.#lastTime.push(-Infinity)
    this.#readCount.push(0)
    return index
  }

  #append(
    caseIndex: number,
    activity: string,
    time: string | undefined,
    resource: string | undefined,
    group: string | undefined,
    lifecycle: string | undefined,
  ): void {
    const position = ++(this.#readCount[caseIndex] as number)
    const at = time === undefined ? NaN : parseTimestamp(time, this.#offset)
    if (Number.isNaN(at)) this.#reportTime(caseIndex, position, time)
    else if (at < (this.#lastTime[caseIndex] as number)) {
      if (!this.#unordered.has(caseIndex)) {
        this.#unordered.add(caseIndex)
        this.issue('INSIGHT_LOG_OUT_OF_ORDER', {
          case: this.#caseIds[caseIndex],
          event: position,
        })
      }
    } else this.#lastTime[caseIndex] = at
    const event = this.#activity.length
    if (this.#pending.length > 0) {
      for (const { key, type, value } of this.#pending) {
        this.#eventAttributes.set(event, key, type, value)
      }
      this.#pending.length = 0
    }
    this.#caseOf.push(caseIndex)
    this.#activity.push(this.#activities.intern(activity))
    this.#timestamp.push(at)
    this.#resource.push(resource === undefined ? -1 : this.#resources.intern(resource))
    this.#group.push(group === undefined ? -1 : this.#groups.intern(group))
    this.#lifecycle.push(lifecycle === undefined ? -1 : this.#lifecycles.intern(lifecycle))
  }

  #reportTime(caseIndex: number, position: number, time: string | undefined): void {
    const where = { case: this.#caseIds[caseIndex] as string, event: position }
    if (time === undefined) this.issue('INSIGHT_LOG_NO_TIMESTAMP', where)
    else this.issue('INSIGHT_LOG_BAD_TIMESTAMP', { ...where, value: time.slice(0, 80) })
  }
}
