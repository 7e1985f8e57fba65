import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('configuration', () => {
  it('gives working defaults for a laptop: SQLite under ./data, port 3000, 15-minute tokens', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      accessTokenTtlSeconds: 900,
      demo: true,
    })
    expect(config.sqlitePath).toMatch(/data\/tongban\.db$/)
  })

  it('stops with one message naming every bad setting', () => {
    const bad = () =>
      loadConfig({
        TONGBAN_PORT: 'eighty',
        TONGBAN_ACCESS_TOKEN_TTL_SECONDS: '3600',
        DATABASE_URL: 'mysql://x',
        TONGBAN_LOG_LEVEL: 'loud',
      })
    expect(bad).toThrow(ConfigError)
    try {
      bad()
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n')
      for (const name of [
        'TONGBAN_PORT',
        'TONGBAN_ACCESS_TOKEN_TTL_SECONDS',
        'DATABASE_URL',
        'TONGBAN_LOG_LEVEL',
      ])
        expect(problems).toContain(name)
    }
  })

  it('requires a real secret and no demo outbox in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TONGBAN_SECRET/)
    expect(() =>
      loadConfig({ NODE_ENV: 'production', TONGBAN_SECRET: 'x'.repeat(40), TONGBAN_DEMO: 'true' }),
    ).toThrow(/TONGBAN_DEMO/)
    expect(loadConfig({ NODE_ENV: 'production', TONGBAN_SECRET: 'x'.repeat(40) }).demo).toBe(false)
  })

  it('lets tests lower the password hash cost, never production', () => {
    expect(loadConfig({}).passwordHashCost).toBe(14)
    expect(loadConfig({ TONGBAN_PASSWORD_HASH_COST: '10' }).passwordHashCost).toBe(10)
    expect(() => loadConfig({ TONGBAN_PASSWORD_HASH_COST: '9' })).toThrow(
      /TONGBAN_PASSWORD_HASH_COST=9: must be an integer from 10 to 20/,
    )
    const production = { NODE_ENV: 'production', TONGBAN_SECRET: 'x'.repeat(40) }
    expect(() => loadConfig({ ...production, TONGBAN_PASSWORD_HASH_COST: '12' })).toThrow(
      /TONGBAN_PASSWORD_HASH_COST=12: must be at least 14 when NODE_ENV=production/,
    )
  })

  it('selects PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db')
  })
})
