import { describe, expect, it } from 'vitest'
import { sm3Hex } from '../../../platform/crypto/index.js'
import { IDENTIFIER, sampleMetadata } from './licence-fixtures.js'
import { canonicalForm } from './licence-metadata.js'
import {
  canonicalDigest,
  LICENCE_QR_REASON_MESSAGES,
  licenceQrPayload,
  parseQrPayload,
  qrPayloadMatches,
} from './licence-qr.js'

const METADATA = sampleMetadata()
const PAYLOAD = licenceQrPayload(METADATA)

const parsed = (text: string) => {
  const result = parseQrPayload(text)
  if (!result.ok) throw new Error(result.reason)
  return result.value
}

const reasonOf = (text: string) => {
  const result = parseQrPayload(text)
  return result.ok ? undefined : result.reason
}

describe('licenceQrPayload', () => {
  it('is prefix, version, identifier and 16 hex digits of SM3 over the canonical form', () => {
    const digest = sm3Hex(canonicalForm(METADATA)).slice(0, 16).toUpperCase()
    expect(PAYLOAD).toBe(`TONGBAN-LICENCE:1:${IDENTIFIER}:${digest}`)
    expect(PAYLOAD).toHaveLength(90)
  })

  it('uses only the QR alphanumeric character set', () => {
    expect(PAYLOAD).toMatch(/^[0-9A-Z $%*+\-./:]+$/)
    expect(encodeURIComponent(PAYLOAD).replaceAll('%3A', ':')).toBe(PAYLOAD)
  })

  it('refuses metadata whose identifier does not parse', () => {
    expect(() => licenceQrPayload({ ...METADATA, identifier: 'x' })).toThrow(
      /^LICENCE_IDENTIFIER_INVALID/,
    )
  })
})

describe('parseQrPayload', () => {
  it('round-trips the identifier parts and the digest', () => {
    expect(parsed(PAYLOAD)).toMatchObject({
      version: 1,
      identifier: { identifier: IDENTIFIER, serial: 42, version: 1 },
      digest: canonicalDigest(METADATA).slice(0, 16).toUpperCase(),
    })
  })

  it('forgives lowercase and surrounding whitespace', () => {
    expect(parsed(` ${PAYLOAD.toLowerCase()}\n`)).toEqual(parsed(PAYLOAD))
  })

  it.each([
    ['bad_format', 'https://example.org/'],
    ['bad_format', PAYLOAD.replace('TONGBAN-LICENCE', 'OTHER')],
    ['bad_format', `${PAYLOAD}:EXTRA`],
    ['bad_format', PAYLOAD.replace(':1:', ':X:')],
    ['unsupported_version', PAYLOAD.replace(':1:', ':2:')],
    ['bad_identifier', PAYLOAD.replace(IDENTIFIER, IDENTIFIER.slice(0, 54) + '0')],
    ['bad_digest', PAYLOAD.slice(0, -1)],
    ['bad_digest', `${PAYLOAD.slice(0, -1)}G`],
  ])('reports %s', (reason, text) => {
    expect(reasonOf(text)).toBe(reason)
  })

  it('has Chinese and English text for every reason', () => {
    for (const message of Object.values(LICENCE_QR_REASON_MESSAGES)) {
      expect(message.zh).not.toBe('')
      expect(message.en).not.toBe('')
    }
  })
})

describe('qrPayloadMatches', () => {
  it('matches the metadata it was made from', () => {
    expect(qrPayloadMatches(parsed(PAYLOAD), METADATA)).toBe(true)
  })

  it('does not match once the metadata changes', () => {
    const changed = { ...METADATA, data: { ...METADATA.data, 从业人员数: 13 } }
    expect(qrPayloadMatches(parsed(PAYLOAD), changed)).toBe(false)
  })

  it('does not match another licence with the same content', () => {
    const other = { ...METADATA, identifier: IDENTIFIER.replace('042001Q', '043001Q') }
    expect(qrPayloadMatches(parsed(PAYLOAD), other)).toBe(false)
  })
})
