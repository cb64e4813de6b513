import type { Decimal } from 'decimal.js'
import type { ApiKeyService } from '../api-keys/api-keys.service.js'
import type { UsageShareRow as IngestShareRow, UsageService } from '../ingest/usage.service.js'
import { ExactDecimal } from '../pricing/cost-engine.js'
import type { CostService } from './costs.service.js'
import type { CostsByApiKeyResponse, CostsResponse } from './scenarios.schemas.js'

type CostBlock = Pick<CostsResponse['observed'], 'by_service'>

/** One usage type's running total, the part of it one sender (API key, or null for a JWT) sent, and the key. */
export type UsageShareRow = IngestShareRow & {
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

type CostsByKeyDeps = { costs: CostService; usage: UsageService; apiKeys: ApiKeyService }

/** The ingest domain's per-sender shares, each named by the api-keys domain. */
async function listUsageShares(
  { usage, apiKeys }: CostsByKeyDeps,
  scenarioId: string,
): Promise<UsageShareRow[]> {
  const rows = await usage.shares(scenarioId)
  const keys = await apiKeys.summaries([...new Set(rows.flatMap((row) => row.apiKeyId ?? []))])
  return rows.map((row) => {
    const key = row.apiKeyId === null ? undefined : keys.get(row.apiKeyId)
    return {
      ...row,
      keyName: key?.name ?? null,
      keyPrefix: key?.keyPrefix ?? null,
      keyRevoked: key?.revoked ?? false,
    }
  })
}

/** `GET /scenarios/:id/costs/by-api-key`: which sender drives the scenario's ingested spend. */
export function createCostsByKeyService(deps: CostsByKeyDeps) {
  return {
    async costsByApiKey(userId: string, scenarioId: string): Promise<CostsByApiKeyResponse> {
      const answer = await deps.costs.costs(userId, scenarioId)
      const rows = await listUsageShares(deps, scenarioId)
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
