import type { ApprovalLogSource } from './approval/approval-events.js'
import { readApprovalLog } from './approval/approval-events.js'
import { applyFilters, type LogFilter } from './discovery/filters.js'
import type { BuiltLog } from './log/log-builder.js'

/** Which part of the approval history: items, bundles, departments (ids) and a time window. */
export interface HistoryScope {
  readonly items?: readonly string[]
  readonly bundles?: readonly string[]
  readonly departmentIds: readonly string[]
  readonly from?: string
  readonly to?: string
}

/** The scope of an approval-history source or download as asked, over resolved departments. */
export function historyScope(
  asked: {
    readonly items?: readonly string[]
    readonly bundles?: readonly string[]
    readonly from?: string
    readonly to?: string
  },
  departmentIds: readonly string[],
): HistoryScope {
  return {
    departmentIds,
    ...(asked.items === undefined ? {} : { items: asked.items }),
    ...(asked.bundles === undefined ? {} : { bundles: asked.bundles }),
    ...(asked.from === undefined ? {} : { from: asked.from }),
    ...(asked.to === undefined ? {} : { to: asked.to }),
  }
}

function scopeFilters(scope: HistoryScope): LogFilter[] {
  const filters: LogFilter[] = [
    { kind: 'attribute', key: 'department', values: scope.departmentIds, mode: 'cases' },
  ]
  if (scope.items !== undefined)
    filters.push({ kind: 'attribute', key: 'item', values: scope.items, mode: 'cases' })
  if (scope.bundles !== undefined)
    filters.push({ kind: 'attribute', key: 'bundle', values: scope.bundles, mode: 'cases' })
  if (scope.from !== undefined || scope.to !== undefined)
    filters.push({
      kind: 'time-window',
      mode: 'intersecting',
      ...(scope.from === undefined ? {} : { from: scope.from }),
      ...(scope.to === undefined ? {} : { to: scope.to }),
    })
  return filters
}

/**
 * The approval module's action log as an event log, narrowed to the scope: only the cases of the
 * given departments (and items, bundles) that overlap the time window.
 */
export async function readApprovalHistory(
  source: ApprovalLogSource,
  scope: HistoryScope,
  onProgress?: (events: number) => void,
): Promise<BuiltLog> {
  const built = await readApprovalLog(source, onProgress === undefined ? {} : { onProgress })
  return { log: applyFilters(built.log, scopeFilters(scope)), report: built.report }
}
