import { findAttribute, type EventLog } from '../log/event-log.js'

/** 补正 rounds of one department or one item. */
export interface CorrectionGroup {
  readonly key: string
  /** Cases of this department (an event there) or item. */
  readonly cases: number
  readonly casesWithCorrections: number
  readonly rounds: number
  readonly roundsPerCase: number
}

export interface CorrectionReport {
  readonly activities: readonly string[]
  readonly cases: number
  readonly casesWithCorrections: number
  readonly rounds: number
  readonly maxRounds: number
  /** Number of cases by their number of rounds: distribution[k] cases had k rounds. */
  readonly distribution: readonly number[]
  readonly byDepartment: readonly CorrectionGroup[]
  readonly byItem: readonly CorrectionGroup[]
  readonly topCases: readonly { readonly caseId: string; readonly rounds: number }[]
}

export interface CorrectionOptions {
  /** The activities that open a correction round (a 补正 request). */
  readonly activities: readonly string[]
  /** Trace attribute naming the item (事项) of a case (default 'item'). */
  readonly itemAttribute?: string
  readonly topCases?: number
}

class Tally {
  readonly #rows = new Map<string, { cases: number; withRounds: number; rounds: number }>()

  add(key: string, rounds: number): void {
    const row = this.#rows.get(key) ?? { cases: 0, withRounds: 0, rounds: 0 }
    row.cases++
    if (rounds > 0) row.withRounds++
    row.rounds += rounds
    this.#rows.set(key, row)
  }

  groups(): CorrectionGroup[] {
    return [...this.#rows]
      .map(([key, row]) => ({
        key,
        cases: row.cases,
        casesWithCorrections: row.withRounds,
        rounds: row.rounds,
        roundsPerCase: row.rounds / row.cases,
      }))
      .sort((a, b) => b.rounds - a.rounds || b.cases - a.cases)
  }
}

/**
 * Correction loops (补正): rounds per case — each event of a correction-request activity opens
 * one — per department (the department of the request's event; every department a case passes
 * through counts the case) and per item (a trace attribute).
 */
export function correctionLoops(log: EventLog, options: CorrectionOptions): CorrectionReport {
  const wanted = new Set(options.activities)
  const isRequest = Uint8Array.from(log.activityNames, (name) => (wanted.has(name) ? 1 : 0))
  const item = findAttribute(log.caseAttributes, options.itemAttribute ?? 'item')
  const departments = new Tally()
  const items = new Tally()
  const distribution: number[] = [0]
  const top: { caseId: string; rounds: number }[] = []
  let rounds = 0
  let withRounds = 0
  const perGroup = new Map<number, number>()
  for (let c = 0; c < log.caseCount; c++) {
    perGroup.clear()
    let caseRounds = 0
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
      const g = log.group[e] as number
      const request = isRequest[log.activity[e] as number] === 1 ? 1 : 0
      perGroup.set(g, (perGroup.get(g) ?? 0) + request)
      caseRounds += request
    }
    for (const [g, n] of perGroup) departments.add(g < 0 ? '' : (log.groupNames[g] as string), n)
    if (item !== undefined) {
      const id = item.ids[c] as number
      items.add(id < 0 ? '' : (item.names[id] as string), caseRounds)
    }
    while (distribution.length <= caseRounds) distribution.push(0)
    distribution[caseRounds] = (distribution[caseRounds] as number) + 1
    rounds += caseRounds
    if (caseRounds === 0) continue
    withRounds++
    top.push({ caseId: log.caseIds[c] as string, rounds: caseRounds })
  }
  top.sort((a, b) => b.rounds - a.rounds)
  return {
    activities: [...wanted],
    cases: log.caseCount,
    casesWithCorrections: withRounds,
    rounds,
    maxRounds: distribution.length - 1,
    distribution,
    byDepartment: departments.groups(),
    byItem: items.groups(),
    topCases: top.slice(0, options.topCases ?? 20),
  }
}
