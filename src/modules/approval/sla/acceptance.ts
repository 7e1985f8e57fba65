import type { DateAnswer, WorkingCalendar } from '../../../platform/calendar/index.js'
import { answerOf, must, onOrBefore } from './calendar-gaps.js'
import type { Timeline } from './event-fold.js'

/** 行政许可法 第三十二条: all corrections are notified within 5 (working) days of receipt. */
export const CORRECTION_NOTICE_DAYS = 5

/** Why an application counts as accepted on the day of receipt (视为受理). */
export type DeemedReason = 'correction_notice_late' | 'no_response_in_time'

export type Acceptance =
  | { readonly status: 'pending' }
  | { readonly status: 'accepted'; readonly on: string }
  | { readonly status: 'deemed'; readonly on: string; readonly because: DeemedReason }
  | { readonly status: 'unknown'; readonly missingYear: number }

export type CorrectionNoticeView = {
  /** Receipt + 5 working days. */
  readonly deadline: DateAnswer
  /** Correction notices sent before acceptance. */
  readonly notices: number
  /** Every notice by the deadline; null when none was sent or the calendar cannot tell. */
  readonly met: boolean | null
}

/**
 * When the clock starts. A correction notice before acceptance after the 5th working day
 * means the application was accepted on receipt; so does no response at all (neither a
 * notice nor an acceptance) by that day, since 逾期不告知 is judged by the date alone.
 */
export function decideAcceptance(
  timeline: Timeline,
  calendar: WorkingCalendar,
): { acceptance: Acceptance; correctionNotice: CorrectionNoticeView } {
  const deadline = calendar.addWorkingDays(timeline.receivedOn, CORRECTION_NOTICE_DAYS)
  const notices = timeline.noticesBeforeAcceptance
  const allInTime = answerOf(() => notices.every((on) => must(onOrBefore(on, deadline))))
  return {
    acceptance: acceptanceOf(timeline, deadline),
    correctionNotice: {
      deadline,
      notices: notices.length,
      met: notices.length > 0 && allInTime.known ? allInTime.value : null,
    },
  }
}

function acceptanceOf(timeline: Timeline, deadline: DateAnswer): Acceptance {
  const { noticesBeforeAcceptance: notices, acceptedOn, receivedOn } = timeline
  const firstResponse = acceptedOn ?? timeline.decision?.on ?? timeline.today
  const answer = answerOf((): Acceptance => {
    const late = (on: string): boolean => !must(onOrBefore(on, deadline))
    if (notices.some(late)) return deemed(receivedOn, 'correction_notice_late')
    if (notices.length === 0 && late(firstResponse)) {
      return deemed(receivedOn, 'no_response_in_time')
    }
    return acceptedOn === null ? { status: 'pending' } : { status: 'accepted', on: acceptedOn }
  })
  return answer.known ? answer.value : { status: 'unknown', missingYear: answer.year }
}

function deemed(on: string, because: DeemedReason): Acceptance {
  return { status: 'deemed', on, because }
}
