import { describe, expect, it } from 'vitest'
import { caseActivities } from './event-log.js'
import { LogBuilder } from './log-builder.js'

describe('LogBuilder', () => {
  it('groups rows of interleaved cases by case, in order of first appearance', () => {
    const b = new LogBuilder()
    b.addEventTo('x', 'a', '2025-01-01T00:00:00Z', 'ann', 'dept1', undefined)
    b.addEventTo('y', 'a', '2025-01-01T01:00:00Z', undefined, undefined, undefined)
    b.addEventTo('x', 'b', '2025-01-01T02:00:00Z', 'bob', 'dept2', 'complete')
    b.addEventTo('y', 'c', '2025-01-01T03:00:00Z', undefined, undefined, undefined)
    const { log, report } = b.finish()
    expect(report.total).toBe(0)
    expect(log.caseIds).toEqual(['x', 'y'])
    expect([...log.caseStart]).toEqual([0, 2, 4])
    expect(caseActivities(log, 0)).toEqual(['a', 'b'])
    expect(caseActivities(log, 1)).toEqual(['a', 'c'])
    expect([...log.resource].map((r) => log.resourceNames[r] ?? null)).toEqual([
      'ann',
      'bob',
      null,
      null,
    ])
    expect(log.groupNames).toEqual(['dept1', 'dept2'])
  })

  it('reports an event earlier than the one before it and puts the case in time order', () => {
    const b = new LogBuilder()
    b.beginCase('k')
    b.addEvent('a', '2025-01-01T00:00:00Z', undefined, undefined, undefined)
    b.addEvent('c', '2025-01-03T00:00:00Z', undefined, undefined, undefined)
    b.addEvent('b', '2025-01-02T00:00:00Z', undefined, undefined, undefined)
    b.endCase()
    const { log, report } = b.finish()
    expect(caseActivities(log, 0)).toEqual(['a', 'b', 'c'])
    expect(report.issues).toMatchObject([{ code: 'INSIGHT_LOG_OUT_OF_ORDER', case: 'k', event: 3 }])
    expect(report.issues[0]?.message.zh).toContain('“k”')
  })

  it('keeps events without a readable time, reporting each, and names them in both languages', () => {
    const b = new LogBuilder()
    b.beginCase('k')
    b.addEvent('a', undefined, undefined, undefined, undefined)
    b.addEvent('b', 'next Tuesday', undefined, undefined, undefined)
    b.endCase()
    const { log, report } = b.finish()
    expect(log.eventCount).toBe(2)
    expect(Number.isNaN(log.timestamp[0])).toBe(true)
    expect(report.counts).toEqual({ INSIGHT_LOG_NO_TIMESTAMP: 1, INSIGHT_LOG_BAD_TIMESTAMP: 1 })
    expect(report.issues[1]).toMatchObject({ case: 'k', event: 2, value: 'next Tuesday' })
    expect(report.issues[1]?.message.en).toContain('"next Tuesday"')
  })

  it('keeps only the issues it may but counts them all', () => {
    const b = new LogBuilder({ maxIssues: 2 })
    b.beginCase('k')
    for (let i = 0; i < 5; i++) b.addEvent('a', 'bad', undefined, undefined, undefined)
    const { report } = b.finish()
    expect(report.issues).toHaveLength(2)
    expect(report.total).toBe(5)
  })

  it('reports a trace name used twice and keeps both traces', () => {
    const b = new LogBuilder()
    for (const activity of ['a', 'b']) {
      b.beginCase('same')
      b.addEvent(activity, '2025-01-01T00:00:00Z', undefined, undefined, undefined)
      b.endCase()
    }
    const { log, report } = b.finish()
    expect(log.caseCount).toBe(2)
    expect(report.issues).toMatchObject([{ code: 'INSIGHT_LOG_DUPLICATE_CASE', case: 'same' }])
  })

  it('keeps the event attributes asked for and trace attributes, absent ones as -1', () => {
    const b = new LogBuilder({ eventAttributes: ['amount'] })
    b.beginCase('k')
    b.setCaseAttribute('channel', 'string', 'web')
    b.setEventAttribute('amount', 'float', '35.0')
    b.setEventAttribute('ignored', 'string', 'x')
    b.addEvent('a', undefined, undefined, undefined, undefined)
    b.addEvent('b', undefined, undefined, undefined, undefined)
    b.endCase()
    b.beginCase('m')
    b.endCase()
    const { log } = b.finish()
    expect(log.eventAttributes).toHaveLength(1)
    expect(log.eventAttributes[0]).toMatchObject({ key: 'amount', type: 'float', names: ['35.0'] })
    expect([...log.eventAttributes[0]!.ids]).toEqual([0, -1])
    expect(log.caseAttributes[0]).toMatchObject({ key: 'channel', names: ['web'] })
    expect([...log.caseAttributes[0]!.ids]).toEqual([0, -1])
  })
})
