/** Typed-array columns that grow by doubling: one number per event, no object per event. */

type TypedArray = Int32Array | Float64Array

interface ArrayKind<T extends TypedArray> {
  new (length: number): T
}

export class GrowableColumn<T extends TypedArray> {
  #data: T
  #length = 0
  readonly #kind: ArrayKind<T>

  constructor(kind: ArrayKind<T>, initialCapacity = 1024) {
    this.#kind = kind
    this.#data = new kind(Math.max(16, initialCapacity))
  }

  get length(): number {
    return this.#length
  }

  push(value: number): void {
    if (this.#length === this.#data.length) this.#grow()
    this.#data[this.#length++] = value
  }

  /** The filled part, trimmed to its length (a copy, so the spare capacity can be freed). */
  finish(): T {
    const out = new this.#kind(this.#length)
    out.set(this.#data.subarray(0, this.#length))
    this.#data = new this.#kind(16)
    this.#length = 0
    return out
  }

  #grow(): void {
    const bigger = new this.#kind(this.#data.length * 2)
    bigger.set(this.#data)
    this.#data = bigger
  }
}

export const int32Column = (capacity?: number) => new GrowableColumn(Int32Array, capacity)
export const float64Column = (capacity?: number) => new GrowableColumn(Float64Array, capacity)
