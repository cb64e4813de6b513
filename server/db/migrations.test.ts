import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testEngine } from '../test/test-db.js'
import { queryRows } from './client.js'

const EXPECTED_TABLES = [
  'api_keys',
  'budget_alert_deliveries',
  'budget_alert_rules',
  'budget_alerts',
  'budget_projections',
  'event_day_rollups',
  'event_rollups',
  'event_totals',
  'ingest_batches',
  'pii_findings',
  'pii_totals',
  'pricing_catalogs',
  'rate_cards',
  'refresh_tokens',
  'report_schedules',
  'reports',
  'scenario_budgets',
  'scenario_line_items',
  'scenarios',
  'schedule_runs',
  'security_events',
  'share_links',
  'usage_day_rollups',
  'usage_rollups',
  'usage_totals',
  'usage_totals_by_key',
  'users',
]

describe(`migrations on ${testEngine}`, async () => {
  const database = await createTestDatabase({ fresh: true })
  afterAll(() => database.close())

  it('create the whole schema from empty', async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    )
    expect(rows.map((r) => r.table_name)).toEqual(EXPECTED_TABLES)
  })

  it('are idempotent: a second run applies nothing and keeps data', async () => {
    await database.db.execute(sql`insert into users (email, password_hash) values ('keep@example.com', 'x')`)
    await database.migrate()
    await database.migrate()
    const rows = await queryRows<{ n: string }>(database.db, sql`select count(*)::text as n from users`)
    expect(rows[0]?.n).toBe('1')
  })

  it('enforce foreign keys, enums and checks', async () => {
    await expect(
      database.db.execute(
        sql`insert into scenarios (user_id, name, region) values ('00000000-0000-4000-8000-000000000000', 'x', 'us-east-1')`,
      ),
    ).rejects.toThrow()
    const [user] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into users (email, password_hash) values ('enum@example.com', 'x') returning id`,
    )
    const userId = user?.id
    await expect(
      database.db.execute(
        sql`insert into scenarios (user_id, name, region, status) values (${userId}, 'x', 'us-east-1', 'paused')`,
      ),
    ).rejects.toThrow()
    await expect(
      database.db.execute(
        sql`insert into scenarios (user_id, name, region) values (${userId}, '   ', 'us-east-1')`,
      ),
    ).rejects.toThrow()
  })

  it('cascade a user deletion to their data', async () => {
    const [user] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into users (email, password_hash) values ('gone@example.com', 'x') returning id`,
    )
    const userId = user?.id
    await database.db.execute(
      sql`insert into scenarios (user_id, name, region) values (${userId}, 's', 'us-east-1')`,
    )
    await database.db.execute(sql`delete from users where id = ${userId}`)
    const left = await queryRows<{ n: string }>(
      database.db,
      sql`select count(*)::text as n from scenarios where user_id = ${userId}`,
    )
    expect(left[0]?.n).toBe('0')
  })
})
