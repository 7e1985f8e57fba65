import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { maskSensitiveText } from '../../src/platform/log/logger.js'

const ID = '33010619900307123X'
const PHONE = '13912345678'

describe('logs never print ID numbers or phone numbers unmasked', () => {
  let t: TestApp
  const lines: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  beforeAll(async () => {
    t = await createTestApp({ dialect: 'sqlite', logStream: sink })
  })
  afterAll(() => t.dispose())

  it('masks them in request URLs, bodies that are logged and error messages', async () => {
    await t.app.http.inject({ url: `/api/v1/demo/sms?phone=${PHONE}` })
    await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: { name: '李华', idNumber: ID, phone: PHONE, password: 'x' },
    })
    t.app.logger.info({ idNumber: ID, nested: { contact: `电话 ${PHONE}` } }, `registered ${ID}`)
    t.app.logger.error(new Error(`lookup failed for ${ID} / +86${PHONE}`))
    const all = lines.join('')
    expect(lines.length).toBeGreaterThan(4)
    expect(all).not.toContain(ID)
    expect(all).not.toContain(PHONE)
    expect(all).toContain('330106********123X')
    expect(all).toContain('139****5678')
  })

  it('leaves other long numbers alone', () => {
    expect(maskSensitiveText('order 2026112900001234567890')).toBe('order 2026112900001234567890')
    expect(maskSensitiveText('amount 12345678901.50')).toContain('12345678901')
  })
})
