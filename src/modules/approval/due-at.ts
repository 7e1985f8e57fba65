import { toShanghaiDate, type WorkingCalendar } from '../../platform/calendar/index.js'

const WORKING_DAYS = /^P(\d{1,3})D$/
const CLOCK_TIME = /^PT(?:(\d{1,4})H)?(?:(\d{1,5})M)?$/

/**
 * When a boundary timer of `duration` started at `fromIso` is due. Days are working days of the
 * platform calendar, due at the end of that day in Asia/Shanghai (P3D = by the end of the third
 * working day after the start day); hours and minutes are clock time. Null when the day lies
 * beyond the loaded calendar years, or the duration is not one of these shapes.
 */
export function dueAt(calendar: WorkingCalendar, duration: string, fromIso: string): string | null {
  const days = WORKING_DAYS.exec(duration)
  if (days) {
    const due = calendar.addWorkingDays(toShanghaiDate(new Date(fromIso)), Number(days[1]))
    return due.known ? endOfShanghaiDay(due.value) : null
  }
  const time = CLOCK_TIME.exec(duration)
  if (time && (time[1] || time[2])) {
    const ms = (Number(time[1] ?? 0) * 60 + Number(time[2] ?? 0)) * 60_000
    return new Date(new Date(fromIso).getTime() + ms).toISOString()
  }
  return null
}

function endOfShanghaiDay(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString()
}
