import type { Decimal } from 'decimal.js'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { queryRows } from '../../db/client.js'
import { ExactDecimal } from '../pricing/cost-engine.js'
import type { CostService } from './costs.service.js'
import type { CostsByApiKeyResponse, CostsResponse } from './scenarios.schemas.js'

type CostBlock = Pick<CostsResponse['observed'], 'by_service'>

/** One usage type's running total and the part of it each sender (API key, or null for a JWT) sent. */
export type UsageShareRow = {
  usageType: string
  total: string
  apiKeyId: string | null
  keyQuantity: string | null
  keyName: string | null
  keyPrefix: string | null
  keyRevoked: boolean
}

type Sender = { apiKeyId: string | null; name: string | null; prefix: string | null; revoked: boolean }
type SenderCosts = { observed: Map<string, Decimal>; projected: Map<string, Decimal> }

const MONEY_DECIMALS = 6
const money = (value: Decimal) => value.toDecimalPlaces(MONEY_DECIMALS, ExactDecimal.ROUND_HALF_UP).toFixed()
const sum = (values: Iterable<Decimal>) => [...values].reduce((a, b) => a.plus(b), new ExactDecimal(0))

/**
 * Splits the cost of every ingested usage type between the senders in proportion to the quantity each sent:
 * the scenario is priced once as a whole (tiers and the free tier apply to the account, not to a key), then
 * each usage type's cost is shared by quantity. Usage stored before per-key totals existed, or that no key
 * row accounts for, is `unattributed`. Line items are not ingested, so they belong to no key.
 */
export function attributeByKey(
  costs: { observed: CostBlock; projected: CostBlock },
  rows: readonly UsageShareRow[],
): Omit<CostsByApiKeyResponse, 'currency' | 'window_start' | 'window_end'> {
  const senders = new Map<string, Sender & SenderCosts>()
  const shares = new Map<string, Map<string, Decimal>>()
  for (const row of rows) {
    if (row.keyQuantity === null) continue
    const id = row.apiKeyId ?? ''
    if (!senders.has(id)) {
      senders.set(id, {
        apiKeyId: row.apiKeyId,
        name: row.keyName,
        prefix: row.keyPrefix,
        revoked: row.keyRevoked,
        observed: new Map(),
        projected: new Map(),
      })
    }
    const total = new ExactDecimal(row.total)
    if (total.isZero()) continue
    const byUsage = shares.get(row.usageType) ?? new Map<string, Decimal>()
    byUsage.set(id, new ExactDecimal(row.keyQuantity).dividedBy(total))
    shares.set(row.usageType, byUsage)
  }

  const unattributed = { observed: new Map<string, Decimal>(), projected: new Map<string, Decimal>() }
  const split = (block: CostBlock, pick: (c: SenderCosts) => Map<string, Decimal>) => {
    for (const service of block.by_service) {
      for (const usage of service.by_usage_type) {
        const cost = new ExactDecimal(usage.cost)
        let attributed = new ExactDecimal(0)
        for (const [id, share] of shares.get(usage.usage_type) ?? []) {
          const target = pick(senders.get(id) as SenderCosts)
          const part = cost.times(share)
          attributed = attributed.plus(part)
          target.set(service.service, (target.get(service.service) ?? new ExactDecimal(0)).plus(part))
        }
        const rest = cost.minus(attributed)
        const target = pick(unattributed)
        if (!rest.isZero())
          target.set(service.service, (target.get(service.service) ?? new ExactDecimal(0)).plus(rest))
      }
    }
  }
  split(costs.observed, (c) => c.observed)
  split(costs.projected, (c) => c.projected)

  const projectedTotal = sum(
    costs.projected.by_service.flatMap((s) => s.by_usage_type.map((u) => new ExactDecimal(u.cost))),
  )
  const keys = [...senders.values()].map((sender) => {
    const projected = sum(sender.projected.values())
    const services = [...new Set([...sender.observed.keys(), ...sender.projected.keys()])]
    return {
      api_key_id: sender.apiKeyId,
      name: sender.name,
      key_prefix: sender.prefix,
      revoked: sender.revoked,
      observed_cost: money(sum(sender.observed.values())),
      projected_monthly_cost: money(projected),
      share_pct: projectedTotal.isZero() ? '0' : money(projected.dividedBy(projectedTotal).times(100)),
      by_service: services.map((service) => ({
        service,
        observed_cost: money(sender.observed.get(service) ?? new ExactDecimal(0)),
        projected_monthly_cost: money(sender.projected.get(service) ?? new ExactDecimal(0)),
      })),
      projected,
    }
  })
  // Ties by name, JWT senders (no name) last.
  const nameOf = (key: { name: string | null }) => key.name ?? '\uffff'
  keys.sort((a, b) => b.projected.comparedTo(a.projected) || nameOf(a).localeCompare(nameOf(b)))
  return {
    keys: keys.map(({ projected: _sortKey, ...key }) => key),
    unattributed: {
      observed_cost: money(sum(unattributed.observed.values())),
      projected_monthly_cost: money(sum(unattributed.projected.values())),
    },
  }
}

/** Every usage type's total and its per-sender parts, read in one statement so the two agree. */
async function listUsageShares(db: Db, scenarioId: string): Promise<UsageShareRow[]> {
  return queryRows<UsageShareRow>(
    db,
    sql`select t.usage_type as "usageType", t.quantity::text as total, k.api_key_id as "apiKeyId",
               k.quantity::text as "keyQuantity", a.name as "keyName", a.key_prefix as "keyPrefix",
               (a.revoked_at is not null) as "keyRevoked"
        from usage_totals t
        left join usage_totals_by_key k on k.scenario_id = t.scenario_id and k.usage_type = t.usage_type
        left join api_keys a on a.id = k.api_key_id
        where t.scenario_id = ${scenarioId}`,
  )
}

/** `GET /scenarios/:id/costs/by-api-key`: which sender drives the scenario's ingested spend. */
export function createCostsByKeyService({ db, costs }: { db: Db; costs: CostService }) {
  return {
    async costsByApiKey(userId: string, scenarioId: string): Promise<CostsByApiKeyResponse> {
      const answer = await costs.costs(userId, scenarioId)
      const rows = await listUsageShares(db, scenarioId)
      return {
        currency: answer.currency,
        window_start: answer.observed.window_start,
        window_end: answer.observed.window_end,
        ...attributeByKey({ observed: answer.observed, projected: answer.projected_monthly }, rows),
      }
    },
  }
}
export type CostsByKeyService = ReturnType<typeof createCostsByKeyService>
