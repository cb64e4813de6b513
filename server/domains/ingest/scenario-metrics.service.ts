import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { queryRows } from '../../db/client.js'
import { eventTotals, piiFindings, piiTotals, usageTotals } from '../../db/schema/index.js'
import { notFound } from '../../errors.js'
import { unitOfUsageType } from '../pricing/catalog.js'
import type { PricingService } from '../pricing/pricing.service.js'
import { baseToPriceUnits } from '../pricing/usage-units.js'
import type { ScenarioState } from '../scenarios/scenarios.service.js'

export type Bucket = 'minute' | 'hour' | 'day'

/** How far back a series reaches by default, counted back from the scenario's last event. */
const DEFAULT_SPAN_MS: Record<Bucket, number> = {
  minute: 6 * 3_600_000,
  hour: 7 * 86_400_000,
  day: 90 * 86_400_000,
}
const PII_SAMPLES = 20

/**
 * The live counters of a scenario (`GET /scenarios/:id/metrics`): totals and PII counts come from running totals
 * (O(types)), the series from the per-minute rollups of the requested span (O(buckets)), never from events.
 */
export function createScenarioMetricsService({
  db,
  pricing,
  scenarioState,
}: {
  db: Db
  pricing: PricingService
  /** The scenarios domain's answer: a scenario's owner, status and last event. */
  scenarioState: (scenarioId: string) => Promise<ScenarioState | undefined>
}) {
  return {
    async get(userId: string, scenarioId: string, bucket: Bucket, range: { from?: string; to?: string }) {
      const state = await scenarioState(scenarioId)
      if (!state || state.userId !== userId) throw notFound('scenario')
      const to = range.to
        ? new Date(range.to)
        : new Date((state.lastEventAt ?? new Date()).getTime() + 60_000)
      const from = range.from ? new Date(range.from) : new Date(to.getTime() - DEFAULT_SPAN_MS[bucket])

      const [events, series, usage, piiCounts, samples] = await Promise.all([
        db.select().from(eventTotals).where(eq(eventTotals.scenarioId, scenarioId)),
        queryRows<{ bucket_start: Date | string; event_type: string; n: string }>(
          db,
          // Events that arrived more than a day late are counted per day: they show at their day's start.
          sql`select date_trunc(${bucket}, at) as bucket_start, event_type, sum(count)::text as n
              from (
                select minute as at, event_type, count from event_rollups
                where scenario_id = ${scenarioId} and minute >= ${from.toISOString()} and minute < ${to.toISOString()}
                union all
                select day, event_type, count from event_day_rollups
                where scenario_id = ${scenarioId} and day >= date_trunc('day', ${from.toISOString()}::timestamptz)
                  and day < ${to.toISOString()}
              ) as counted
              group by 1, 2 order by 1, 2`,
        ),
        db
          .select()
          .from(usageTotals)
          .where(eq(usageTotals.scenarioId, scenarioId))
          .orderBy(asc(usageTotals.usageType)),
        db.select().from(piiTotals).where(eq(piiTotals.scenarioId, scenarioId)),
        db
          .select()
          .from(piiFindings)
          .where(and(eq(piiFindings.scenarioId, scenarioId)))
          .orderBy(desc(piiFindings.seenAt))
          .limit(PII_SAMPLES),
      ])

      const seriesByBucket = new Map<string, Record<string, number>>()
      for (const row of series) {
        const start = new Date(row.bucket_start).toISOString()
        const byType = seriesByBucket.get(start) ?? {}
        byType[row.event_type] = Number(row.n)
        seriesByBucket.set(start, byType)
      }
      const catalog = pricing.current()
      const priced = baseToPriceUnits(usage.map((u) => ({ usageType: u.usageType, quantity: u.quantity })))
      return {
        bucket,
        from: from.toISOString(),
        to: to.toISOString(),
        totals: {
          events: events.reduce((sum, e) => sum + e.count, 0),
          by_type: Object.fromEntries(events.map((e) => [e.eventType, e.count])),
        },
        series: [...seriesByBucket.entries()].map(([bucket_start, by_type]) => ({ bucket_start, by_type })),
        usage: [...priced.entries()].map(([usageType, quantity]) => ({
          usage_type: usageType,
          quantity: quantity.toString(),
          unit: unitOfUsageType(catalog, usageType) ?? 'units',
        })),
        pii: {
          total: piiCounts.reduce((sum, p) => sum + p.count, 0),
          by_kind: Object.fromEntries(piiCounts.map((p) => [p.kind, p.count])),
          samples: samples.map((s) => ({ kind: s.kind, masked: s.masked, seen_at: s.seenAt.toISOString() })),
        },
      }
    },
  }
}
export type ScenarioMetricsService = ReturnType<typeof createScenarioMetricsService>
