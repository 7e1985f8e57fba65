import type { Assignment } from './types.js'

/** One stored grant as the DB store yields it. */
export type AssignmentRow = Assignment & { staffId: string }

export type AssignmentIndex = {
  /** Replaces the whole index with `rows` (startup / full reload). */
  load(rows: Iterable<AssignmentRow>): void
  /** Replaces one staff member's grants (after a grant or revoke commits); [] removes them. */
  replaceFor(staffId: string, assignments: readonly Assignment[]): void
  /** The staff member's grants; [] when there are none. */
  get(staffId: string): readonly Assignment[]
  /** Number of staff members holding at least one grant. */
  readonly staffCount: number
  /** Number of grants held in total. */
  readonly assignmentCount: number
}

const NONE: readonly Assignment[] = Object.freeze([])

/**
 * In-memory staffId → grants map feeding the authorizer, so a decision needs no DB read.
 * Stored arrays are frozen copies; callers cannot mutate the index through them.
 */
export function createAssignmentIndex(): AssignmentIndex {
  let byStaff = new Map<string, readonly Assignment[]>()
  let total = 0
  return {
    load(rows) {
      const loaded = groupByStaff(rows)
      byStaff = loaded.byStaff
      total = loaded.total
    },
    replaceFor(staffId, assignments) {
      total += assignments.length - (byStaff.get(staffId)?.length ?? 0)
      if (assignments.length === 0) byStaff.delete(staffId)
      else byStaff.set(staffId, Object.freeze(assignments.map(copyAssignment)))
    },
    get: (staffId) => byStaff.get(staffId) ?? NONE,
    get staffCount() {
      return byStaff.size
    },
    get assignmentCount() {
      return total
    },
  }
}

type Grouped = { byStaff: Map<string, readonly Assignment[]>; total: number }

function groupByStaff(rows: Iterable<AssignmentRow>): Grouped {
  const grouped = new Map<string, Assignment[]>()
  let total = 0
  for (const row of rows) {
    const list = grouped.get(row.staffId)
    if (list === undefined) grouped.set(row.staffId, [copyAssignment(row)])
    else list.push(copyAssignment(row))
    total++
  }
  for (const list of grouped.values()) Object.freeze(list)
  return { byStaff: grouped, total }
}

function copyAssignment({ role, departmentId }: Assignment): Assignment {
  return { role, departmentId }
}
