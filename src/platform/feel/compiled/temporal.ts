import { FeelDate, FeelDateTime, FeelDuration, parseDate } from 'feelin'
import { defer } from './bailout.js'
import { dateDay } from './iso-date.js'

type PlainDate = FeelDate['value']
type PlainDateTime = FeelDateTime['value']
type Duration = FeelDuration['value']

/** feelin anchors durations with years or months at 1970-01-01 to total or balance them. */
const ANCHOR: PlainDate = parseDate('1970-01-01')?.value ?? defer('no anchor date')
const DAYS_IN_HALF_YEAR = 180

const DAY_MS = 86_400_000
/** Values are immutable, so their Temporal-computed milliseconds are remembered per object. */
const milliseconds = new WeakMap<FeelDateTime | FeelDuration, number>()

/**
 * Milliseconds since the epoch (wall clock read as UTC) or, for a duration, its length. A date's
 * comes from its ISO text; date-times and durations go through Temporal once per object.
 */
export function comparable(value: FeelDate | FeelDateTime | FeelDuration): number {
  if (value instanceof FeelDate) return dateDay(value) * DAY_MS
  const known = milliseconds.get(value)
  if (known !== undefined) return known
  const computed =
    value instanceof FeelDuration
      ? value.value.total({ unit: 'millisecond', relativeTo: ANCHOR })
      : value.value.toZonedDateTime('UTC').epochMilliseconds
  milliseconds.set(value, computed)
  return computed
}

/** Long durations compare by whole months, short ones by whole seconds, as feelin does. */
export function durationsEqual(a: FeelDuration, b: FeelDuration): boolean {
  const total = (d: FeelDuration, unit: 'day' | 'month' | 'second'): number =>
    d.value.total({ unit, relativeTo: ANCHOR })
  if (Math.abs(total(a, 'day')) > DAYS_IN_HALF_YEAR) {
    return Math.trunc(total(a, 'month') - total(b, 'month')) === 0
  }
  return Math.trunc(total(a, 'second') - total(b, 'second')) === 0
}

export function addToInstant(
  instant: FeelDate | FeelDateTime,
  duration: FeelDuration,
  sign: 1 | -1,
): FeelDate | FeelDateTime {
  const delta = sign < 0 ? duration.value.negated() : duration.value
  if (instant instanceof FeelDateTime) return new FeelDateTime(instant.value.add(delta), null)
  // feelin turns a date plus hours into a UTC date-time; the interpreter handles that
  if (hasTimePart(duration.value)) defer('date plus a duration with a time part')
  return new FeelDate(instant.value.add(delta))
}

export function subtractInstants(
  a: FeelDate | FeelDateTime,
  b: FeelDate | FeelDateTime,
): FeelDuration {
  return new FeelDuration(plain(a).since(plain(b), { largestUnit: 'day' }))
}

/** Durations of different kinds (P1M vs P1D) do not combine: null. */
export function addDurations(a: FeelDuration, b: FeelDuration, sign: 1 | -1): FeelDuration | null {
  if (a.yearsMonths !== b.yearsMonths) return null
  const other = sign < 0 ? b.value.negated() : b.value
  if (!a.yearsMonths) return new FeelDuration(a.value.add(other), false)
  const start = ANCHOR.toPlainDateTime()
  const end = start.add(a.value).add(other)
  return new FeelDuration(end.since(start, { largestUnit: 'year' }), true)
}

export function monthsBetween(from: FeelDate, to: FeelDate): FeelDuration {
  return new FeelDuration(from.value.until(to.value, { largestUnit: 'month' }), true)
}

export function absDuration(d: FeelDuration): FeelDuration {
  return new FeelDuration(d.value.abs(), d.yearsMonths)
}

export function dateOf(dateTime: FeelDateTime): FeelDate {
  return new FeelDate(dateTime.value.toPlainDate())
}

function plain(instant: FeelDate | FeelDateTime): PlainDateTime {
  return instant instanceof FeelDate ? instant.value.toPlainDateTime() : instant.value
}

function hasTimePart(d: Duration): boolean {
  return d.hours !== 0 || d.minutes !== 0 || d.seconds !== 0 || d.milliseconds !== 0
}
