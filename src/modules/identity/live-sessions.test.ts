import { describe, expect, it } from 'vitest'
import { createLiveSessionCache } from './live-sessions.js'

describe('the live-session memory', () => {
  const citizen = [{ role: 'citizen', departmentId: null }]

  it('remembers a session for the TTL only', () => {
    let now = 0
    const cache = createLiveSessionCache({ ttlMs: 1000, limit: 10, now: () => now })
    cache.remember('s1', 'p1', citizen)
    expect(cache.get('s1')?.assignments).toEqual(citizen)
    now = 1000
    expect(cache.get('s1')).toBeNull()
  })

  it('forgets one session, or every session of a subject, at once', () => {
    const cache = createLiveSessionCache({ ttlMs: 1000, limit: 10, now: () => 0 })
    cache.remember('s1', 'p1', citizen)
    cache.remember('s2', 'p1', citizen)
    cache.remember('s3', 'p2', citizen)
    cache.forgetSession('s3')
    expect(cache.get('s3')).toBeNull()
    cache.forgetSubject('p1')
    expect([cache.get('s1'), cache.get('s2')]).toEqual([null, null])
  })

  it('stays within its size limit', () => {
    const cache = createLiveSessionCache({ ttlMs: 1000, limit: 2, now: () => 0 })
    for (const id of ['a', 'b', 'c']) cache.remember(id, id, citizen)
    expect(cache.get('a')).toBeNull()
    expect(cache.get('c')).not.toBeNull()
  })
})
