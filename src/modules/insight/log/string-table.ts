/** Interned strings: each distinct string gets a small integer id, in order of first sight. */
export class StringTable {
  readonly #ids = new Map<string, number>()
  readonly #names: string[] = []

  /** The id of `value`, adding it when new. */
  intern(value: string): number {
    let id = this.#ids.get(value)
    if (id === undefined) {
      id = this.#names.length
      this.#ids.set(value, id)
      this.#names.push(value)
    }
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
