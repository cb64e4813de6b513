import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/cloudtrail/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('cloudtrail', [params], { region, includeFreeTier: true })
}

describe(`CloudTrail at the rates of ${PAGE}`, () => {
  it('bills nothing for the free first copy of management events', () => {
    expect(cost({ additional_management_events: 0 }).total).toBe('0')
  })

  it('bills additional copies at $2.00, data events at $0.10 and Insights at $0.35 per 100,000', () => {
    // 1M × $2.00/100k + 10M × $0.10/100k + 1M × $0.35/100k
    const priced = cost({
      additional_management_events: 1_000_000,
      data_events: 10_000_000,
      insights_events: 1_000_000,
    })
    expect(cents(priced.total)).toBe('33.50')
    expect(cents(cost({ additional_management_events: 1_000_000 }, 'sa-east-1').total)).toBe('20.00')
  })

  it('prices the other Regions from the same rate map, Jakarta with Insights at $0.30', () => {
    // github.com/lamngockhuong/aws-price lib/data/pricing/cloudtrail.json at 508fb45: 'Management Paid Events Recorded' 0.00002 and
    // 'Data Events Recorded' 0.000001 in both; 'Insights Events' 0.0000035 in Canada (Central), 0.000003 in Jakarta.
    const item = {
      additional_management_events: 1_000_000,
      data_events: 10_000_000,
      insights_events: 1_000_000,
    }
    // $20 + $10 + $3.50
    expect(cents(cost(item, 'ca-central-1').total)).toBe('33.50')
    // $20 + $10 + $3.00
    expect(cents(cost(item, 'ap-southeast-3').total)).toBe('33.00')
  })

  it('reports Insights as unpriced, never $0, where the map lists no Insights rate (UAE)', () => {
    const priced = cost(
      { additional_management_events: 1_000_000, insights_events: 1_000_000 },
      'me-central-1',
    )
    expect(cents(priced.total)).toBe('20.00')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['cloudtrail.insights_events'])
  })

  it('refuses a fractional event count', () => {
    const result = lineItemsToUsage(
      [{ service: 'cloudtrail', params: { additional_management_events: 0, data_events: 0.5 } }],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.data_events' }] })
  })

  it('imports a trail with its events at 0', () => {
    const plan = terraformPlan([planResource('main', 'aws_cloudtrail', {})])
    expect(planToLineItems(plan).items.map((item) => [item.service, item.params])).toEqual([
      ['cloudtrail', { additional_management_events: 0, data_events: 0 }],
    ])
  })
})
