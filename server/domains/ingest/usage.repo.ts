import { and, eq, gte, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { queryRows } from '../../db/client.js'
import { usageRollups, usageTotals } from '../../db/schema/index.js'

/** The running usage totals of a scenario (base units), one row per usage type: never the minute rollups. */
export async function listUsageTotals(
  db: DbOrTx,
  scenarioId: string,
): Promise<{ usageType: string; quantity: string }[]> {
  return db
    .select({ usageType: usageTotals.usageType, quantity: usageTotals.quantity })
    .from(usageTotals)
    .where(eq(usageTotals.scenarioId, scenarioId))
}

/**
 * Rolled-up usage summed per UTC hour and usage type from `from` on: the database aggregates the minutes,
 * so the answer is O(hours × usage types) rows (the costs range reads at most 744 hours).
 */
export async function listHourlyUsage(
  db: DbOrTx,
  scenarioId: string,
  from: Date,
): Promise<{ hourStartMs: number; usageType: string; quantity: string }[]> {
  const hour = sql`date_trunc('hour', ${usageRollups.minute}, 'UTC')`
  const rows = await db
    .select({
      hourEpoch: sql<string>`extract(epoch from ${hour})::bigint::text`,
      usageType: usageRollups.usageType,
      quantity: sql<string>`sum(${usageRollups.quantity})::text`,
    })
    .from(usageRollups)
    .where(and(eq(usageRollups.scenarioId, scenarioId), gte(usageRollups.minute, from)))
    .groupBy(hour, usageRollups.usageType)
  return rows.map((row) => ({
    hourStartMs: Number(row.hourEpoch) * 1000,
    usageType: row.usageType,
    quantity: row.quantity,
  }))
}

/** One usage type's running total and the part of it one sender (API key, or null for a JWT) sent. */
export type UsageShareRow = {
  usageType: string
  total: string
  apiKeyId: string | null
  /** Null when no sender's part is recorded for the usage type. */
  keyQuantity: string | null
}

/** Every usage type's total and its per-sender parts, read in one statement so the two agree. */
export async function listUsageShares(db: DbOrTx, scenarioId: string): Promise<UsageShareRow[]> {
  return queryRows<UsageShareRow>(
    db,
    sql`select t.usage_type as "usageType", t.quantity::text as total, k.api_key_id as "apiKeyId",
               k.quantity::text as "keyQuantity"
        from usage_totals t
        left join usage_totals_by_key k on k.scenario_id = t.scenario_id and k.usage_type = t.usage_type
        where t.scenario_id = ${scenarioId}`,
  )
}
