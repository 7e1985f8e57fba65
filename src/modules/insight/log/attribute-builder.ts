import type { AttributeColumn, XesAttributeType } from './event-log.js'
import { int32Column, type GrowableColumn } from './growable.js'
import { StringTable } from './string-table.js'

/** One kept attribute being read: interned values, -1 for rows that lack it. */
class AttributeBuilder {
  readonly values = new StringTable()
  readonly ids: GrowableColumn<Int32Array> = int32Column()
  type: XesAttributeType

  constructor(
    readonly key: string,
    type: XesAttributeType,
  ) {
    this.type = type
  }

  set(row: number, type: XesAttributeType, value: string): void {
    while (this.ids.length < row) this.ids.push(-1)
    if (this.ids.length > row) return // the row already has this key: the first value stands
    if (type !== this.type) this.type = 'string' // mixed types are written back as text
    this.ids.push(this.values.intern(value))
  }

  finish(rows: number): AttributeColumn {
    while (this.ids.length < rows) this.ids.push(-1)
    return { key: this.key, type: this.type, names: this.values.names(), ids: this.ids.finish() }
  }
}

/**
 * The kept attributes of events or of cases. `keys` limits which are kept (undefined: any, up
 * to `maxKeys` distinct keys, so a log with a new key on every event cannot exhaust memory).
 */
export class AttributeSet {
  readonly #columns = new Map<string, AttributeBuilder>()
  readonly #keys: ReadonlySet<string> | undefined
  readonly #maxKeys: number

  constructor(keys: readonly string[] | undefined, maxKeys: number) {
    this.#keys = keys === undefined ? undefined : new Set(keys)
    this.#maxKeys = maxKeys
  }

  /** True when values of `key` are kept (so callers can skip work for the others). */
  wants(key: string): boolean {
    if (this.#keys !== undefined) return this.#keys.size > 0 && this.#keys.has(key)
    return this.#columns.has(key) || this.#columns.size < this.#maxKeys
  }

  set(row: number, key: string, type: XesAttributeType, value: string): void {
    if (!this.wants(key)) return
    let column = this.#columns.get(key)
    if (column === undefined) {
      column = new AttributeBuilder(key, type)
      this.#columns.set(key, column)
    }
    column.set(row, type, value)
  }

  finish(rows: number): AttributeColumn[] {
    return [...this.#columns.values()].map((column) => column.finish(rows))
  }
}
