import { Decimal } from 'decimal.js'
import { ExactDecimal, type PricedUsage, type UsageMap } from '../pricing/cost-engine.js'
import type { CostsResponse } from './scenarios.schemas.js'

/** Money and shared quantities are split at the API's 6 decimals. */
const SHARE_DECIMALS = 6

export type ItemUsage = { id: string; service: string; usage: UsageMap | null }

/**
 * Splits `total` among `weights` in proportion, each part at `decimals` places, by largest remainder: the
 * parts add up exactly to `total` (which must itself have at most `decimals` places).
 */
export function allocate(total: Decimal, weights: Decimal[], decimals = SHARE_DECIMALS): Decimal[] {
  const sum = weights.reduce((acc, w) => acc.plus(w), new ExactDecimal(0))
  if (sum.isZero()) return weights.map(() => new ExactDecimal(0))
  const step = new ExactDecimal(10).pow(-decimals)
  const exact = weights.map((w) => total.times(w).dividedBy(sum))
  const parts = exact.map((e) => e.toDecimalPlaces(decimals, Decimal.ROUND_DOWN))
  let left = total
    .minus(parts.reduce((acc, p) => acc.plus(p), new ExactDecimal(0)))
    .dividedBy(step)
    .toNumber()
  // The largest remainders take the steps the rounding down left over (ties to the earlier item).
  const order = exact
    .map((e, i) => ({ i, remainder: e.minus(parts[i] as Decimal) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    parts[i] = (parts[i] as Decimal).plus(step)
    left--
  }
  return parts
}

/**
 * Each line item's part of the modelled month (the `line_items` of the costs answer). `modelled` is the
 * items' merged usage priced once; an item is null-usage when the catalog no longer accepts it.
 */
export function lineItemCosts(
  items: ItemUsage[],
  modelled: PricedUsage,
): NonNullable<CostsResponse['line_items']> {
  const rows = new Map(
    modelled.by_service.flatMap((s) => s.by_usage_type.map((u) => [u.usage_type, u] as const)),
  )
  const shares = new Map<string, Map<string, { cost: Decimal; free: Decimal; billable: Decimal }>>()
  for (const [usageType, row] of rows) {
    const users = items.filter((item) => item.usage?.has(usageType))
    const weights = users.map((item) => item.usage?.get(usageType) as Decimal)
    const cost = allocate(new ExactDecimal(row.cost), weights)
    const free = allocate(new ExactDecimal(row.free_quantity), weights)
    const billable = allocate(new ExactDecimal(row.billable_quantity), weights)
    users.forEach((item, i) => {
      const byType = shares.get(item.id) ?? new Map()
      byType.set(usageType, { cost: cost[i], free: free[i], billable: billable[i] })
      shares.set(item.id, byType)
    })
  }
  return items.map((item) => {
    const byUsageType = [...(item.usage ?? [])].map(([usageType, quantity]) => {
      const row = rows.get(usageType)
      const share = shares.get(item.id)?.get(usageType)
      if (!row || !share) {
        return {
          usage_type: usageType,
          unit: modelled.unpriced.find((u) => u.usage_type === usageType)?.unit ?? 'units',
          quantity: quantity.toFixed(),
          free_quantity: '0',
          billable_quantity: quantity.toFixed(),
          cost: null,
        }
      }
      return {
        usage_type: usageType,
        unit: row.unit,
        quantity: quantity.toFixed(),
        free_quantity: share.free.toFixed(),
        billable_quantity: share.billable.toFixed(),
        ...(row.unit_price !== undefined ? { unit_price: row.unit_price } : {}),
        cost: share.cost.toFixed(),
      }
    })
    const cost = byUsageType.reduce((sum, u) => sum.plus(u.cost ?? 0), new ExactDecimal(0))
    return {
      item_id: item.id,
      service: item.service,
      cost: cost.toFixed(),
      by_usage_type: byUsageType,
      unpriced:
        item.usage === null ||
        byUsageType.some(
          (u) => u.cost === null || modelled.unpriced.some((x) => x.usage_type === u.usage_type),
        ),
    }
  })
}
