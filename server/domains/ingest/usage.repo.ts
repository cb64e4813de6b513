import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { queryRows } from '../../db/client.js'
import { usageTotals } from '../../db/schema/index.js'

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
 * so the answer is O(hours × usage types) rows (the costs range reads at most 744 hours). Usage of events that
 * arrived more than a day late is kept per day; it is spread evenly over the day's 24 hours here, the best
 * estimate of its hours (the costs range is an estimate; totals never come from here).
 */
export async function listHourlyUsage(
  db: DbOrTx,
  scenarioId: string,
  from: Date,
): Promise<{ hourStartMs: number; usageType: string; quantity: string }[]> {
  const rows = await queryRows<{ hourEpoch: string; usageType: string; quantity: string }>(
    db,
    sql`select extract(epoch from hour)::bigint::text as "hourEpoch", usage_type as "usageType",
               sum(quantity)::text as quantity
        from (
          select date_trunc('hour', minute, 'UTC') as hour, usage_type, quantity
          from usage_rollups where scenario_id = ${scenarioId} and minute >= ${from.toISOString()}
          union all
          select d.day + h * interval '1 hour', d.usage_type, d.quantity / 24
          from usage_day_rollups d cross join generate_series(0, 23) as h
          where d.scenario_id = ${scenarioId}
            and d.day + h * interval '1 hour' >= date_trunc('hour', ${from.toISOString()}::timestamptz, 'UTC')
        ) as hourly
        group by 1, 2`,
  )
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
