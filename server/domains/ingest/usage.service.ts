import type { Db } from '../../db/client.js'
import * as repo from './usage.repo.js'

export type { UsageShareRow } from './usage.repo.js'

/**
 * The ingested usage of a scenario, for the domains that price it (scenarios' costs, costs by API key): the
 * usage tables belong to ingest, so other domains read them only through here.
 */
export function createUsageService({ db }: { db: Db }) {
  return {
    /** Running totals per usage type, in base units. */
    totals: (scenarioId: string) => repo.listUsageTotals(db, scenarioId),
    /** Usage per UTC hour and usage type from `from` on, in base units. */
    hourly: (scenarioId: string, from: Date) => repo.listHourlyUsage(db, scenarioId, from),
    /** Each usage type's total with the part each sender sent. */
    shares: (scenarioId: string) => repo.listUsageShares(db, scenarioId),
  }
}
export type UsageService = ReturnType<typeof createUsageService>
