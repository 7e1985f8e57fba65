/**
 * A copy of `text` that does not keep a parser's whole input chunk alive: V8 may hand out long
 * substrings as views into the chunk they were cut from, so keeping one name would keep the
 * chunk (a megabyte) in memory. Concatenating then slicing makes a small string of its own.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1)
}

/** Interned strings: each distinct string gets a small integer id, in order of first sight. */
export class StringTable {
  readonly #ids = new Map<string, number>()
  readonly #names: string[] = []

  #lastValue: string | undefined
  #lastId = -1

  /** The id of `value`, adding it when new (a run of the same value skips the map). */
  intern(value: string): number {
    if (value === this.#lastValue) return this.#lastId
    let id = this.#ids.get(value)
    if (id === undefined) {
      id = this.#names.length
      const own = detach(value)
      this.#ids.set(own, id)
      this.#names.push(own)
    }
    this.#lastValue = value
    this.#lastId = id
    return id
  }

  /** The id of `value`, or -1 when it was never interned. */
  find(value: string): number {
    return this.#ids.get(value) ?? -1
  }

  get size(): number {
    return this.#names.length
  }

  /** The names by id; the array is the table's own, do not change it. */
  names(): readonly string[] {
    return this.#names
  }
}
