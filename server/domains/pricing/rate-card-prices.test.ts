import { describe, expect, it } from 'vitest'
import { bundledCatalog, type Catalog } from './catalog.js'
import { priceUsage } from './cost-engine.js'
import { pricingAssumptions, type RateCard, rateCardPrices, specificity } from './rate-card-prices.js'

const price = (usage: Record<string, string>, rateCard: RateCard, includeFreeTier = false) =>
  priceUsage({ region: 'us-east-1', usage, includeFreeTier, catalog: bundledCatalog, rateCard })

describe('rateCardPrices', () => {
  it('ranks a usage type over a service over everything, a region breaking ties', () => {
    expect(specificity({})).toBe(0)
    expect(specificity({ region: 'us-east-1' })).toBe(1)
    expect(specificity({ service: 'sqs' })).toBe(2)
    expect(specificity({ service: 'sqs', region: 'us-east-1' })).toBe(3)
    expect(specificity({ usage_type: 'sqs.requests.standard' })).toBe(4)
    expect(specificity({ usage_type: 'sqs.requests.standard', region: 'us-east-1' })).toBe(5)
  })

  it('multiplies every band, exactly, and leaves the catalog untouched', () => {
    const before = JSON.stringify(bundledCatalog)
    const lookup = rateCardPrices(bundledCatalog, [{ kind: 'discount', percent: '12.5', service: 'sqs' }])
    expect(lookup('us-east-1', 'sqs.requests.standard')?.tiers.map((t) => t.price)).toEqual([
      '0.35',
      '0.2625',
      '0.21',
    ])
    expect(JSON.stringify(bundledCatalog)).toBe(before)
  })

  it('lets an override price usage the catalog leaves unpriced, but never a discount', () => {
    const region = 'us-west-2'
    const catalog = JSON.parse(JSON.stringify(bundledCatalog)) as Catalog
    delete catalog.prices[region]?.['sns.publishes']
    const unpriced = priceUsage({
      region,
      usage: { 'sns.publishes': '3000000' },
      includeFreeTier: false,
      catalog,
      rateCard: [{ kind: 'discount', percent: '10' }],
    })
    expect(unpriced.unpriced.map((u) => u.usage_type)).toEqual(['sns.publishes'])
    const overridden = priceUsage({
      region,
      usage: { 'sns.publishes': '3000000' },
      includeFreeTier: false,
      catalog,
      rateCard: [{ kind: 'override', usage_type: 'sns.publishes', price_per_unit: '0.000001' }],
    })
    expect(overridden.total).toBe('3')
    expect(overridden.unpriced).toEqual([])
  })

  it('applies the free tier before the adjusted price: 3M SQS requests, 1M free, 50% off', () => {
    expect(
      price({ 'sqs.requests.standard': '3000000' }, [{ kind: 'discount', percent: '50' }], true).total,
    ).toBe('0.4')
  })
})

describe('pricingAssumptions', () => {
  const base = {
    snapshotId: 'bundled-x',
    catalog: bundledCatalog,
    region: 'us-east-1',
    includeFreeTier: true,
  }

  it('lists only the rules of the region and applies them', () => {
    const terms = pricingAssumptions({
      ...base,
      card: [
        { kind: 'markup', percent: '5', region: 'us-east-1' },
        { kind: 'discount', percent: '5', region: 'eu-west-1' },
      ],
      optedOut: false,
    })
    expect(terms.rateCardApplied).toBe(true)
    expect(terms.rateCard).toEqual([{ kind: 'markup', percent: '5', region: 'us-east-1' }])
    expect(terms.assumptions).toContain('Rate card: 5% markup on all services in us-east-1')
  })

  it('applies nothing to an opted-out scenario and says so', () => {
    const terms = pricingAssumptions({ ...base, card: [{ kind: 'markup', percent: '5' }], optedOut: true })
    expect(terms).toMatchObject({ rateCard: [], rateCardApplied: false })
    expect(terms.assumptions.at(-1)).toBe('Rate card not applied: this scenario opts out, catalog prices')
  })
})
