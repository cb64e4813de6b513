import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/route53/pricing/'

function cost(params: Record<string, unknown>, includeFreeTier = true, region = 'us-east-1') {
  return priceItems('route53', [params], { region, includeFreeTier })
}

describe(`Route 53 at the rates of ${PAGE}`, () => {
  it('bills the first 25 hosted zones at $0.50 and the rest at $0.10', () => {
    expect(cents(cost({ hosted_zones: 10 }).total)).toBe('5.00')
    // 25 × $0.50 + 75 × $0.10
    expect(cents(cost({ hosted_zones: 100 }).total)).toBe('20.00')
  })

  it('bills queries per million, the first billion of each policy at the higher rate', () => {
    // standard: 1,000M × $0.40 + 500M × $0.20; latency: 10M × $0.60; geo: 10M × $0.70; IP-based: 10M × $0.80
    const priced = cost({
      hosted_zones: 0,
      standard_queries: 1_500_000_000,
      latency_queries: 10_000_000,
      geo_queries: 10_000_000,
      ip_based_queries: 10_000_000,
    })
    expect(cents(priced.total)).toBe('521.00')
  })

  it('gives the first 50 health checks of AWS endpoints free, not those of other endpoints', () => {
    expect(cents(cost({ hosted_zones: 0, aws_health_checks: 60, other_health_checks: 4 }).total)).toBe('8.00')
    expect(cents(cost({ hosted_zones: 0, aws_health_checks: 60 }, false).total)).toBe('30.00')
  })

  it('is global: the same figures in every region priced', () => {
    for (const region of ['eu-west-1', 'ap-northeast-1', 'sa-east-1'])
      expect(cents(cost({ hosted_zones: 2, standard_queries: 5_000_000 }, true, region).total)).toBe('3.00')
  })

  it('prices Regions outside the ten main ones at the same region-less rates', () => {
    // AWS's Route 53 rate map (lamngockhuong/aws-price lib/data/pricing/route53.json, commit 508fb45) lists
    // these rates without a Region: 'DNS Zone first 25' $0.50 and 'DNS Zone' $0.10 ('Any');
    // 'Query Standard External first 1B' / 'over 1B' $0.0000004 / $0.0000002, 'Query Latency Based Routing
    // External first 1B' $0.0000006, 'Basic Health checks AWS per Mo' $0.50 (50 free), 'Basic Health checks
    // External Non AWS per Mo' $0.75 (''). 25 × $0.50 + 5 × $0.10 = $13.00; 1,000M × $0.40 + 1,000M × $0.20
    // per million = $600.00; 5M × $0.60 = $3.00; (60 − 50) × $0.50 = $5.00; 2 × $0.75 = $1.50: $622.50
    const params = {
      hosted_zones: 30,
      standard_queries: 2_000_000_000,
      latency_queries: 5_000_000,
      aws_health_checks: 60,
      other_health_checks: 2,
    }
    for (const region of ['ca-central-1', 'me-central-1', 'ap-southeast-2']) {
      const priced = cost(params, true, region)
      expect(priced.unpriced).toEqual([])
      expect(cents(priced.total)).toBe('622.50')
    }
  })

  it('refuses a negative query count', () => {
    const result = lineItemsToUsage(
      [{ service: 'route53', params: { hosted_zones: 1, standard_queries: -1 } }],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.standard_queries' }] })
  })

  it('imports hosted zones and health checks from a Terraform plan', () => {
    const plan = terraformPlan([
      planResource('main', 'aws_route53_zone', {}),
      planResource('site', 'aws_route53_health_check', { fqdn: 'example.org', type: 'HTTPS' }),
      planResource('api', 'aws_route53_health_check', {
        fqdn: 'api-123.execute-api.us-east-1.amazonaws.com',
        type: 'HTTPS',
      }),
    ])
    expect(planToLineItems(plan).items.map((item) => [item.service, item.params])).toEqual([
      ['route53', { hosted_zones: 1, standard_queries: 0 }],
      ['route53', { hosted_zones: 0, other_health_checks: 1 }],
      ['route53', { hosted_zones: 0, aws_health_checks: 1 }],
    ])
  })
})
