import { sql } from 'drizzle-orm'
import { type DbOrTx, queryRows } from '../db/client.js'

/**
 * Waits until no job of these queues is waiting, due for a retry or running: the event after which a test
 * can assert that something did NOT happen (no second email, no extra webhook), instead of sleeping.
 */
export async function waitForJobsSettled(db: DbOrTx, queues: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [row] = await queryRows<{ open: number }>(
      db,
      sql`select count(*)::int as open from pgboss.job
          where name in (${sql.join(
            queues.map((q) => sql`${q}`),
            sql`, `,
          )}) and state in ('created', 'retry', 'active')`,
    )
    if (row?.open === 0) return
    if (Date.now() > deadline)
      throw new Error(`jobs of ${queues.join(', ')} still open after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
