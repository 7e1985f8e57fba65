import { setImmediate as settle } from 'node:timers/promises'

export const MB = 1024 * 1024

/** Full GCs (the process must run with --expose-gc), then resident set size and heap in MB. */
export async function settledMemory(): Promise<{ rssMb: number; heapUsedMb: number }> {
  if (typeof gc !== 'function') throw new Error('run with --expose-gc')
  for (let i = 0; i < 3; i++) {
    gc()
    await settle()
  }
  const { rss, heapUsed } = process.memoryUsage()
  return { rssMb: rss / MB, heapUsedMb: heapUsed / MB }
}
