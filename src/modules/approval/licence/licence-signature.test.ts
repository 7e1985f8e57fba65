import { describe, expect, it } from 'vitest'
import type { LicenceMetadata } from './licence-metadata.js'
import { HOLDER_CREDIT_CODE, sampleMetadata } from './licence-fixtures.js'
import {
  generateSigningKey,
  isSigningKeyPair,
  signLicence,
  verifyLicenceSignature,
  verifySm2,
} from './licence-signature.js'

// GM/T 0003.5-2012 Appendix A: the signature example on the recommended curve, signer ID
// 1234567812345678, message "message digest". r and s have their top bit set, hence 00 pads.
const PUBLISHED = {
  privateKeyHex: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicKeyHex:
    '04' +
    '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
    'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
  s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
}
const PUBLISHED_DER = `3046022100${PUBLISHED.r}022100${PUBLISHED.s}`

const KEY = generateSigningKey()
const OTHER_KEY = generateSigningKey()
const METADATA = sampleMetadata()
const SIGNATURE = signLicence(METADATA, KEY.privateKeyHex, KEY.publicKeyHex)

const verify = (metadata: LicenceMetadata, signature = SIGNATURE, key = KEY.publicKeyHex) =>
  verifyLicenceSignature(metadata, signature, key)

describe('SM2 against the published GM/T 0003.5 example', () => {
  it('verifies the published signature with the default signer ID', () => {
    expect(verifySm2('message digest', PUBLISHED_DER, PUBLISHED.publicKeyHex)).toBe(true)
  })

  it('rejects it for another message', () => {
    expect(verifySm2('message digesT', PUBLISHED_DER, PUBLISHED.publicKeyHex)).toBe(false)
  })

  it('derives the published public key from the published private key', () => {
    expect(isSigningKeyPair(PUBLISHED.privateKeyHex, PUBLISHED.publicKeyHex)).toBe(true)
  })
})

describe('generateSigningKey', () => {
  it('returns a fresh matching hex key pair each time', () => {
    expect(KEY.privateKeyHex).toMatch(/^[0-9a-f]{64}$/)
    expect(KEY.publicKeyHex).toMatch(/^04[0-9a-f]{128}$/)
    expect(isSigningKeyPair(KEY.privateKeyHex, KEY.publicKeyHex)).toBe(true)
    expect(OTHER_KEY.privateKeyHex).not.toBe(KEY.privateKeyHex)
    expect(isSigningKeyPair(KEY.privateKeyHex, OTHER_KEY.publicKeyHex)).toBe(false)
  })
})

describe('signLicence and verifyLicenceSignature', () => {
  it('round-trips a DER signature in lowercase hex', () => {
    expect(SIGNATURE).toMatch(/^30[0-9a-f]+$/)
    expect(verify(METADATA)).toBe(true)
  })

  it('makes a different signature each time, each of which verifies', () => {
    const again = signLicence(METADATA, KEY.privateKeyHex, KEY.publicKeyHex)
    expect(again).not.toBe(SIGNATURE)
    expect(verify(METADATA, again)).toBe(true)
  })

  it('verifies text that differs only in Unicode normalisation', () => {
    const decomposed = { ...METADATA, holder: { ...METADATA.holder, name: 'Cafe\u0301' } }
    const composed = { ...METADATA, holder: { ...METADATA.holder, name: 'Café' } }
    const signature = signLicence(composed, KEY.privateKeyHex, KEY.publicKeyHex)
    expect(verify(decomposed, signature)).toBe(true)
  })

  const m = METADATA
  const withoutRemark = Object.fromEntries(Object.entries(m.data).filter(([key]) => key !== '备注'))
  it.each<[string, LicenceMetadata]>([
    ['identifier', { ...m, identifier: m.identifier.replace('042001', '043001') }],
    ['name', { ...m, name: '食品生产许可证' }],
    ['type code', { ...m, type: { ...m.type, code: m.type.code.replace('001', '002') } }],
    ['type name', { ...m, type: { ...m.type, name: '食品生产许可证' } }],
    ['number', { ...m, number: 'JY23301060012346' }],
    ['holder name', { ...m, holder: { ...m.holder, name: '杭州示例餐饮有限责任公司' } }],
    ['holder code', { ...m, holder: { ...m.holder, code: HOLDER_CREDIT_CODE.toLowerCase() } }],
    ['holder kind', { ...m, holder: { ...m.holder, kind: 'individual_business' } }],
    ['issuer name', { ...m, issuer: { ...m.issuer, name: '杭州市市场监督管理局' } }],
    ['issuer code', { ...m, issuer: { ...m.issuer, code: HOLDER_CREDIT_CODE } }],
    ['issue date', { ...m, issuedOn: '2026-03-03' }],
    ['valid from', { ...m, validFrom: '2026-03-01' }],
    ['valid until', { ...m, validUntil: '2031-03-02' }],
    ['valid until to long-term', { ...m, validUntil: null }],
    ['legal basis', { ...m, legalBasis: '《食品经营许可和备案管理办法》' }],
    ['a data value', { ...m, data: { ...m.data, 从业人员数: 13 } }],
    ['a data value type', { ...m, data: { ...m.data, 从业人员数: '12' } }],
    ['null to false', { ...m, data: { ...m.data, 备注: false } }],
    ['an added data key', { ...m, data: { ...m.data, 新字段: '' } }],
    ['a renamed data key', { ...m, data: { ...withoutRemark, 附注: null } }],
    ['trailing whitespace', { ...m, name: `${m.name} ` }],
  ])('fails after a change of %s', (_, changed) => {
    expect(verify(changed)).toBe(false)
  })

  it('fails after a byte of the signature changes, in headers, r or s', () => {
    // Every third byte: each full verification costs milliseconds of pure-JS curve arithmetic.
    const bytes = Array.from({ length: SIGNATURE.length / 2 }, (_, byte) => byte)
    const positions = bytes.filter((byte) => byte % 3 === 0 || byte < 4).map((byte) => byte * 2 + 1)
    const tampered = positions.map((i) => {
      const nibble = (parseInt(SIGNATURE.charAt(i), 16) ^ 1).toString(16)
      return SIGNATURE.slice(0, i) + nibble + SIGNATURE.slice(i + 1)
    })
    expect(tampered.filter((signature) => verify(METADATA, signature))).toEqual([])
  })

  it('fails for a truncated, extended or uppercase signature', () => {
    expect(verify(METADATA, SIGNATURE.slice(0, -2))).toBe(false)
    expect(verify(METADATA, `${SIGNATURE}00`)).toBe(false)
    expect(verify(METADATA, SIGNATURE.toUpperCase())).toBe(false)
  })

  it('fails with another key or a changed key', () => {
    expect(verify(METADATA, SIGNATURE, OTHER_KEY.publicKeyHex)).toBe(false)
    const changed = KEY.publicKeyHex.slice(0, -1) + (KEY.publicKeyHex.endsWith('0') ? '1' : '0')
    expect(verify(METADATA, SIGNATURE, changed)).toBe(false)
    const signedByOther = signLicence(METADATA, OTHER_KEY.privateKeyHex, OTHER_KEY.publicKeyHex)
    expect(verify(METADATA, signedByOther)).toBe(false)
  })

  const garbage = (value: unknown) => value as string
  it.each([
    ['an empty signature', METADATA, '', KEY.publicKeyHex],
    ['a non-hex signature', METADATA, 'zz', KEY.publicKeyHex],
    ['a non-string signature', METADATA, garbage(12345), KEY.publicKeyHex],
    ['a null signature', METADATA, garbage(null), KEY.publicKeyHex],
    ['a zero r and s', METADATA, '3006020100020100', KEY.publicKeyHex],
    ['random DER-like bytes', METADATA, `3044${'ab'.repeat(68)}`, KEY.publicKeyHex],
    ['an empty key', METADATA, SIGNATURE, ''],
    ['a key off the curve', METADATA, SIGNATURE, `04${'11'.repeat(64)}`],
    ['a non-string key', METADATA, SIGNATURE, garbage({})],
    ['null metadata', garbage(null) as unknown as LicenceMetadata, SIGNATURE, KEY.publicKeyHex],
    ['empty metadata', {} as LicenceMetadata, SIGNATURE, KEY.publicKeyHex],
    ['metadata with NaN', { ...METADATA, data: { x: Number.NaN } }, SIGNATURE, KEY.publicKeyHex],
  ])('returns false, without throwing, for %s', (_, metadata, signature, key) => {
    expect(verifyLicenceSignature(metadata, signature, key)).toBe(false)
  })

  it.each([
    ['a zero private key', '0'.repeat(64), KEY.publicKeyHex],
    [
      'a private key of n - 1',
      'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122',
      KEY.publicKeyHex,
    ],
    ['a short private key', KEY.privateKeyHex.slice(1), KEY.publicKeyHex],
    ['a public key off the curve', KEY.privateKeyHex, `04${'11'.repeat(64)}`],
    ['a compressed public key', KEY.privateKeyHex, `02${KEY.publicKeyHex.slice(2, 66)}`],
  ])('refuses to sign with %s', (_, privateKeyHex, publicKeyHex) => {
    expect(() => signLicence(METADATA, privateKeyHex, publicKeyHex)).toThrow(
      /^LICENCE_SIGNING_KEY_INVALID/,
    )
  })

  it('accepts uppercase hex keys', () => {
    const upper = signLicence(
      METADATA,
      KEY.privateKeyHex.toUpperCase(),
      KEY.publicKeyHex.toUpperCase(),
    )
    expect(verify(METADATA, upper, KEY.publicKeyHex.toUpperCase())).toBe(true)
  })
})
