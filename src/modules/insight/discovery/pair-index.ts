/** Compact ids for ordered pairs of small ids (activity → activity), in order of first sight. */
export class PairIndex {
  readonly #dense: Int32Array | undefined
  readonly #sparse = new Map<number, number>()
  readonly #size: number
  readonly from: number[] = []
  readonly to: number[] = []

  /** `size` distinct ids; a dense table is used while size² stays small. */
  constructor(size: number) {
    this.#size = size
    this.#dense = size <= 2048 ? new Int32Array(size * size).fill(-1) : undefined
  }

  get count(): number {
    return this.from.length
  }

  /** The pair's id, adding it when new. */
  id(a: number, b: number): number {
    const key = a * this.#size + b
    const dense = this.#dense
    let id = dense === undefined ? this.#sparse.get(key) : (dense[key] as number)
    if (id === undefined || id === -1) {
      id = this.from.length
      this.from.push(a)
      this.to.push(b)
      if (dense === undefined) this.#sparse.set(key, id)
      else dense[key] = id
    }
    return id
  }
}
