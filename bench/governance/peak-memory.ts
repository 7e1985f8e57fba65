const MB = 1024 * 1024

export interface PeakMemory {
  /** Highest `process.memoryUsage().rss` seen by the 50 ms sampler, MB. */
  sampledRssMb: number
  /** `process.resourceUsage().maxRSS` at the end (the kernel's high-water mark), MB. */
  maxRssMb: number
}

/**
 * Samples this process's resident set every 50 ms until `stop()`, which also reads the
 * kernel's maxRSS (KB on Linux), so a spike between two samples is still counted.
 */
export function startPeakMemory(intervalMs = 50): { stop(): PeakMemory } {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      peak = Math.max(peak, process.memoryUsage().rss)
      const maxRssMb = (process.resourceUsage().maxRSS * 1024) / MB
      return { sampledRssMb: round1(peak / MB), maxRssMb: round1(maxRssMb) }
    },
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10

/** What each child prints as its one stdout line. */
export interface CheckResult extends PeakMemory {
  engine: string
  rows: number
  seconds: number
  /** Failed count per rule id. */
  failed: Record<string, number>
}
