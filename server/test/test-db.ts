import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { type Database, openDatabase } from '../db/client.js'

/** Which engine the suite runs on: PostgreSQL when TEST_DATABASE_URL is set, in-memory PGlite otherwise. */
export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'

/**
 * Set by server/test/global-setup.ts: the migrated template of this run, a PostgreSQL database name or the
 * path of a dumped PGlite data directory. Cloning it costs a fraction of migrating every test file's database.
 */
export const TEMPLATE_ENV = 'MOCKUPAWS_TEST_TEMPLATE'

export type TestDatabase = Database & { url?: string }

/**
 * A fresh, migrated database for one test file: a new in-memory PGlite, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL that `close()` drops again. It is a copy of the run's migrated
 * template when there is one; `fresh` migrates from empty instead (the migration tests need that).
 */
export async function createTestDatabase(options: { fresh?: boolean } = {}): Promise<TestDatabase> {
  const template = options.fresh ? undefined : process.env[TEMPLATE_ENV]
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    const pgliteImage = template ? new Blob([await readFile(template)]) : undefined
    const database = await openDatabase({ pgliteImage })
    if (!template) await database.migrate()
    return database
  }
  const name = `mockupaws_test_${randomBytes(6).toString('hex')}`
  await withAdmin(adminUrl, (c) =>
    c.query(`create database ${name}${template ? ` template ${template}` : ''}`),
  )
  const url = databaseUrl(adminUrl, name)
  const database = await openDatabase({ url, poolSize: 10 })
  if (!template) await database.migrate()
  return {
    ...database,
    url,
    async close() {
      await database.close()
      await dropDatabase(adminUrl, name)
    },
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`))
}

export async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
