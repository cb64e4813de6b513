import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/cognito/pricing/'

function cost(params: Record<string, unknown>, { region = 'us-east-1', includeFreeTier = true } = {}) {
  return priceItems('cognito', [params], { region, includeFreeTier })
}

describe(`Cognito user pools at the rates of ${PAGE}`, () => {
  it('bills Lite MAUs in four bands after 10,000 free', () => {
    // 90,000 × $0.0055 + 900,000 × $0.0046 + 9,000,000 × $0.00325 + 1,000,000 × $0.0025
    expect(cents(cost({ tier: 'lite', monthly_active_users: 11_000_000 }).total)).toBe('36385.00')
    expect(cents(cost({ tier: 'lite', monthly_active_users: 10_000 }).total)).toBe('0.00')
    // Without the free tier the first band starts at the first user.
    expect(
      cents(cost({ tier: 'lite', monthly_active_users: 10_000 }, { includeFreeTier: false }).total),
    ).toBe('55.00')
  })

  it('bills Essentials at $0.015 after 10,000 free and Plus at $0.02 from the first user', () => {
    // 90,000 × $0.015
    expect(cents(cost({ monthly_active_users: 100_000 }).total)).toBe('1350.00')
    // 100,000 × $0.02
    expect(cents(cost({ tier: 'plus', monthly_active_users: 100_000 }).total)).toBe('2000.00')
  })

  it('shares the 10,000 free MAUs between Lite and Essentials pools of an account', () => {
    const result = lineItemsToUsage(
      [
        { service: 'cognito', params: { tier: 'lite', monthly_active_users: 6_000 } },
        { service: 'cognito', params: { tier: 'essentials', monthly_active_users: 6_000 } },
      ],
      bundledCatalog,
    )
    if (!result.ok) throw new Error('invalid')
    const priced = priceUsage({
      region: 'us-east-1',
      usage: result.usage,
      includeFreeTier: true,
      catalog: bundledCatalog,
    })
    // The allowance covers Essentials' 6,000 first, then 4,000 of Lite: 2,000 × $0.0055.
    expect(cents(priced.total)).toBe('11.00')
  })

  it('prices Lite and Essentials in Frankfurt and Essentials in Ireland', () => {
    expect(
      cents(cost({ tier: 'lite', monthly_active_users: 110_000 }, { region: 'eu-central-1' }).total),
    ).toBe('541.00')
    // Frankfurt Essentials from the 2026-09-03 Price List snapshot: 10,000 free, 10,000 × $0.015
    const frankfurt = cost({ monthly_active_users: 20_000 }, { region: 'eu-central-1' })
    expect(frankfurt.unpriced).toEqual([])
    expect(cents(frankfurt.total)).toBe('150.00')
    // Ireland Essentials from the rate map's Essentials key (page-rates-cognito-essentials-plus): 10,000 × $0.015
    const ireland = cost({ monthly_active_users: 20_000 }, { region: 'eu-west-1' })
    expect(ireland.unpriced).toEqual([])
    expect(cents(ireland.total)).toBe('150.00')
  })

  it('prices Essentials and Plus in Taipei and New Zealand from the map of 2026-03-03 (page-rates-cognito-essentials-plus-2026-03)', () => {
    // aws-price-watcher raw/cognito.json at 205c96b, 'Asia Pacific (Taipei)': key 8NjKZ… (Essentials) rate code
    // KXPEEH5NVRPPH6UH… 0.0150000000, key as3o6… (Plus) W5RHWG3UE9FQAAF9… 0.0200000000; 'Asia Pacific (New
    // Zealand)': A7WPS857FB7PHDGS… 0.0150000000 and 24SEDY7C7PE3EMNK… 0.0200000000.
    for (const region of ['ap-east-2', 'ap-southeast-6']) {
      // 10,000 free, then 10,000 × $0.015
      const essentials = cost({ tier: 'essentials', monthly_active_users: 20_000 }, { region })
      expect(essentials.unpriced, region).toEqual([])
      expect(cents(essentials.total), region).toBe('150.00')
      // no free tier on Plus: 10,000 × $0.02
      const plus = cost({ tier: 'plus', monthly_active_users: 10_000 }, { region })
      expect(plus.unpriced, region).toEqual([])
      expect(cents(plus.total), region).toBe('200.00')
    }
  })

  it('reports a Region without a sourced Essentials price as unpriced, never $0', () => {
    // every catalog Region is priced now: take Taipei's Essentials rate out of a copy of the catalog
    const catalog = structuredClone(bundledCatalog)
    delete catalog.prices['ap-east-2']?.['cognito.mau.essentials']
    const items = lineItemsToUsage(
      [{ service: 'cognito', params: { tier: 'essentials', monthly_active_users: 20_000 } }],
      catalog,
    )
    if (!items.ok) throw new Error('refused')
    const priced = priceUsage({ region: 'ap-east-2', includeFreeTier: true, usage: items.usage, catalog })
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['cognito.mau.essentials'])
  })

  it('prices Lite in Taipei and New Zealand from the rate map of 2026-03-03 (page-rates-cognito-2026-03)', () => {
    // aws-price-watcher processed/cognito.json at 205c96b, under 'Asia Pacific (Taipei)' and 'Asia Pacific (New
    // Zealand)': 'User Pool MAU 0 upto 50000 per Requests' 0.0055000000, 'User Pool MAU 50000 upto 950000 per
    // Requests' 0.0046000000, '950000 upto 9950000' 0.0032500000, '9950000 upto Inf' 0.0025000000.
    for (const region of ['ap-east-2', 'ap-southeast-6']) {
      const priced = cost({ tier: 'lite', monthly_active_users: 11_000_000 }, { region })
      expect(priced.unpriced).toEqual([])
      // 90,000 × $0.0055 + 900,000 × $0.0046 + 9,000,000 × $0.00325 + 1,000,000 × $0.0025
      expect(cents(priced.total)).toBe('36385.00')
    }
  })

  it('prices Lite in Seoul, Essentials in Canada (Central) and Plus in UAE from the same rate map', () => {
    // github.com/lamngockhuong/aws-price lib/data/pricing/cognito.json at 508fb45. Seoul 'User Pool MAU 0 upto
    // 50000' $0.0055 and '50000 upto 950000' $0.0046 (page-rates-cognito): 90,000 × $0.0055 + 10,000 × $0.0046
    expect(
      cents(cost({ tier: 'lite', monthly_active_users: 110_000 }, { region: 'ap-northeast-2' }).total),
    ).toBe('541.00')
    // Canada (Central) Essentials key 8NjKZ… $0.015 (page-rates-cognito-essentials-plus): 10,000 × $0.015
    const canada = cost({ tier: 'essentials', monthly_active_users: 20_000 }, { region: 'ca-central-1' })
    expect(canada.unpriced).toEqual([])
    expect(cents(canada.total)).toBe('150.00')
    // UAE Plus key as3o6… $0.020, no free tier: 10,000 × $0.02
    const uae = cost({ tier: 'plus', monthly_active_users: 10_000 }, { region: 'me-central-1' })
    expect(uae.unpriced).toEqual([])
    expect(cents(uae.total)).toBe('200.00')
  })

  it('refuses an unknown plan and a fractional user count', () => {
    for (const [params, field] of [
      [{ tier: 'enterprise', monthly_active_users: 5 }, 'params.tier'],
      [{ monthly_active_users: 1.5 }, 'params.monthly_active_users'],
    ] as const) {
      const result = lineItemsToUsage([{ service: 'cognito', params }], bundledCatalog)
      expect(result.ok ? [] : result.details.map((detail) => detail.field)).toEqual([field])
    }
  })

  it('imports a user pool on its feature plan (Essentials when unstated) and skips app clients', () => {
    const plan = terraformPlan([
      planResource('lite', 'aws_cognito_user_pool', { user_pool_tier: 'LITE' }),
      planResource('default', 'aws_cognito_user_pool', {}),
      planResource('web', 'aws_cognito_user_pool_client', {}),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => item.params)).toEqual([
      { tier: 'lite', monthly_active_users: 0 },
      { tier: 'essentials', monthly_active_users: 0 },
    ])
    expect(mapped.skipped.map((skip) => skip.address)).toEqual(['aws_cognito_user_pool_client.web'])
  })
})
