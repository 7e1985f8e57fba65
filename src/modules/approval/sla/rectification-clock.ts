import type { WorkingCalendar } from '../../../platform/calendar/index.js'
import { parseInstant, shanghaiDateOf } from './clock-events.js'
import { evaluateLimit, worstOf, type LimitState, type LimitView } from './limit-view.js'

/** Working days from the rating date to respond to, rectify and close a 差评 work order. */
export type RectificationLimits = {
  readonly respondDays: number
  readonly rectifyDays: number
  readonly closeDays: number
}

export const DEFAULT_RECTIFICATION_LIMITS: RectificationLimits = {
  respondDays: 1,
  rectifyDays: 5,
  closeDays: 15,
}

/** ISO instants with an explicit offset; a later step implies the earlier ones were done. */
export type RectificationOrder = {
  readonly ratedAt: string
  readonly respondedAt?: string
  readonly rectifiedAt?: string
  readonly closedAt?: string
}

export type RectificationInput = {
  readonly order: RectificationOrder
  readonly limits?: Partial<RectificationLimits>
  readonly calendar: WorkingCalendar
  readonly now: Date
}

export type RectificationView = {
  readonly asOf: string
  readonly ratedOn: string
  readonly respond: LimitView
  readonly rectify: LimitView
  readonly close: LimitView
  /** stopped once closed, otherwise the most urgent open step. */
  readonly state: LimitState
}

export type RectificationRefusalCode =
  | 'invalid_instant'
  | 'invalid_now'
  | 'invalid_limit_days'
  | 'steps_out_of_order'
  | 'now_before_last_step'

export type RectificationResult =
  | { readonly ok: true; readonly view: RectificationView }
  | {
      readonly ok: false
      readonly refusal: { readonly code: RectificationRefusalCode; readonly field?: string }
    }

const LATER_STEPS = ['respondedAt', 'rectifiedAt', 'closedAt'] as const
type StepDateMap = { ratedAt: string } & Partial<Record<(typeof LATER_STEPS)[number], string>>

/** A bad rating's work order: three deadlines counted from the rating date, and its state. */
export function computeRectificationClock(input: RectificationInput): RectificationResult {
  const limits = { ...DEFAULT_RECTIFICATION_LIMITS, ...input.limits }
  const counts = [limits.respondDays, limits.rectifyDays, limits.closeDays]
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) return refuse('invalid_limit_days')
  const nowMs = input.now.getTime()
  if (Number.isNaN(nowMs)) return refuse('invalid_now')
  const dates = stepDates(input.order)
  if (!dates.ok) return dates
  if (nowMs < dates.lastMs) return refuse('now_before_last_step')
  const today = shanghaiDateOf(nowMs)
  const step = (days: number, doneOn: string | undefined): LimitView =>
    evaluateLimit({
      calendar: input.calendar,
      start: dates.on.ratedAt,
      days,
      pauses: [],
      end: doneOn ?? today,
      finished: doneOn !== undefined,
    })
  // Closing implies the order was rectified, and rectifying that it was answered.
  const { respondedAt, rectifiedAt, closedAt } = dates.on
  const rectifiedOn = rectifiedAt ?? closedAt
  const respond = step(limits.respondDays, respondedAt ?? rectifiedOn)
  const rectify = step(limits.rectifyDays, rectifiedOn)
  const close = step(limits.closeDays, closedAt)
  const state = worstOf(respond.state, rectify.state, close.state)
  const view = { asOf: today, ratedOn: dates.on.ratedAt, respond, rectify, close, state }
  return { ok: true, view }
}

type StepDates =
  | {
      readonly ok: true
      readonly on: StepDateMap
      readonly lastMs: number
    }
  | Extract<RectificationResult, { ok: false }>

function stepDates(order: RectificationOrder): StepDates {
  const ratedMs = parseInstant(order.ratedAt)
  if (ratedMs === undefined) return refuse('invalid_instant', 'ratedAt')
  const on: StepDateMap = { ratedAt: shanghaiDateOf(ratedMs) }
  let lastMs = ratedMs
  for (const step of LATER_STEPS) {
    const value = order[step]
    if (value === undefined) continue
    const ms = parseInstant(value)
    if (ms === undefined) return refuse('invalid_instant', step)
    if (ms < lastMs) return refuse('steps_out_of_order', step)
    lastMs = ms
    on[step] = shanghaiDateOf(ms)
  }
  return { ok: true, on, lastMs }
}

function refuse(
  code: RectificationRefusalCode,
  field?: string,
): Extract<RectificationResult, { ok: false }> {
  return { ok: false, refusal: field === undefined ? { code } : { code, field } }
}
