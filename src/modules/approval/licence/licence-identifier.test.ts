import { describe, expect, it } from 'vitest'
import { LicenceError } from './licence.errors.js'
import {
  LICENCE_IDENTIFIER_LENGTH,
  licenceIdentifier,
  parseLicenceIdentifier,
} from './licence-identifier.js'
import type { LicenceIdentifierParts } from './licence-identifier.js'
import { LICENCE_IDENTIFIER_REASON_MESSAGES } from './licence-identifier-messages.js'
import { IDENTIFIER, ISSUER_CODE, TYPE_CODE } from './licence-fixtures.js'
import { mod37_36CheckCharacter } from './mod37-36.js'

const PARTS: LicenceIdentifierParts = {
  typeCode: TYPE_CODE,
  issuerCreditCode: ISSUER_CODE,
  serial: 42,
  version: 1,
}

/** Replaces characters from `start` and recomputes the check character. */
const resealWith = (start: number, text: string): string => {
  const body = IDENTIFIER.slice(0, start) + text + IDENTIFIER.slice(start + text.length, 54)
  return body + mod37_36CheckCharacter(body)
}

const reasonOf = (input: string): string | undefined => {
  const parsed = parseLicenceIdentifier(input)
  return parsed.ok ? undefined : parsed.reason
}

describe('licenceIdentifier', () => {
  it('lays out type code, issuer, serial, version and check character', () => {
    expect(IDENTIFIER).toBe('11100000MB0000001T00111330106MB12345675000000000042001Q')
    expect(IDENTIFIER).toHaveLength(LICENCE_IDENTIFIER_LENGTH)
    expect(IDENTIFIER.slice(0, 21)).toBe(TYPE_CODE)
    expect(IDENTIFIER.slice(21, 39)).toBe(ISSUER_CODE)
    expect(IDENTIFIER.slice(39, 51)).toBe('000000000042')
    expect(IDENTIFIER.slice(51, 54)).toBe('001')
    expect(IDENTIFIER.charAt(54)).toBe(mod37_36CheckCharacter(IDENTIFIER.slice(0, 54)))
  })

  it('normalises lowercase codes', () => {
    const lower = { ...PARTS, typeCode: TYPE_CODE.toLowerCase() }
    expect(licenceIdentifier({ ...lower, issuerCreditCode: ISSUER_CODE.toLowerCase() })).toBe(
      IDENTIFIER,
    )
  })

  it('accepts the largest serial and version', () => {
    const id = licenceIdentifier({ ...PARTS, serial: 999_999_999_999, version: 999 })
    expect(id.slice(39, 54)).toBe('999999999999999')
  })

  it.each([
    ['bad_type_code', { typeCode: ISSUER_CODE }],
    ['bad_type_code', { typeCode: `${ISSUER_CODE}000` }],
    ['bad_type_code', { typeCode: `${ISSUER_CODE.slice(0, 17)}X001` }],
    ['bad_issuer', { issuerCreditCode: `${ISSUER_CODE.slice(0, 17)}X` }],
    ['bad_serial', { serial: 0 }],
    ['bad_serial', { serial: 1.5 }],
    ['bad_serial', { serial: 10 ** 12 }],
    ['bad_version', { version: 0 }],
    ['bad_version', { version: 1000 }],
  ])('refuses a part with %s', (reason, change) => {
    const build = () => licenceIdentifier({ ...PARTS, ...change })
    expect(build).toThrow(LicenceError)
    expect(build).toThrow(`LICENCE_IDENTIFIER_PART_INVALID: ${reason}`)
  })
})

describe('parseLicenceIdentifier', () => {
  it('returns the parts of a valid identifier', () => {
    expect(parseLicenceIdentifier(IDENTIFIER)).toEqual({
      ok: true,
      value: { identifier: IDENTIFIER, ...PARTS },
    })
  })

  it('forgives lowercase, full-width characters and surrounding spaces', () => {
    const fullWidth = IDENTIFIER.replace('11100', '１１１００')
    expect(parseLicenceIdentifier(`  ${fullWidth.toLowerCase()} \n`)).toMatchObject({
      ok: true,
      value: { identifier: IDENTIFIER },
    })
  })

  it.each([
    ['bad_length', IDENTIFIER.slice(0, 54)],
    ['bad_length', `${IDENTIFIER}0`],
    ['bad_characters', `${IDENTIFIER.slice(0, 54)}-`],
    ['bad_check_character', `${IDENTIFIER.slice(0, 54)}0`],
    ['bad_type_code', resealWith(18, '000')],
    ['bad_type_code', resealWith(17, 'X')],
    ['bad_issuer', resealWith(38, 'X')],
    ['bad_serial', resealWith(39, '00000000000A')],
    ['bad_serial', resealWith(39, '000000000000')],
    ['bad_version', resealWith(51, '000')],
    ['bad_version', resealWith(51, '0A1')],
  ])('reports %s', (reason, input) => {
    expect(reasonOf(input)).toBe(reason)
  })

  it('rejects every single-character substitution of a real identifier', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    const accepted = [...IDENTIFIER].flatMap((original, i) =>
      [...alphabet]
        .filter((c) => c !== original)
        .map((c) => IDENTIFIER.slice(0, i) + c + IDENTIFIER.slice(i + 1))
        .filter((typo) => parseLicenceIdentifier(typo).ok),
    )
    expect(accepted).toEqual([])
  })

  it('rejects every adjacent transposition of this identifier (1 in 630 can slip in general)', () => {
    const accepted = [...IDENTIFIER.slice(1)]
      .map(
        (_, i) =>
          IDENTIFIER.slice(0, i) + IDENTIFIER[i + 1] + IDENTIFIER[i] + IDENTIFIER.slice(i + 2),
      )
      .filter((swapped) => swapped !== IDENTIFIER && parseLicenceIdentifier(swapped).ok)
    expect(accepted).toEqual([])
  })
})

describe('LICENCE_IDENTIFIER_REASON_MESSAGES', () => {
  it('has Chinese and English text for every reason', () => {
    for (const message of Object.values(LICENCE_IDENTIFIER_REASON_MESSAGES)) {
      expect(message.zh).not.toBe('')
      expect(message.en).not.toBe('')
    }
    expect(Object.keys(LICENCE_IDENTIFIER_REASON_MESSAGES)).toHaveLength(7)
  })
})
