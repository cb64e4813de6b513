import { bundledCatalog } from '../domains/pricing/catalog.js'
import { priceUsage, type UsageMap } from '../domains/pricing/cost-engine.js'
import { lineItemsToUsage } from '../domains/pricing/line-items.js'
import { comparePurchaseOption } from '../domains/scenarios/purchase-options.js'
import type { PurchaseOptionsQuery } from '../domains/scenarios/scenarios.schemas.js'

/**
 * Compares one line item of `service` under a commitment in `region` at the bundled catalog's rates, as the
 * purchase-options endpoint does for a scenario holding only that item (free tier off); throws when its params
 * are refused.
 */
export function compareItem(
  service: string,
  params: Record<string, unknown>,
  region: string,
  query: PurchaseOptionsQuery,
) {
  const price = (usage: UsageMap) =>
    priceUsage({ region, usage, includeFreeTier: false, catalog: bundledCatalog })
  const usage = lineItemsToUsage([{ service, params }], bundledCatalog)
  if (!usage.ok) throw new Error(JSON.stringify(usage.details))
  const items = [{ id: 'item-1', service, params }] as unknown as Parameters<
    typeof comparePurchaseOption
  >[0]['items']
  return comparePurchaseOption({
    items,
    catalog: bundledCatalog,
    region,
    query,
    price,
    modelledUsage: usage.usage,
  })
}

/** The one covered item of a comparison; throws with the reasons when it was not covered. */
export function coveredItem(result: ReturnType<typeof compareItem>) {
  const [item] = result.items
  if (!item) throw new Error(`not covered: ${JSON.stringify(result.not_covered)}`)
  return item
}
