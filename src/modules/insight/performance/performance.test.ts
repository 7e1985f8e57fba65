import { describe, expect, it } from 'vitest'
import { BUILT_IN_CALENDAR_YEARS, createWorkingCalendar } from '../../../platform/calendar/index.js'
import { logOf } from '../log/test-support.js'
import { analysePerformance } from './performance.js'
import { slaBreaches } from './sla.js'
import { WorkingDayCounter } from './working-days.js'

const H = 3_600_000
const calendar = createWorkingCalendar(BUILT_IN_CALENDAR_YEARS)

// Across the 2025 National Day holiday (1–8 October; 28 September and 11 October are make-up days).
const log = logOf({
  k1: [
    { a: '受理', t: '2025-09-29T09:00:00+08:00', r: 'zhang', g: '政务服务中心', lc: 'start' },
    { a: '受理', t: '2025-09-29T10:00:00+08:00', r: 'zhang', g: '政务服务中心', lc: 'complete' },
    { a: '审查', t: '2025-10-09T09:00:00+08:00', r: 'li', g: '住建局', lc: 'start' },
    { a: '审查', t: '2025-10-09T11:00:00+08:00', r: 'li', g: '住建局', lc: 'complete' },
    { a: '办结', t: '2025-10-10T09:00:00+08:00', r: 'zhang', g: '政务服务中心', lc: 'complete' },
  ],
  k2: [
    { a: '受理', t: '2025-11-03T09:00:00+08:00', r: 'zhang', g: '政务服务中心', lc: 'start' },
    { a: '受理', t: '2025-11-03T09:30:00+08:00', r: 'zhang', g: '政务服务中心', lc: 'complete' },
    { a: '审查', t: '2025-11-03T10:00:00+08:00', r: 'wang', g: '住建局', lc: 'start' },
    { a: '审查', t: '2025-11-03T12:00:00+08:00', r: 'wang', g: '住建局', lc: 'complete' },
    { a: '办结', t: '2025-11-04T09:00:00+08:00', r: 'zhang', g: '政务服务中心', lc: 'complete' },
  ],
})

describe('working days', () => {
  it('counts as the platform calendar counts, and is unknown beyond the loaded years', () => {
    const days = new WorkingDayCounter(calendar)
    const at = (iso: string) => Date.parse(iso)
    expect(days.between(at('2025-09-29T10:00:00+08:00'), at('2025-10-09T09:00:00+08:00'))).toBe(2)
    expect(days.between(at('2025-09-27T10:00:00+08:00'), at('2025-09-28T09:00:00+08:00'))).toBe(1)
    expect(days.between(at('2025-10-09T09:00:00+08:00'), at('2025-10-09T23:00:00+08:00'))).toBe(0)
    expect(days.between(at('2024-12-31T10:00:00+08:00'), at('2025-01-02T09:00:00+08:00'))).toBe(1)
    expect(days.between(at('2024-12-30T10:00:00+08:00'), at('2025-01-02T09:00:00+08:00'))).toBeNaN()
    expect(days.between(at('2026-12-30T10:00:00+08:00'), at('2027-01-04T09:00:00+08:00'))).toBeNaN()
  })
})

describe('performance', () => {
  const report = analysePerformance(log, { calendar })

  it('measures waiting and service time per activity in calendar time and working days', () => {
    expect(report.withLifecycle).toBe(true)
    const review = report.activities.find((a) => a.key === '审查')
    expect(review?.instances).toBe(2)
    expect(review?.service.calendar).toMatchObject({ count: 2, total: 4 * H, mean: 2 * H })
    // k1 waited from 29 Sep 10:00 to 9 Oct 09:00 (2 working days), k2 half an hour (0).
    expect(review?.waiting.calendar).toMatchObject({ count: 2, max: 239 * H, min: 0.5 * H })
    expect(review?.waiting.workingDays).toMatchObject({ count: 2, total: 2, max: 2, unknown: 0 })
    const done = report.activities.find((a) => a.key === '办结')
    expect(done?.service.calendar).toBeNull() // complete only: no service time
    expect(done?.waiting.calendar).toMatchObject({ total: 22 * H + 21 * H })
  })

  it('groups by staff and department, measures case durations and ranks bottlenecks', () => {
    expect(report.resources.map((r) => [r.key, r.instances])).toEqual([
      ['zhang', 4],
      ['li', 1],
      ['wang', 1],
    ])
    expect(report.departments.map((d) => [d.key, d.instances])).toEqual([
      ['政务服务中心', 4],
      ['住建局', 2],
    ])
    expect(report.cases.duration.calendar).toMatchObject({ count: 2, max: 264 * H, min: 24 * H })
    expect(report.cases.duration.workingDays).toMatchObject({ total: 3 + 1, unknown: 0 })
    expect(report.cases.longest[0]).toEqual({ caseId: 'k1', durationMs: 264 * H, workingDays: 3 })
    expect(report.bottlenecks[0]).toMatchObject({
      activity: '审查',
      rank: 1,
      totalMs: 239.5 * H + 4 * H,
    })
    expect(report.bottlenecks.map((b) => b.activity)).toEqual(['审查', '办结', '受理'])
  })

  it('says which step consumed the time of the cases that missed their limit', () => {
    const sla = slaBreaches(log, { workingDays: 2 }, { calendar })
    expect(sla).toMatchObject({ cases: 2, late: 1, unknown: 0 })
    expect(sla.examples).toEqual([
      {
        caseId: 'k1',
        durationMs: 264 * H,
        workingDays: 3,
        step: '审查',
        stepMs: 241 * H,
        stepShare: 241 / 264,
      },
    ])
    expect(sla.steps[0]).toMatchObject({ activity: '审查', culpritCases: 1, totalMs: 241 * H })
    expect(slaBreaches(log, { calendarMs: 12 * H }, { calendar }).late).toBe(2)
  })

  it('leaves working days unknown for a log outside the loaded years, never guessing', () => {
    const old = logOf({
      x: [
        { a: 'a', t: '2010-01-04T09:00:00+08:00' },
        { a: 'b', t: '2010-01-05T09:00:00+08:00' },
      ],
    })
    const perf = analysePerformance(old, { calendar })
    expect(perf.cases.duration.workingDays).toMatchObject({ count: 0, unknown: 1 })
    expect(perf.cases.longest[0]?.workingDays).toBeNull()
    expect(slaBreaches(old, { workingDays: 5 }, { calendar })).toMatchObject({
      late: 0,
      unknown: 1,
    })
  })
})
