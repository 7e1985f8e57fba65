import type { EventLog } from '../log/event-log.js'

export interface RepeatedActivity {
  readonly activity: string
  /** Cases in which the activity occurs more than once. */
  readonly cases: number
  /** Occurrences beyond the first, over all cases. */
  readonly repetitions: number
  readonly maxInOneCase: number
  /** Some of those cases (bounded). */
  readonly exampleCases: readonly string[]
}

export interface ReworkCase {
  readonly caseId: string
  /** Occurrences beyond the first, over all its activities. */
  readonly repetitions: number
  readonly activities: readonly { readonly activity: string; readonly count: number }[]
}

export interface RepeatReport {
  readonly casesWithRework: number
  readonly activities: readonly RepeatedActivity[]
  /** The cases with the most repetitions (bounded). */
  readonly topCases: readonly ReworkCase[]
}

export interface RepeatOptions {
  readonly examples?: number
  readonly topCases?: number
}

/** Activities done more than once in a case: how often, in how many cases, and which. */
export function repeatedActivities(log: EventLog, options: RepeatOptions = {}): RepeatReport {
  const maxExamples = options.examples ?? 10
  const maxTop = options.topCases ?? 20
  const n = log.activityNames.length
  const inCase = new Int32Array(n)
  const cases = new Int32Array(n)
  const repetitions = new Int32Array(n)
  const most = new Int32Array(n)
  const examples: string[][] = log.activityNames.map(() => [])
  const top: ReworkCase[] = []
  let casesWithRework = 0
  const touched: number[] = []
  for (let c = 0; c < log.caseCount; c++) {
    touched.length = 0
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
      const a = log.activity[e] as number
      if (inCase[a] === 0) touched.push(a)
      inCase[a] = (inCase[a] as number) + 1
    }
    let caseRepeats = 0
    const repeated: { activity: string; count: number }[] = []
    for (const a of touched) {
      const count = inCase[a] as number
      inCase[a] = 0
      if (count < 2) continue
      caseRepeats += count - 1
      cases[a] = (cases[a] as number) + 1
      repetitions[a] = (repetitions[a] as number) + count - 1
      if (count > (most[a] as number)) most[a] = count
      const list = examples[a] as string[]
      if (list.length < maxExamples) list.push(log.caseIds[c] as string)
      repeated.push({ activity: log.activityNames[a] as string, count })
    }
    if (caseRepeats === 0) continue
    casesWithRework++
    keepTop(
      top,
      { caseId: log.caseIds[c] as string, repetitions: caseRepeats, activities: repeated },
      maxTop,
    )
  }
  const activities = log.activityNames
    .map((activity, a) => ({
      activity,
      cases: cases[a] as number,
      repetitions: repetitions[a] as number,
      maxInOneCase: most[a] as number,
      exampleCases: examples[a] as string[],
    }))
    .filter((r) => r.cases > 0)
    .sort((x, y) => y.repetitions - x.repetitions)
  return { casesWithRework, activities, topCases: top }
}

function keepTop(list: ReworkCase[], item: ReworkCase, max: number): void {
  if (max <= 0) return
  if (list.length === max && (list[max - 1] as ReworkCase).repetitions >= item.repetitions) return
  let at = list.length
  while (at > 0 && (list[at - 1] as ReworkCase).repetitions < item.repetitions) at--
  list.splice(at, 0, item)
  if (list.length > max) list.pop()
}
