/** Summary of the numbers in a column; stddev is the sample one (n − 1), null below 2 values. */
export interface NumberSummary {
  count: number
  min: number
  max: number
  mean: number
  stddev: number | null
}

export interface RunningStats {
  add(value: number): void
  summary(): NumberSummary | null
}

/** Count, min, max, mean and variance in one pass and constant memory (Welford's update). */
export function createRunningStats(): RunningStats {
  let count = 0
  let mean = 0
  let squares = 0
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  return {
    add(value) {
      count++
      const delta = value - mean
      mean += delta / count
      squares += delta * (value - mean)
      if (value < min) min = value
      if (value > max) max = value
    },
    summary() {
      if (count === 0) return null
      const stddev = count < 2 ? null : Math.sqrt(squares / (count - 1))
      return { count, min, max, mean, stddev }
    },
  }
}
