import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeIdCheckChar } from '../../src/platform/standards/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows, WRITE_TABLES } from '../support/counts.js'
import { testDialects } from '../support/databases.js'

const withCheck = (first17: string) => `${first17}${computeIdCheckChar(first17)}`
const wrongCheck = (id: string) => `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`
const person = (first17: string, phone = '13912345678') => ({
  name: '李华',
  idNumber: withCheck(first17),
  phone,
  password: 'Passw0rd!',
})

describe.each(testDialects())('registering a citizen once (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.dispose())
  const register = (body: unknown) =>
    t.app.http.inject({ method: 'POST', url: '/api/v1/persons', payload: body as object })

  it('registers a person and returns masked numbers only', async () => {
    const input = person('33010619900307123')
    const res = await register(input)
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({
      name: '李华',
      birthDate: '1990-03-07',
      sex: 'male',
      phoneMasked: '139****5678',
    })
    expect(body.idNumberMasked).toBe(`330106********${input.idNumber.slice(-4)}`)
    expect(res.body).not.toContain(input.idNumber)
  })

  it('stores the ID number and phone encrypted, found again by a keyed index', async () => {
    const rows = await t.app.database.db.selectFrom('identity_persons').selectAll().execute()
    const raw = JSON.stringify(rows)
    expect(raw).not.toContain('33010619900307123')
    expect(raw).not.toContain('13912345678')
    expect(rows[0]?.id_number_enc).toMatch(/^v1\./)
  })

  it('refuses the same ID number twice with 409 and writes nothing', async () => {
    const before = await countRows(t.app.database.db, WRITE_TABLES)
    const res = await register(person('33010619900307123', '13912345679'))
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('IDENTITY_PERSON_ALREADY_REGISTERED')
    expect(await countRows(t.app.database.db, WRITE_TABLES)).toEqual(before)
  })

  it.each([
    [
      'a wrong check digit',
      { ...person('33010619900307123'), idNumber: wrongCheck(withCheck('33010619900307123')) },
      'bad_check_digit',
    ],
    ['an impossible birth date', person('33010619900230123'), 'invalid_birth_date'],
    ['an unknown division', person('99999919900307123'), 'unknown_division'],
    ['a birth date in the future', person('33010620990307123'), 'birth_date_in_future'],
  ])(
    'refuses an ID number with %s, naming the field and the reason',
    async (_label, body, reason) => {
      const before = await countRows(t.app.database.db, WRITE_TABLES)
      const res = await register(body)
      expect(res.statusCode).toBe(400)
      const problem = res.json()
      expect(problem.errors).toContainEqual(
        expect.objectContaining({ pointer: '/idNumber', code: reason }),
      )
      expect(await countRows(t.app.database.db, WRITE_TABLES)).toEqual(before)
    },
  )

  it('reports every bad field of one registration together', async () => {
    const res = await register({ name: 'x', idNumber: '123', phone: '12345', password: 'short' })
    expect(
      res
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/idNumber', '/name', '/password', '/phone'])
  })

  it('audits the registration with the channel and request id, without the raw number', async () => {
    const input = person('33010619851111222', '13600000001')
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: input,
      headers: { 'x-tongban-channel': 'miniprogram', 'x-request-id': 'reg-audit-0001' },
    })
    const records = await t.app.database.db
      .selectFrom('platform_audit_records')
      .selectAll()
      .where('subject_id', '=', res.json().id)
      .execute()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      action: 'identity.person.registered',
      channel: 'miniprogram',
      request_id: 'reg-audit-0001',
    })
    expect(records[0]?.after_json).not.toContain(input.idNumber)
  })
})

describe.each(testDialects())('retrying a registration with an Idempotency-Key (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.dispose())
  const send = (key: string, body: object) =>
    t.app.http.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: body,
      headers: { 'idempotency-key': key },
    })

  it('replays the first answer and creates one person only', async () => {
    const body = person('33010619930101456', '13700000002')
    const first = await send('retry-key-0001', body)
    const second = await send('retry-key-0001', body)
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(201)
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(second.json().id).toBe(first.json().id)
    expect((await countRows(t.app.database.db, ['identity_persons'])).identity_persons).toBe(1)
  })

  it('refuses the same key with a different body', async () => {
    const res = await send('retry-key-0001', person('33010619930101457', '13700000003'))
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('PLATFORM_IDEMPOTENCY_MISMATCH')
  })
})
