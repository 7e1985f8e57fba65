import { randomBytes } from 'node:crypto'
import { admin } from '../kernel/audit.js'

/** The PostgreSQL server to use (TEST_DATABASE_URL or DATABASE_URL), if one is set. */
export function postgresAdminUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined
}

/** A fresh database on that server, created now and dropped (with force) by `drop`. */
export async function createPostgresDatabase(
  adminUrl: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `tongban_bench_${randomBytes(6).toString('hex')}`
  await admin(adminUrl, `create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: () => admin(adminUrl, `drop database if exists ${name} with (force)`),
  }
}
