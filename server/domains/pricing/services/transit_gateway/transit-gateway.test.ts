import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/transit-gateway/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('transit_gateway', [params], { region, includeFreeTier: true })
}

describe(`Transit Gateway at the rates of ${PAGE}`, () => {
  it('bills every attachment per hour and every GB processed', () => {
    // 3 attachments × 730 h × $0.05 + 5,000 GB × $0.02
    expect(cents(cost({ attachments: 3, hours: 730, data_processed_gb: 5000 }).total)).toBe('209.50')
  })

  it('prices each region at its own attachment rate (Frankfurt $0.06, Sao Paulo $0.09)', () => {
    expect(cents(cost({ attachments: 1, data_processed_gb: 0 }, 'eu-central-1').total)).toBe('43.80')
    expect(cents(cost({ attachments: 1, data_processed_gb: 100 }, 'sa-east-1').total)).toBe('67.70')
  })

  it('prices a range of attachments at its typical point', () => {
    const result = lineItemsToUsage(
      [
        {
          service: 'transit_gateway',
          params: { attachments: { min: 2, typical: 4, max: 8 }, data_processed_gb: 0 },
        },
      ],
      bundledCatalog,
    )
    expect(result.ok && result.usage.get('tgw.attachment_hours')?.toString()).toBe('2920')
  })

  it('prices Seoul, Canada (Central) and UAE from the same rate map, and every catalog region', () => {
    // page-rates-vpc-transit-gateway (github.com/lamngockhuong/aws-price lib/data/pricing/vpc.json at 508fb45):
    // 'Hourly charge for Transit Gateway VPC Attachments per hour' and $0.02 per GB processed.
    // Seoul $0.07: 730 h × $0.07 + 100 GB × $0.02
    expect(cents(cost({ attachments: 1, data_processed_gb: 100 }, 'ap-northeast-2').total)).toBe('53.10')
    // Canada (Central) $0.06: 2 × 730 h × $0.06
    expect(cents(cost({ attachments: 2, data_processed_gb: 0 }, 'ca-central-1').total)).toBe('87.60')
    // UAE $0.055: 730 h × $0.055 + 1,000 GB × $0.02
    expect(cents(cost({ attachments: 1, data_processed_gb: 1000 }, 'me-central-1').total)).toBe('60.15')
    for (const region of Object.keys(bundledCatalog.regions)) {
      expect([region, cost({ attachments: 1, data_processed_gb: 1 }, region).unpriced]).toEqual([region, []])
    }
  })

  it('refuses zero attachments', () => {
    const result = lineItemsToUsage(
      [{ service: 'transit_gateway', params: { attachments: 0, data_processed_gb: 0 } }],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.attachments' }] })
  })

  it('imports attachments, and skips the gateway itself', () => {
    const plan = terraformPlan(
      ['aws_ec2_transit_gateway', 'aws_ec2_transit_gateway_vpc_attachment'].map((type) =>
        planResource('main', type, {}),
      ),
    )
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['transit_gateway', { attachments: 1, hours: 730, data_processed_gb: 0 }],
    ])
    expect(mapped.skipped.map((skip) => skip.address)).toEqual(['aws_ec2_transit_gateway.main'])
  })
})
