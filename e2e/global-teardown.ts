import pg from 'pg'

/** Drops the PostgreSQL database playwright.config.ts created for this run (none on PGlite). */
export default async function globalTeardown(): Promise<void> {
  const url = process.env.E2E_DATABASE_URL
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!url || !adminUrl) return
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`)
  } finally {
    await client.end()
  }
}
