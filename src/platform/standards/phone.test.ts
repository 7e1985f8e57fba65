import { describe, expect, it } from 'vitest'
import {
  maskPhone,
  PHONE_REASON_MESSAGES,
  validateLandline,
  validateMobile,
  validatePhone,
} from './phone.js'

describe('validateMobile', () => {
  it('normalises country prefixes and separators away', () => {
    for (const input of ['13812345678', '+86 138-1234-5678', '8613812345678', '0086 13812345678']) {
      expect(validateMobile(input)).toEqual({
        ok: true,
        value: { kind: 'mobile', number: '13812345678', e164: '+8613812345678' },
      })
    }
  })

  it('accepts full-width digits', () => {
    expect(validateMobile('１３８１２３４５６７８').ok).toBe(true)
  })

  it('reports each failure', () => {
    expect(validateMobile('138abc45678')).toEqual({ ok: false, reason: 'bad_characters' })
    expect(validateMobile('+1 415 555 0100')).toEqual({ ok: false, reason: 'bad_country_code' })
    expect(validateMobile('1381234567')).toEqual({ ok: false, reason: 'bad_length' })
    expect(validateMobile('12812345678')).toEqual({ ok: false, reason: 'bad_prefix' })
  })
})

describe('validateLandline', () => {
  it('parses 3- and 4-digit area codes', () => {
    expect(validateLandline('010-62345678')).toEqual({
      ok: true,
      value: {
        kind: 'landline',
        areaCode: '010',
        localNumber: '62345678',
        extension: null,
        formatted: '010-62345678',
      },
    })
    expect(validateLandline('(0571)8888888')).toMatchObject({
      ok: true,
      value: { areaCode: '0571', localNumber: '8888888' },
    })
    expect(validateLandline('02162345678')).toMatchObject({ ok: true, value: { areaCode: '021' } })
  })

  it('parses extensions after markers or a final hyphen', () => {
    for (const input of ['021-62345678 转 123', '021-62345678 ext. 123', '021-62345678-123']) {
      expect(validateLandline(input)).toMatchObject({
        ok: true,
        value: { extension: '123', formatted: '021-62345678-123' },
      })
    }
  })

  it('converts +86 to the domestic form', () => {
    const result = validateLandline('+86 10 6234 5678')
    expect(result.ok && result.value.formatted).toBe('010-62345678')
  })

  it('reports each failure', () => {
    expect(validateLandline('010-6234567a')).toEqual({ ok: false, reason: 'bad_characters' })
    expect(validateLandline('62345678')).toEqual({ ok: false, reason: 'bad_area_code' })
    expect(validateLandline('0110-6234567')).toEqual({ ok: false, reason: 'bad_area_code' })
    expect(validateLandline('010-623456')).toEqual({ ok: false, reason: 'bad_local_number' })
    expect(validateLandline('010-12345678')).toEqual({ ok: false, reason: 'bad_local_number' })
  })
})

describe('validatePhone', () => {
  it('accepts either kind', () => {
    expect(validatePhone('13812345678')).toMatchObject({ ok: true, value: { kind: 'mobile' } })
    expect(validatePhone('0571-88888888')).toMatchObject({ ok: true, value: { kind: 'landline' } })
  })

  it('reports the reason for the likelier kind', () => {
    expect(validatePhone('0571-888')).toEqual({ ok: false, reason: 'bad_local_number' })
    expect(validatePhone('1381234')).toEqual({ ok: false, reason: 'bad_length' })
  })
})

describe('maskPhone', () => {
  it('masks the middle of a mobile number', () => {
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678')
  })

  it('keeps a landline area code and last 4 digits', () => {
    expect(maskPhone('0571-88885678-12')).toBe('0571-****5678')
    expect(maskPhone('0571-8885678')).toBe('0571-***5678')
  })

  it('stars invalid input entirely', () => {
    expect(maskPhone('12345')).toBe('*****')
  })
})

describe('PHONE_REASON_MESSAGES', () => {
  it('gives Chinese and English text for every reason', () => {
    for (const message of Object.values(PHONE_REASON_MESSAGES)) {
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(message.en.length).toBeGreaterThan(0)
    }
  })
})
