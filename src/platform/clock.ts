/** Time as services see it; tests inject a fixed or stepping clock. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export function fixedClock(start: Date | string, stepMs = 0): Clock {
  let t = new Date(start).getTime()
  return {
    now() {
      const current = new Date(t)
      t += stepMs
      return current
    },
  }
}
