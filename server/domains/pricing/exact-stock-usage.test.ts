import { describe, expect, it } from 'vitest'
import { type Catalog, bundledCatalog as catalog } from './catalog.js'
import { priceUsage } from './cost-engine.js'
import { baseToPriceUnits } from './usage-units.js'

/**
 * Stock usage ingested in bytes becomes GB-months with many decimals (bytes / 2^30). Every step of pricing
 * must keep them exact: a step at 20 significant digits left a rounding leftover (~3e-18 GB-month) above the
 * priced bands, reported as "not priced: s3.storage_gb_month" in the costs, the PDF and the CSV.
 */
describe('exact stock usage', () => {
  const bytes = '3221225472125' // 3000 GB and 125,000 bytes: 3000.000000116415321826934814453125 GB
  const usage = baseToPriceUnits([{ usageType: 's3.storage_gb_month', quantity: bytes }])

  it.each([false, true])('prices every GB-month and reports nothing unpriced (free tier %s)', (free) => {
    const result = priceUsage({ region: 'us-east-1', usage, includeFreeTier: free, catalog })
    expect(result.unpriced).toEqual([])
    const row = result.by_service[0]?.by_usage_type[0]
    expect(row?.quantity).toBe(usage.get('s3.storage_gb_month')?.toFixed())
    // Billable + free is the whole quantity, to the last decimal.
    expect(Number(row?.billable_quantity) + Number(row?.free_quantity)).toBeCloseTo(Number(row?.quantity), 9)
    expect(row?.billable_quantity).toBe(
      usage
        .get('s3.storage_gb_month')
        ?.minus(row?.free_quantity ?? '0')
        .toFixed(),
    )
  })

  it('reports no leftover above the last band of a region whose bands stop at 50 TB', () => {
    const partial = JSON.parse(JSON.stringify(catalog)) as Catalog
    const price = partial.prices['us-east-1']?.['s3.storage_gb_month']
    if (!price) throw new Error('the catalog prices S3 Standard in us-east-1')
    price.tiers = price.tiers.slice(0, 1)
    expect(price.tiers[0]?.upto).not.toBeNull()
    const result = priceUsage({ region: 'us-east-1', usage, includeFreeTier: false, catalog: partial })
    expect(result.unpriced).toEqual([])
  })

  it('keeps a quantity spread over several bands exact', () => {
    const big = baseToPriceUnits([{ usageType: 's3.storage_gb_month', quantity: '600000000000001' }])
    const result = priceUsage({ region: 'us-east-1', usage: big, includeFreeTier: true, catalog })
    expect(result.unpriced).toEqual([])
  })
})
