import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeIdCheckChar } from '../../src/platform/standards/index.js'
import { openDatabase } from '../../src/platform/db/database.js'
import { createPostgresUrl } from '../support/databases.js'
import { freePort, httpJson, startServer, type ServerProcess } from '../support/process.js'
import { runCliInProcess } from '../support/cli-in-process.js'
import { DEMO_PASSWORD, DEMO_PERSONS } from '../support/demo.js'

const SECRET = 'scale-out-secret-0123456789-abcdefghijklmnop'
const LOAD_MS = 2000

let sequence = 0
function nextPerson() {
  sequence++
  const month = String(1 + (sequence % 12)).padStart(2, '0')
  const day = String(1 + (sequence % 28)).padStart(2, '0')
  const first17 = `3301061985${month}${day}${String(sequence % 1000).padStart(3, '0')}`
  return {
    name: '测试市民',
    idNumber: `${first17}${computeIdCheckChar(first17)}`,
    phone: `1370${String(sequence).padStart(7, '0')}`,
    password: 'Passw0rd!',
  }
}

const hasPostgres =
  Boolean(process.env.TEST_DATABASE_URL) &&
  (process.env.TEST_DIALECTS ?? 'postgres').includes('postgres')

describe.runIf(hasPostgres)(
  'two stateless instances on one PostgreSQL, one killed mid-load',
  () => {
    let pg: { url: string; dispose(): Promise<void> }
    let a: ServerProcess
    let b: ServerProcess
    let env: (port: number) => Record<string, string>
    const acknowledged: string[] = []

    beforeAll(async () => {
      pg = await createPostgresUrl()
      env = (port) => ({
        TONGBAN_PORT: String(port),
        TONGBAN_HOST: '127.0.0.1',
        TONGBAN_SECRET: SECRET,
        TONGBAN_PASSWORD_HASH_COST: '10',
        TONGBAN_LOG_LEVEL: 'warn',
        DATABASE_URL: pg.url,
        TONGBAN_AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      })
      a = await startServer(env(await freePort()))
      b = await startServer(env(await freePort()))
    }, 90_000)

    afterAll(async () => {
      await a?.stop('SIGKILL')
      await b?.stop('SIGKILL')
      await pg?.dispose()
    })

    it('accepts a session opened on one instance at the other', async () => {
      const person = DEMO_PERSONS[0]!
      const start = await httpJson(`${a.baseUrl}/api/v1/auth/sign-in`, {
        method: 'POST',
        body: {
          kind: 'person',
          identifier: person.idNumber,
          password: DEMO_PASSWORD,
          channel: 'web',
        },
      })
      const { challengeId } = start.body as { challengeId: string }
      const sms = await httpJson(`${b.baseUrl}/api/v1/demo/sms?phone=${person.phone}`)
      const code = /(\d{6})/.exec((sms.body as Array<{ body: string }>)[0]?.body ?? '')?.[1]
      const verified = await httpJson(`${b.baseUrl}/api/v1/auth/verify`, {
        method: 'POST',
        body: { challengeId, code },
      })
      const token = (verified.body as { accessToken: string }).accessToken
      expect(
        (
          await httpJson(`${a.baseUrl}/api/v1/me`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).status,
      ).toBe(200)
    }, 30_000)

    it('loses no acknowledged write when one instance dies, and the audit chain stays whole', async () => {
      let aAlive = true
      const worker = async (i: number) => {
        const deadline = Date.now() + LOAD_MS * 2
        while (Date.now() < deadline) {
          const target = i % 2 === 0 && aAlive ? a : b
          const res = await httpJson(`${target.baseUrl}/api/v1/persons`, {
            method: 'POST',
            body: nextPerson(),
          }).catch(() => null)
          if (res?.status === 201) acknowledged.push((res.body as { id: string }).id)
        }
      }
      const workers = Array.from({ length: 6 }, (_, i) => worker(i))
      await new Promise((resolve) => setTimeout(resolve, LOAD_MS))
      process.kill(a.pid, 'SIGKILL')
      aAlive = false
      await Promise.all(workers)
      expect(acknowledged.length).toBeGreaterThan(10)

      const database = openDatabase({ url: pg.url, poolSize: 2 })
      const stored = new Set(
        (await database.db.selectFrom('identity_persons').select('id').execute()).map(
          (r: { id: string }) => r.id,
        ),
      )
      await database.close()
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
      const verify = await runCliInProcess(['audit', 'verify'], {
        TONGBAN_SECRET: SECRET,
        TONGBAN_PASSWORD_HASH_COST: '10',
        DATABASE_URL: pg.url,
        TONGBAN_LOG_LEVEL: 'silent',
      })
      expect(verify.stdout).toContain('audit chain OK')
    }, 60_000)
  },
)
