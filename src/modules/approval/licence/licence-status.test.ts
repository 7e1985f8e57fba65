import { describe, expect, it } from 'vitest'
import { licenceStatus } from './licence-status.js'
import type { LicenceLifecycle } from './licence-status.js'

const LICENCE: LicenceLifecycle = {
  validFrom: '2026-03-02',
  validUntil: '2031-03-01',
  revokedAt: null,
  cancelledAt: null,
}

const statusAt = (now: string, change: Partial<LicenceLifecycle> = {}) =>
  licenceStatus({ ...LICENCE, ...change }, now)

describe('licenceStatus', () => {
  it('is valid within the validity period', () => {
    expect(statusAt('2028-06-01T12:00:00+08:00')).toBe('valid')
  })

  it('starts at Shanghai midnight on the first day', () => {
    expect(statusAt('2026-03-01T23:59:59.999+08:00')).toBe('not_yet_valid')
    expect(statusAt('2026-03-02T00:00:00+08:00')).toBe('valid')
    expect(statusAt('2026-03-01T16:00:00Z')).toBe('valid')
  })

  it('lasts through the whole last day in Shanghai', () => {
    expect(statusAt('2031-03-01T23:59:59.999+08:00')).toBe('valid')
    expect(statusAt('2031-03-01T16:00:00Z')).toBe('expired')
    expect(statusAt('2031-03-02T00:00:00+08:00')).toBe('expired')
  })

  it('never expires when long-term (长期)', () => {
    expect(statusAt('2099-12-31T12:00:00Z', { validUntil: null })).toBe('valid')
  })

  it('reports revocation and cancellation over the dates, from their instant', () => {
    const revokedAt = '2027-05-01T10:00:00+08:00'
    expect(statusAt('2027-05-01T09:59:59+08:00', { revokedAt })).toBe('valid')
    expect(statusAt('2027-05-01T10:00:00+08:00', { revokedAt })).toBe('revoked')
    expect(statusAt('2040-01-01T00:00:00Z', { revokedAt })).toBe('revoked')
    const cancelledAt = '2026-03-01T08:00:00+08:00'
    expect(statusAt('2026-03-01T09:00:00+08:00', { cancelledAt })).toBe('cancelled')
  })

  it('names the earlier of revocation and cancellation, revocation on a tie', () => {
    const revokedAt = '2027-05-01T10:00:00+08:00'
    const cancelledAt = '2028-01-01T00:00:00+08:00'
    expect(statusAt('2029-01-01T00:00:00Z', { revokedAt, cancelledAt })).toBe('revoked')
    expect(
      statusAt('2029-01-01T00:00:00Z', { revokedAt: cancelledAt, cancelledAt: revokedAt }),
    ).toBe('cancelled')
    expect(statusAt('2029-01-01T00:00:00Z', { revokedAt, cancelledAt: revokedAt })).toBe('revoked')
    expect(
      statusAt('2027-06-01T00:00:00Z', { revokedAt: cancelledAt, cancelledAt: revokedAt }),
    ).toBe('cancelled')
  })

  it.each([
    ['a date without time', '2026-03-02', {}],
    ['a time without offset', '2026-03-02T10:00:00', {}],
    ['a day that does not exist', '2026-02-30T10:00:00Z', {}],
    ['a bad revocation instant', '2026-03-02T10:00:00Z', { revokedAt: 'yesterday' }],
    ['a bad start date', '2026-03-02T10:00:00Z', { validFrom: '2026-3-2' }],
    ['a bad end date', '2032-03-02T10:00:00Z', { validUntil: '2031-02-29' }],
  ])('throws LICENCE_INSTANT_INVALID for %s', (_, now, change) => {
    expect(() => statusAt(now, change)).toThrow(/^LICENCE_INSTANT_INVALID/)
  })
})
