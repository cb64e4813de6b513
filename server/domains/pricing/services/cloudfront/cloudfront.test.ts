import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/cloudfront/pricing/'

function cost(items: Record<string, unknown>[], { region = 'us-east-1', includeFreeTier = true } = {}) {
  return priceItems('cloudfront', items, { region, includeFreeTier })
}

describe(`CloudFront at the rates of ${PAGE}`, () => {
  it('bills data out in bands per edge group, the free 1 TB taking the bottom of the first band', () => {
    // 10,240 × $0.085 + 4,760 × $0.080; the free tier removes 1,024 GB at $0.085
    expect(cents(cost([{ data_out_gb: 15_000 }], { includeFreeTier: false }).total)).toBe('1251.20')
    expect(cents(cost([{ data_out_gb: 15_000 }]).total)).toBe('1164.16')
  })

  it('counts the bands of each edge group separately', () => {
    // Japan 10,000 × $0.114 and India 10,000 × $0.109: each stays in its group's first band
    const priced = cost(
      [
        { viewer_geography: 'japan', data_out_gb: 10_000 },
        { viewer_geography: 'india', data_out_gb: 10_000 },
      ],
      { includeFreeTier: false },
    )
    expect(cents(priced.total)).toBe('2230.00')
  })

  it("bills requests per 10,000 at the group's HTTP and HTTPS rates after 10 million free", () => {
    // Europe: 20M HTTPS × $0.012 + 5M HTTP × $0.009 per 10,000 (the 10M free go to HTTPS first)
    const priced = cost([
      { viewer_geography: 'europe', data_out_gb: 0, https_requests: 30_000_000, http_requests: 5_000_000 },
    ])
    expect(cents(priced.total)).toBe('28.50')
  })

  it('prices Origin Shield at the rate of the scenario Region, whatever the viewer group', () => {
    const params = { viewer_geography: 'europe', data_out_gb: 0, origin_shield_requests: 1_000_000 }
    expect(cents(cost([params], { region: 'eu-west-1' }).total)).toBe('0.90')
    expect(cents(cost([params], { region: 'sa-east-1' }).total)).toBe('1.60')
    expect(cents(cost([params], { region: 'us-east-2' }).total)).toBe('0.75')
  })

  it('charges invalidation paths beyond 1,000 a month even without the free tier, and functions beyond 2M', () => {
    // 800 × $0.005
    expect(
      cents(cost([{ data_out_gb: 0, invalidation_paths: 1_800 }], { includeFreeTier: false }).total),
    ).toBe('4.00')
    // 3M × $0.10 per million
    expect(cents(cost([{ data_out_gb: 0, function_invocations: 5_000_000 }]).total)).toBe('0.30')
  })

  it('refuses a viewer group its price class does not serve', () => {
    const result = lineItemsToUsage(
      [{ service: 'cloudfront', params: { price_class: '100', viewer_geography: 'india', data_out_gb: 1 } }],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false })
    expect(result.ok ? [] : result.details.map((detail) => detail.field)).toEqual(['params.viewer_geography'])
  })

  it('prices the edge groups identically outside the ten main Regions, and Origin Shield where the map lists the Region', () => {
    // AWS's CloudFront rate map (lamngockhuong/aws-price lib/data/pricing/cloudfront.json, commit 508fb45):
    // 'Regional DT from United States to Internet First 10 TB' $0.085 and 'Next 40 TB' $0.08,
    // 'Request HTTPS Methods from United States' $0.000001 per request; no Origin Shield rate for Canada (Central).
    // 10,240 × $0.085 + 9,760 × $0.08 + 10M × $0.01 per 10,000 = $1,661.20
    const canada = cost([{ data_out_gb: 20_000, https_requests: 10_000_000 }], {
      region: 'ca-central-1',
      includeFreeTier: false,
    })
    expect(canada.unpriced).toEqual([])
    expect(cents(canada.total)).toBe('1661.20')

    // 'Regional DT from Middle East to Internet First 10 TB' $0.11, 'Request HTTPS Methods from Middle East'
    // $0.0000012: 5,000 × $0.11 + 1M × $0.012 per 10,000 = $551.20
    const uae = cost(
      [{ viewer_geography: 'middle_east_africa', data_out_gb: 5_000, https_requests: 1_000_000 }],
      {
        region: 'me-central-1',
        includeFreeTier: false,
      },
    )
    expect(uae.unpriced).toEqual([])
    expect(cents(uae.total)).toBe('551.20')

    // 'Regional DT from Australia to Internet First 10 TB' $0.114; 'CloudFront Request-Origin-Shield Origin Shield
    // Requests' for Asia Pacific (Sydney) $0.0000009; the invalidation charge $0.005 beyond 'First 1000 free':
    // 1,000 × $0.114 + 2M × $0.009 per 10,000 + 500 × $0.005 = $118.30
    const sydney = cost(
      [
        {
          viewer_geography: 'australia',
          data_out_gb: 1_000,
          origin_shield_requests: 2_000_000,
          invalidation_paths: 1_500,
        },
      ],
      { region: 'ap-southeast-2', includeFreeTier: false },
    )
    expect(sydney.unpriced).toEqual([])
    expect(cents(sydney.total)).toBe('118.30')

    // Origin Shield for US West (N. California) $0.00000075 and Asia Pacific (Seoul) $0.0000009 a request
    const shield = { data_out_gb: 0, origin_shield_requests: 1_000_000 }
    expect(cents(cost([shield], { region: 'us-west-1' }).total)).toBe('0.75')
    expect(cents(cost([shield], { region: 'ap-northeast-2' }).total)).toBe('0.90')
  })

  it('reports Origin Shield in a Region the rate map does not list, and functions outside the main Regions, as unpriced, never $0', () => {
    const priced = cost(
      [{ data_out_gb: 0, origin_shield_requests: 1_000_000, function_invocations: 5_000_000 }],
      {
        region: 'me-south-1',
      },
    )
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual([
      'cloudfront.function_invocations',
      'cloudfront.origin_shield_requests',
    ])
  })

  it('imports a distribution with its price class, and skips functions', () => {
    const plan = terraformPlan([
      planResource('site', 'aws_cloudfront_distribution', { price_class: 'PriceClass_100', enabled: true }),
      planResource('f', 'aws_cloudfront_function', {}),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['cloudfront', { viewer_geography: 'united_states', price_class: '100', data_out_gb: 0 }],
    ])
    expect(mapped.skipped.map((skip) => skip.reason)).toEqual(['billed per invocation on the distribution'])
  })
})
