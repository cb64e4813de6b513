import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type Database, openDatabase } from '../db/client.js'

/** Which engine the suite runs on: PostgreSQL when TEST_DATABASE_URL is set, in-memory PGlite otherwise. */
export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'

export type TestDatabase = Database & { url?: string }

/**
 * A fresh, migrated database for one test file: a new in-memory PGlite, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL that `close()` drops again.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    const database = await openDatabase({})
    await database.migrate()
    return database
  }
  const name = `mockupaws_test_${randomBytes(6).toString('hex')}`
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ url: url.toString(), poolSize: 10 })
  await database.migrate()
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close()
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`))
    },
  }
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
