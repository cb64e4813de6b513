import { Decimal } from 'decimal.js'
import { bundledCatalog } from '../domains/pricing/catalog.js'
import { type PricedUsage, type PriceUsageInput, priceUsage } from '../domains/pricing/cost-engine.js'
import { lineItemsToUsage } from '../domains/pricing/line-items.js'

/**
 * Prices line items of one service in `region` at the bundled catalog's rates, as the cost engine prices a
 * scenario; throws when their params are refused.
 */
export function priceItems(
  service: string,
  params: readonly Record<string, unknown>[],
  options: Pick<PriceUsageInput, 'region' | 'includeFreeTier' | 'freeTier'>,
): PricedUsage {
  const result = lineItemsToUsage(
    params.map((p) => ({ service, params: p })),
    bundledCatalog,
  )
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return priceUsage({ ...options, usage: result.usage, catalog: bundledCatalog })
}

/** A decimal amount rounded to the cent, as the pages print it ("774.47"). */
export const cents = (amount: string) => new Decimal(amount).toDecimalPlaces(2).toFixed(2)
