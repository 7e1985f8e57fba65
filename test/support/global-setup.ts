import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../src/platform/db/database.js'
import { migrateToLatest, type ModuleMigration } from '../../src/platform/db/migrator.js'
import { withDatabase } from './database-url.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL database with every migration applied, cloned for each test app. */
    postgresTemplate: string | null
  }
}

/**
 * Once per run: migrates one PostgreSQL database that test apps are cloned from (CREATE DATABASE …
 * TEMPLATE), instead of running every migration again for each of hundreds of test databases.
 */
export async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    project.provide('postgresTemplate', null)
    return undefined
  }
  let migrations: ModuleMigration[]
  try {
    migrations = (await import('../../src/app.js')).ALL_MIGRATIONS
  } catch (error: unknown) {
    // A source file that does not compile fails the tests that load it, not every test file.
    console.warn('no PostgreSQL template database: the app does not load', error)
    project.provide('postgresTemplate', null)
    return undefined
  }
  const name = `tongban_template_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const database = openDatabase({ url: withDatabase(adminUrl, name), poolSize: 1 })
  try {
    await migrateToLatest(database.db, 'postgres', migrations)
  } finally {
    await database.close()
  }
  project.provide('postgresTemplate', name)
  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl })
    await cleanup.connect()
    await cleanup.query(`drop database if exists ${name} with (force)`)
    await cleanup.end()
  }
}
