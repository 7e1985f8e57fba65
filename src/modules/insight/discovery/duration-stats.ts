/** Summary of a set of durations in milliseconds. */
export interface DurationStats {
  readonly count: number
  readonly total: number
  readonly mean: number
  readonly median: number
  readonly min: number
  readonly max: number
}

/** Summarises `values` (sorted in place); null when there are none. */
export function summarise(values: Float64Array): DurationStats | null {
  const count = values.length
  if (count === 0) return null
  values.sort()
  let total = 0
  for (let i = 0; i < count; i++) total += values[i] as number
  const middle = count >> 1
  const median =
    count % 2 === 1
      ? (values[middle] as number)
      : ((values[middle - 1] as number) + (values[middle] as number)) / 2
  return {
    count,
    total,
    mean: total / count,
    median,
    min: values[0] as number,
    max: values[count - 1] as number,
  }
}

/**
 * Values grouped by a small integer key without an array per key: count, then fill one buffer
 * by offsets. Used for durations per activity, per edge, per resource.
 */
export class GroupedValues {
  readonly #counts: Int32Array
  #offsets: Int32Array | undefined
  #values: Float64Array | undefined
  #fill: Int32Array | undefined

  constructor(readonly groups: number) {
    this.#counts = new Int32Array(groups)
  }

  /** First pass: one more value will come for `group`. */
  expect(group: number): void {
    this.#counts[group] = (this.#counts[group] as number) + 1
  }

  /** Second pass: the value itself, in any order. */
  add(group: number, value: number): void {
    if (this.#values === undefined) this.#allocate()
    const fill = this.#fill as Int32Array
    const at = fill[group] as number
    ;(this.#values as Float64Array)[at] = value
    fill[group] = at + 1
  }

  summary(group: number): DurationStats | null {
    if (this.#values === undefined) this.#allocate()
    const from = (this.#offsets as Int32Array)[group] as number
    const to = (this.#fill as Int32Array)[group] as number
    return summarise((this.#values as Float64Array).subarray(from, to))
  }

  #allocate(): void {
    const offsets = new Int32Array(this.groups + 1)
    for (let g = 0; g < this.groups; g++) {
      offsets[g + 1] = (offsets[g] as number) + (this.#counts[g] as number)
    }
    this.#offsets = offsets
    this.#fill = offsets.slice(0, this.groups)
    this.#values = new Float64Array(offsets[this.groups] as number)
  }
}
