import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_PASSWORD_HASH_COST } from './auth/password.js'

export interface Config {
  port: number
  host: string
  /** postgres://… for PostgreSQL; undefined for embedded SQLite under `dataDir`. */
  databaseUrl: string | undefined
  dataDir: string
  sqlitePath: string
  /** Master secret for token signing and personal-data keys; see `resolveSecret`. */
  secret: string | undefined
  production: boolean
  logLevel: string
  accessTokenTtlSeconds: number
  refreshTokenTtlDays: number
  bodyLimitBytes: number
  checkpointIntervalMs: number
  /** How often committed audit records are sealed onto the SM3 chain (the tamper-evidence window). */
  auditSealIntervalMs: number
  jobPollMs: number
  /** Sign-in and registration attempts per client address per minute. */
  authRateLimitPerMinute: number
  /** Exposes the demo SMS outbox over HTTP; never on in production. */
  demo: boolean
  /** GB/T 2260 code of the region this installation serves; prefixes case numbers. */
  regionCode: string
  /** 好差评: working days to respond, rectify and close a bad rating's work order. */
  rectificationDays: { respondDays: number; rectifyDays: number; closeDays: number }
  /** Days after which a finished case nobody rated counts as satisfied. */
  ratingDefaultDays: number
  /** How often running cases' statutory clocks are scanned for warnings and breaches. */
  slaScanIntervalMs: number
  /** Running cases one SLA scan job reads and checks in one transaction. */
  slaScanPageSize: number
  /** Largest data file a governance check or dedup run accepts. */
  governanceMaxUploadBytes: number
  /** Days an uploaded data file is kept after its last use, once no run needs it. */
  governanceUploadRetentionDays: number
  /** log2 of the scrypt cost for new password hashes (TONGBAN_PASSWORD_HASH_COST, 14 = N 16384). */
  passwordHashCost: number
  /** The built web app (`npm run build`), served at `/`. */
  webDir: string
}

/** Where `npm run build` puts the web app: web/dist in this checkout. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url))

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** Reads every TONGBAN_* setting (and DATABASE_URL); throws one error naming each bad setting. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${raw}: must be an integer from ${min} to ${max}`)
      return fallback
    }
    return value
  }
  const databaseUrl = env.TONGBAN_DATABASE_URL || env.DATABASE_URL || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    problems.push(`DATABASE_URL: must be a postgres:// URL (leave it unset for embedded SQLite)`)
  }
  const logLevel = env.TONGBAN_LOG_LEVEL ?? 'info'
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`TONGBAN_LOG_LEVEL=${logLevel}: must be one of ${LOG_LEVELS.join(', ')}`)
  const secret = env.TONGBAN_SECRET || undefined
  if (secret !== undefined && secret.length < 32)
    problems.push('TONGBAN_SECRET: must be at least 32 characters')
  const production = env.NODE_ENV === 'production'
  if (production && secret === undefined)
    problems.push('TONGBAN_SECRET: required when NODE_ENV=production')
  const demo = parseBool(env.TONGBAN_DEMO, !production, 'TONGBAN_DEMO', problems)
  if (production && demo) problems.push('TONGBAN_DEMO: cannot be on when NODE_ENV=production')
  const dataDir = resolve(env.TONGBAN_DATA_DIR ?? 'data')
  const config: Config = {
    port: int('TONGBAN_PORT', 3000, 0, 65535),
    host: env.TONGBAN_HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    sqlitePath: env.TONGBAN_SQLITE_PATH ?? join(dataDir, 'tongban.db'),
    secret,
    production,
    logLevel,
    accessTokenTtlSeconds: int('TONGBAN_ACCESS_TOKEN_TTL_SECONDS', 900, 60, 900),
    refreshTokenTtlDays: int('TONGBAN_REFRESH_TOKEN_TTL_DAYS', 14, 1, 90),
    bodyLimitBytes: int('TONGBAN_BODY_LIMIT_BYTES', 1_048_576, 1024, 52_428_800),
    checkpointIntervalMs: int('TONGBAN_CHECKPOINT_INTERVAL_MS', 2000, 100, 600_000),
    auditSealIntervalMs: int('TONGBAN_AUDIT_SEAL_INTERVAL_MS', 200, 10, 60_000),
    jobPollMs: int('TONGBAN_JOB_POLL_MS', 500, 10, 60_000),
    authRateLimitPerMinute: int('TONGBAN_AUTH_RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000),
    demo,
    regionCode: env.TONGBAN_REGION_CODE ?? '330100',
    rectificationDays: rectificationDays(env.TONGBAN_RECTIFICATION_DAYS, problems),
    ratingDefaultDays: int('TONGBAN_RATING_DEFAULT_DAYS', 15, 1, 365),
    slaScanIntervalMs: int('TONGBAN_SLA_SCAN_INTERVAL_MS', 600_000, 1000, 86_400_000),
    slaScanPageSize: int('TONGBAN_SLA_SCAN_PAGE_SIZE', 500, 1, 100_000),
    governanceMaxUploadBytes: int(
      'TONGBAN_GOVERNANCE_MAX_UPLOAD_BYTES',
      512 * 1024 * 1024,
      1024,
      8 * 1024 * 1024 * 1024,
    ),
    governanceUploadRetentionDays: int('TONGBAN_GOVERNANCE_UPLOAD_RETENTION_DAYS', 7, 1, 3650),
    passwordHashCost: int('TONGBAN_PASSWORD_HASH_COST', DEFAULT_PASSWORD_HASH_COST, 10, 20),
    webDir: resolve(env.TONGBAN_WEB_DIR || DEFAULT_WEB_DIR),
  }
  if (!/^\d{6}$/.test(config.regionCode))
    problems.push(`TONGBAN_REGION_CODE=${config.regionCode}: must be a six-digit GB/T 2260 code`)
  // Cheaper hashes keep a test suite that registers thousands of accounts fast; never in production.
  if (production && config.passwordHashCost < DEFAULT_PASSWORD_HASH_COST)
    problems.push(
      `TONGBAN_PASSWORD_HASH_COST=${config.passwordHashCost}: must be at least ${DEFAULT_PASSWORD_HASH_COST} when NODE_ENV=production`,
    )
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}

function parseBool(
  raw: string | undefined,
  fallback: boolean,
  name: string,
  problems: string[],
): boolean {
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true
  if (['0', 'false', 'no', 'off'].includes(raw)) return false
  problems.push(`${name}=${raw}: must be true or false`)
  return fallback
}

/**
 * The configured secret, or on a development machine one generated once and kept in the data
 * directory (mode 0600), so `npm start` needs no setup and restarts keep sessions valid.
 */
export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret
  const file = join(config.dataDir, 'secret.key')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(config.dataDir, { recursive: true })
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

function rectificationDays(raw: string | undefined, problems: string[]) {
  const fallback = { respondDays: 1, rectifyDays: 5, closeDays: 15 }
  if (raw === undefined || raw === '') return fallback
  const parts = raw.split(',').map((p) => Number(p.trim()))
  if (parts.length !== 3 || !parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 365)) {
    problems.push(
      `TONGBAN_RECTIFICATION_DAYS=${raw}: must be three working-day counts, respond,rectify,close (e.g. 1,5,15)`,
    )
    return fallback
  }
  const [respondDays = 1, rectifyDays = 5, closeDays = 15] = parts
  return { respondDays, rectifyDays, closeDays }
}
