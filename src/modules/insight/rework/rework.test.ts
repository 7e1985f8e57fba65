import { describe, expect, it } from 'vitest'
import { logOf, logOfVariants, type TestEvent } from '../log/test-support.js'
import { correctionLoops } from './corrections.js'
import { redundantReviews } from './redundant-reviews.js'
import { repeatedActivities } from './repeats.js'

describe('repeated activities', () => {
  it('counts repetitions per activity and names the cases with the most', () => {
    const report = repeatedActivities(
      logOfVariants([
        ['abcbcd', 2],
        ['abd', 3],
        ['abbbd', 1],
      ]),
    )
    expect(report.casesWithRework).toBe(3)
    expect(report.activities).toEqual([
      {
        activity: 'b',
        cases: 3,
        repetitions: 4,
        maxInOneCase: 3,
        exampleCases: ['c1', 'c2', 'c6'],
      },
      { activity: 'c', cases: 2, repetitions: 2, maxInOneCase: 2, exampleCases: ['c1', 'c2'] },
    ])
    expect(report.topCases[0]).toEqual({
      caseId: 'c1',
      repetitions: 2,
      activities: [
        { activity: 'b', count: 2 },
        { activity: 'c', count: 2 },
      ],
    })
    expect(report.topCases[2]).toMatchObject({ caseId: 'c6', repetitions: 2 })
  })
})

describe('correction loops (补正)', () => {
  const e = (a: string, g: string): TestEvent => ({ a, g })
  const log = logOf(
    {
      p1: [
        e('受理', '中心'),
        e('补正', '住建局'),
        e('补正提交', '中心'),
        e('补正', '住建局'),
        e('补正提交', '中心'),
        e('审批', '住建局'),
      ],
      p2: [e('受理', '中心'), e('补正', '消防'), e('补正提交', '中心'), e('审批', '消防')],
      p3: [e('受理', '中心'), e('审批', '住建局')],
    },
    {},
    { p1: { item: '施工许可' }, p2: { item: '消防验收' }, p3: { item: '施工许可' } },
  )

  it('counts rounds per case, per department and per item', () => {
    const report = correctionLoops(log, { activities: ['补正'] })
    expect(report).toMatchObject({
      cases: 3,
      casesWithCorrections: 2,
      rounds: 3,
      maxRounds: 2,
      distribution: [1, 1, 1],
    })
    expect(report.byDepartment).toEqual([
      { key: '住建局', cases: 2, casesWithCorrections: 1, rounds: 2, roundsPerCase: 1 },
      { key: '消防', cases: 1, casesWithCorrections: 1, rounds: 1, roundsPerCase: 1 },
      { key: '中心', cases: 3, casesWithCorrections: 0, rounds: 0, roundsPerCase: 0 },
    ])
    expect(report.byItem).toEqual([
      { key: '施工许可', cases: 2, casesWithCorrections: 1, rounds: 2, roundsPerCase: 1 },
      { key: '消防验收', cases: 1, casesWithCorrections: 1, rounds: 1, roundsPerCase: 1 },
    ])
    expect(report.topCases).toEqual([
      { caseId: 'p1', rounds: 2 },
      { caseId: 'p2', rounds: 1 },
    ])
  })
})

describe('redundant reviews', () => {
  const review = (a: string, outcome: string, material = 'm1'): TestEvent => ({
    a,
    attrs: { outcome, material },
  })

  it('names a review that always follows another and never changes its decision, with evidence', () => {
    const cases: Record<string, TestEvent[]> = {}
    for (let i = 1; i <= 20; i++) {
      const decision = i % 5 === 0 ? 'rejected' : 'approved'
      cases[`k${i}`] = [
        { a: '受理' },
        review('科室审查', decision),
        review('复核', decision),
        review('局长审批', i === 7 ? 'rejected' : decision),
      ]
    }
    const found = redundantReviews(logOf(cases), {
      reviews: ['科室审查', '复核', '局长审批'],
      maxChangeShare: 0.05,
    })
    expect(found).toEqual([
      {
        activity: '复核',
        follows: '科室审查',
        occurrences: 20,
        afterReview: 20,
        followShare: 1,
        judgedBy: 'outcome',
        judged: 20,
        changed: 0,
        changeShare: 0,
        cases: 20,
        exampleCases: ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9', 'k10'],
        changedCases: [],
      },
      expect.objectContaining({
        activity: '局长审批',
        follows: '复核',
        changed: 1,
        changeShare: 0.05,
        changedCases: ['k7'],
      }),
    ])
  })

  it('does not name a review of other material, nor one that often changes the decision', () => {
    const cases: Record<string, TestEvent[]> = {}
    for (let i = 1; i <= 20; i++) {
      cases[`k${i}`] = [
        review('审查', 'approved', 'form'),
        review('复核', 'approved', 'drawings'),
        review('审批', i % 2 ? 'approved' : 'rejected', 'drawings'),
      ]
    }
    const found = redundantReviews(logOf(cases), { materialAttribute: 'material' })
    expect(found).toEqual([])
  })

  it('judges by the usual next step when the log has no decisions', () => {
    const found = redundantReviews(
      logOfVariants([
        ['abcd', 30],
        ['axd', 5],
      ]),
      { reviews: ['b', 'c'] },
    )
    expect(found).toMatchObject([
      { activity: 'c', follows: 'b', judgedBy: 'successor', changed: 0, occurrences: 30 },
    ])
    // d always follows c but ends every case: nothing after it to judge by.
    expect(redundantReviews(logOfVariants([['abcd', 30]]), { reviews: ['c', 'd'] })).toEqual([])
  })
})
