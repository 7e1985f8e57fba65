import type { LogAttribute, XesAttributeType } from '../log/event-log.js'
import { XES_KEYS } from '../log/event-log.js'
import type { LogBuilder } from '../log/log-builder.js'

/** XES attribute elements (IEEE 1849-2016 §7): typed values, and lists/containers of them. */
function isAttributeElement(name: string): boolean {
  switch (name) {
    case 'string':
    case 'date':
    case 'int':
    case 'float':
    case 'boolean':
    case 'id':
    case 'list':
    case 'container':
      return true
    default:
      return false
  }
}

type Scope = 'outside' | 'log' | 'trace' | 'event'

interface MutableLogAttribute {
  key: string
  type: string
  value: string
  children: MutableLogAttribute[]
}

/** Thrown inside the parser's handlers when the document is not an XES log. */
export class NotXesError extends Error {}

/**
 * The XES element handlers: standard keys of events go to the log's columns, other attributes
 * of traces and events to the kept attributes, log-level attributes (with their nested ones:
 * XES headers state the log's totals there) to a small tree. Elements of no interest
 * (extensions, globals, classifiers, values nested in event attributes) are skipped.
 */
export class XesHandler {
  #scope: Scope = 'outside'
  /** Depth inside attribute elements of the current trace or event (nested ones are skipped). */
  #attributeDepth = 0
  /** Depth inside elements skipped whole (global, extension, classifier, unknown). */
  #skipDepth = 0
  #traces = 0
  #traceNamed = false
  #activity: string | undefined
  #time: string | undefined
  #resource: string | undefined
  #group: string | undefined
  #lifecycle: string | undefined
  readonly #logAttributes: MutableLogAttribute[] = []
  readonly #logStack: MutableLogAttribute[] = []

  constructor(private readonly builder: LogBuilder) {}

  get rootSeen(): boolean {
    return this.#scope !== 'outside'
  }

  /** Traces read to their end. */
  get completedTraces(): number {
    return this.#scope === 'trace' || this.#scope === 'event' ? this.#traces - 1 : this.#traces
  }

  logAttributes(): readonly LogAttribute[] {
    return this.#logAttributes
  }

  open(name: string, attributes: Record<string, string>): void {
    if (this.#skipDepth > 0) {
      this.#skipDepth++
      return
    }
    if (isAttributeElement(name)) {
      this.#openAttribute(name, attributes)
      return
    }
    if (this.#attributeDepth > 0 || (this.#scope === 'log' && this.#logStack.length > 0)) {
      this.#skipDepth = 1 // e.g. a list's <values>: its items are not kept
      return
    }
    if (name === 'log' && this.#scope === 'outside') this.#scope = 'log'
    else if (this.#scope === 'outside') throw new NotXesError(`<${name}>`)
    else if (name === 'trace' && this.#scope === 'log') this.#openTrace()
    else if (name === 'event' && this.#scope === 'trace') this.#openEvent()
    else this.#skipDepth = 1
  }

  close(name: string): void {
    if (this.#skipDepth > 0) {
      this.#skipDepth--
      return
    }
    if (isAttributeElement(name)) {
      if (this.#scope === 'log') this.#logStack.pop()
      else this.#attributeDepth--
    } else if (name === 'event' && this.#scope === 'event') this.#closeEvent()
    else if (name === 'trace' && this.#scope === 'trace') this.#closeTrace()
  }

  #openAttribute(type: string, attributes: Record<string, string>): void {
    const key = attributes.key ?? ''
    const value = attributes.value ?? ''
    if (this.#scope === 'log') {
      const node: MutableLogAttribute = { key, type, value, children: [] }
      const parent = this.#logStack[this.#logStack.length - 1]
      ;(parent === undefined ? this.#logAttributes : parent.children).push(node)
      this.#logStack.push(node)
      return
    }
    if (this.#scope === 'outside') throw new NotXesError(`<${type}>`)
    if (this.#attributeDepth++ > 0 || type === 'list' || type === 'container') return
    if (this.#scope === 'event') this.#eventAttribute(key, type as XesAttributeType, value)
    else this.#traceAttribute(key, type as XesAttributeType, value)
  }

  #eventAttribute(key: string, type: XesAttributeType, value: string): void {
    switch (key) {
      case XES_KEYS.name:
        this.#activity = value
        return
      case XES_KEYS.timestamp:
        this.#time = value
        return
      case XES_KEYS.resource:
        this.#resource = value
        return
      case XES_KEYS.group:
        this.#group = value
        return
      case XES_KEYS.lifecycle:
        this.#lifecycle = value
        return
      default:
        if (this.builder.keepsEventAttributes) this.builder.setEventAttribute(key, type, value)
    }
  }

  #traceAttribute(key: string, type: XesAttributeType, value: string): void {
    if (key === XES_KEYS.name && !this.#traceNamed) {
      this.#traceNamed = true
      this.builder.renameCurrentCase(value)
    } else this.builder.setCaseAttribute(key, type, value)
  }

  #openTrace(): void {
    this.#scope = 'trace'
    this.#traces++
    this.#traceNamed = false
    this.builder.beginCase()
  }

  #closeTrace(): void {
    if (!this.#traceNamed) {
      const name = this.builder.currentCaseId()
      this.builder.issue('INSIGHT_LOG_NO_CASE_ID', { case: name, position: this.#traces })
    }
    this.builder.endCase()
    this.#scope = 'log'
  }

  #openEvent(): void {
    this.#scope = 'event'
    this.#activity = this.#time = this.#resource = this.#group = this.#lifecycle = undefined
  }

  #closeEvent(): void {
    this.#scope = 'trace'
    if (this.#activity === undefined) {
      const event = this.builder.skipEvent()
      this.builder.issue('INSIGHT_LOG_NO_ACTIVITY', { case: this.builder.currentCaseId(), event })
      return
    }
    this.builder.addEvent(this.#activity, this.#time, this.#resource, this.#group, this.#lifecycle)
  }
}
