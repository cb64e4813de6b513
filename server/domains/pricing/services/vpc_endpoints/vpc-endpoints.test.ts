import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/privatelink/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('vpc_endpoints', [params], { region, includeFreeTier: true })
}

describe(`Interface VPC endpoints at the rates of ${PAGE}`, () => {
  it('bills each endpoint per hour in each of its Availability Zones', () => {
    // 4 endpoints × 3 AZs × 730 h × $0.01 + 1,000 GB × $0.01
    const priced = cost({ endpoints: 4, availability_zones: 3, hours: 730, data_processed_gb: 1000 })
    expect(priced.by_service[0]?.by_usage_type.map((row) => [row.usage_type, row.quantity])).toEqual([
      ['vpce.data_processed_gb', '1000'],
      ['vpce.endpoint_hours', '8760'],
    ])
    expect(cents(priced.total)).toBe('97.60')
  })

  it('bills processed data in bands: first PB at $0.01, next 4 PB at $0.006, beyond at $0.004', () => {
    // 1,048,576 × 0.01 + 4,194,304 × 0.006 + 757,120 × 0.004
    const gb = 6_000_000
    const priced = cost({ endpoints: 1, availability_zones: 1, hours: 0, data_processed_gb: gb })
    expect(cents(priced.total)).toBe('38680.06')
  })

  it('prices the hourly rate of each region (Sao Paulo $0.021)', () => {
    expect(
      cents(cost({ endpoints: 1, availability_zones: 2, data_processed_gb: 0 }, 'sa-east-1').total),
    ).toBe('30.66')
  })

  it('prices Seoul, Canada (Central) and UAE from the same rate map, and every catalog region', () => {
    // page-rates-vpc-privatelink (github.com/lamngockhuong/aws-price lib/data/pricing/vpc.json at 508fb45),
    // 'Hourly charge for VPC Endpoints per Hrs' and the first data band ($0.01 per GB in each region).
    // Seoul $0.013: 1 × 2 AZs × 730 h × $0.013 + 100 GB × $0.01
    expect(
      cents(cost({ endpoints: 1, availability_zones: 2, data_processed_gb: 100 }, 'ap-northeast-2').total),
    ).toBe('19.98')
    // Canada (Central) $0.011: 1 AZ × 730 h × $0.011
    expect(
      cents(cost({ endpoints: 1, availability_zones: 1, data_processed_gb: 0 }, 'ca-central-1').total),
    ).toBe('8.03')
    // UAE $0.0121: 2 × 3 AZs × 730 h × $0.0121
    expect(
      cents(cost({ endpoints: 2, availability_zones: 3, data_processed_gb: 0 }, 'me-central-1').total),
    ).toBe('53.00')
    for (const region of Object.keys(bundledCatalog.regions)) {
      expect([region, cost({ endpoints: 1, data_processed_gb: 1 }, region).unpriced]).toEqual([region, []])
    }
  })

  it('refuses more Availability Zones than a Region has', () => {
    const result = lineItemsToUsage(
      [{ service: 'vpc_endpoints', params: { endpoints: 1, availability_zones: 7, data_processed_gb: 0 } }],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.availability_zones' }] })
  })

  it('imports interface endpoints per subnet, and skips free gateway endpoints', () => {
    const plan = terraformPlan([
      planResource('ecr', 'aws_vpc_endpoint', {
        vpc_endpoint_type: 'Interface',
        subnet_ids: ['a', 'b', 'c'],
      }),
      planResource('s3', 'aws_vpc_endpoint', { vpc_endpoint_type: 'Gateway' }),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['vpc_endpoints', { endpoints: 1, availability_zones: 3, hours: 730, data_processed_gb: 0 }],
    ])
    expect(mapped.skipped.map((skip) => skip.reason)).toEqual(['no charge of its own (gateway endpoint)'])
  })
})
