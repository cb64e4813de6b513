import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/ecr/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1', legacyFreeTier = false) {
  return priceItems('ecr', [params], {
    region,
    includeFreeTier: true,
    freeTier: { legacy12Month: legacyFreeTier },
  })
}

describe(`ECR at the rates of ${PAGE}`, () => {
  it('bills $0.10 per GB-month of private image storage', () => {
    expect(cents(cost({ storage_gb: 50 }).total)).toBe('5.00')
    expect(cents(cost({ storage_gb: 50 }, 'us-west-2').total)).toBe('5.00')
  })

  it('applies the legacy 12-month 500 MB only when a scenario asks for it', () => {
    expect(cents(cost({ storage_gb: 10 }, 'us-east-1', true).total)).toBe('0.95')
    expect(cents(cost({ storage_gb: 10 }).total)).toBe('1.00')
  })

  it('bills sa-east-1 at the rate a Cost Explorer extract reproduces to the cent (ecr-billed-sae1)', () => {
    // July 2026 of that extract: 18.91 GB-months of SAE1-TimedStorage-ByteHrs billed $1.89
    expect(cents(cost({ storage_gb: 18.91 }, 'sa-east-1').total)).toBe('1.89')
    // and May: 12.51 GB-months billed $1.25
    expect(cents(cost({ storage_gb: 12.51 }, 'sa-east-1').total)).toBe('1.25')
  })

  it('bills ap-south-1 at its AmazonECR offer as cited in a decision record (ecr-offer-aps3-cloud-decision)', () => {
    expect(cents(cost({ storage_gb: 50 }, 'ap-south-1').total)).toBe('5.00')
  })

  it('prices Regions outside the main ten at the rate map of 2025-03-14 (page-rates-ecr)', () => {
    // aws-price-watcher raw/ecr.json at d65c44f: 'EC2 Container Registry' $0.10 in 'Middle East (Bahrain)',
    // 'Asia Pacific (Jakarta)' and 'Canada West (Calgary)': 50 GB-months × $0.10 = $5.00
    for (const region of ['me-south-1', 'ap-southeast-3', 'ca-west-1']) {
      const priced = cost({ storage_gb: 50 }, region)
      expect(priced.unpriced, region).toEqual([])
      expect(cents(priced.total), region).toBe('5.00')
    }
  })

  it('prices Taipei and New Zealand from the rate map of 2026-08-31 (page-rates-ecr-2026-08)', () => {
    // aws-price-watcher fb0ed68 raw/ecr.json, 'Asia Pacific (Taipei)' and 'Asia Pacific (New Zealand)':
    // 'EC2 Container Registry' 0.1000000000 in each: 50 GB-months × $0.10 = $5.00
    for (const region of ['ap-east-2', 'ap-southeast-6']) {
      const priced = cost({ storage_gb: 50 }, region)
      expect(priced.unpriced, region).toEqual([])
      expect(cents(priced.total), region).toBe('5.00')
    }
  })

  it('reports a Region without a sourced price as unpriced, never $0', () => {
    // every catalog Region is priced now: take Taipei's storage rate out of a copy of the catalog
    const catalog = structuredClone(bundledCatalog)
    delete catalog.prices['ap-east-2']?.['ecr.storage_gb_months']
    const items = lineItemsToUsage([{ service: 'ecr', params: { storage_gb: 1 } }], catalog)
    if (!items.ok) throw new Error('refused')
    const priced = priceUsage({ region: 'ap-east-2', includeFreeTier: true, usage: items.usage, catalog })
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['ecr.storage_gb_months'])
  })

  it('refuses negative storage', () => {
    const result = lineItemsToUsage([{ service: 'ecr', params: { storage_gb: -1 } }], bundledCatalog)
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.storage_gb' }] })
  })

  it('imports a repository with no storage yet, and skips its policies', () => {
    const plan = terraformPlan(
      ['aws_ecr_repository', 'aws_ecr_lifecycle_policy'].map((type) => planResource('app', type, {})),
    )
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([['ecr', { storage_gb: 0 }]])
    expect(mapped.skipped.map((s) => s.reason)).toEqual(['no charge of its own'])
  })
})
