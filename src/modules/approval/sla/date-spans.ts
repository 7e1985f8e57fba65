import type { WorkingCalendar } from '../../../platform/calendar/index.js'
import { must } from './calendar-gaps.js'

/** The Shanghai dates (after, through]: the first day is not counted, as in every limit. */
export type DateSpan = { readonly after: string; readonly through: string }

/** Union of spans, sorted; touching spans are joined so no day is counted twice. */
export function mergeSpans(spans: readonly DateSpan[]): DateSpan[] {
  const sorted = spans
    .filter((span) => span.after < span.through)
    .sort((a, b) => (a.after < b.after ? -1 : a.after > b.after ? 1 : 0))
  const merged: DateSpan[] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last !== undefined && span.after <= last.through) {
      merged[merged.length - 1] = {
        after: last.after,
        through: maxDate(last.through, span.through),
      }
    } else {
      merged.push(span)
    }
  }
  return merged
}

/** Working days of merged `spans` inside (after, through]; throws via `must` for gaps. */
export function workingDaysInSpans(
  calendar: WorkingCalendar,
  spans: readonly DateSpan[],
  after: string,
  through: string,
): number {
  let total = 0
  for (const span of spans) {
    const from = maxDate(span.after, after)
    const to = minDate(span.through, through)
    if (from < to) total += must(calendar.workingDaysBetween(from, to))
  }
  return total
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b
}

function minDate(a: string, b: string): string {
  return a < b ? a : b
}
