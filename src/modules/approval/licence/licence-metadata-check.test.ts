import { describe, expect, it } from 'vitest'
import { checkLicenceMetadata } from './licence-metadata-check.js'
import type { LicenceMetadata } from './licence-metadata.js'
import { LICENCE_METADATA_REASON_MESSAGES } from './licence-metadata-messages.js'
import {
  DEPARTMENT_CODE,
  HOLDER_CREDIT_CODE,
  IDENTIFIER,
  ISSUER_CODE,
  sampleMetadata,
} from './licence-fixtures.js'

const issuesOf = (change: Partial<LicenceMetadata>) =>
  checkLicenceMetadata({ ...sampleMetadata(), ...change })

describe('checkLicenceMetadata', () => {
  it('finds nothing wrong with sound metadata', () => {
    expect(checkLicenceMetadata(sampleMetadata())).toEqual([])
  })

  it('accepts a natural person with an ID number and a long-term licence', () => {
    const holder = { name: '张三', code: '11010519491231002X', kind: 'natural_person' } as const
    expect(issuesOf({ holder, validUntil: null })).toEqual([])
  })

  it('reports blank names with their pointers', () => {
    const issues = issuesOf({ name: ' ', legalBasis: '' })
    expect(issues).toEqual([
      { pointer: '/name', reason: 'blank' },
      { pointer: '/legalBasis', reason: 'blank' },
    ])
  })

  it('reports an identifier that is invalid or not in canonical spelling', () => {
    expect(issuesOf({ identifier: IDENTIFIER.slice(1) })).toEqual([
      { pointer: '/identifier', reason: 'identifier_invalid' },
    ])
    expect(issuesOf({ identifier: IDENTIFIER.toLowerCase() })).toEqual([
      { pointer: '/identifier', reason: 'identifier_invalid' },
    ])
  })

  it('reports a type or issuer that disagrees with the identifier', () => {
    const issues = issuesOf({
      type: { code: `${DEPARTMENT_CODE}002`, name: '食品经营许可证' },
      issuer: { name: '另一机构', code: DEPARTMENT_CODE },
    })
    expect(issues.map((issue) => issue.reason)).toEqual([
      'type_code_mismatch',
      'issuer_code_mismatch',
    ])
  })

  it('checks the holder code against the holder kind', () => {
    const person = { name: '张三', code: ISSUER_CODE, kind: 'natural_person' } as const
    expect(issuesOf({ holder: person })).toEqual([
      { pointer: '/holder/code', reason: 'holder_code_invalid' },
    ])
  })

  it('accepts only the canonical (uppercase) spelling of the holder code', () => {
    const holder = { ...sampleMetadata().holder, code: HOLDER_CREDIT_CODE.toLowerCase() }
    expect(issuesOf({ holder })).toEqual([
      { pointer: '/holder/code', reason: 'holder_code_invalid' },
    ])
  })

  it('refuses a holder born after the issue date, not after today', () => {
    // A valid ID number for someone born 2026-03-03, the day after the sample's issue date.
    const holder = { name: '张三', code: '110105202603030013', kind: 'natural_person' } as const
    expect(issuesOf({ holder }).map((issue) => issue.reason)).toEqual(['holder_code_invalid'])
    expect(issuesOf({ holder, issuedOn: '2026-03-03', validFrom: '2026-03-03' })).toEqual([])
  })

  it('reports malformed dates and a reversed validity', () => {
    expect(issuesOf({ issuedOn: '2026-02-30', validUntil: '2026-3-1' })).toEqual([
      { pointer: '/issuedOn', reason: 'date_invalid' },
      { pointer: '/validUntil', reason: 'date_invalid' },
    ])
    expect(issuesOf({ validUntil: '2026-03-01' })).toEqual([
      { pointer: '/validUntil', reason: 'validity_reversed' },
    ])
  })

  it('reports non-finite numbers in the data, escaping the key in the pointer', () => {
    expect(issuesOf({ data: { 'a/b': Infinity } })).toEqual([
      { pointer: '/data/a~1b', reason: 'data_value_invalid' },
    ])
  })

  it('has Chinese and English text for every reason', () => {
    for (const message of Object.values(LICENCE_METADATA_REASON_MESSAGES)) {
      expect(message.zh).not.toBe('')
      expect(message.en).not.toBe('')
    }
  })
})
