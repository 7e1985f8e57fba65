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
  state(): StatsState
  /** Adds the statistics of other numbers (Chan et al.'s pairwise update). */
  merge(state: StatsState): void
}

/** Running statistics as plain data. */
export interface StatsState {
  count: number
  mean: number
  squares: number
  min: number
  max: number
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
    state: () => ({ count, mean, squares, min, max }),
    merge(other) {
      if (other.count === 0) return
      const total = count + other.count
      const delta = other.mean - mean
      squares += other.squares + (delta * delta * count * other.count) / total
      mean += (delta * other.count) / total
      count = total
      min = Math.min(min, other.min)
      max = Math.max(max, other.max)
    },
    summary() {
      if (count === 0) return null
      const stddev = count < 2 ? null : Math.sqrt(squares / (count - 1))
      return { count, min, max, mean, stddev }
    },
  }
}
