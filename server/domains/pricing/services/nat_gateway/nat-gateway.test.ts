import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/vpc/pricing/'

function usage(params: Record<string, unknown>) {
  const result = lineItemsToUsage([{ service: 'nat_gateway', params }], bundledCatalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return result.usage
}
const plain = (params: Record<string, unknown>) =>
  Object.fromEntries([...usage(params)].map(([usageType, quantity]) => [usageType, quantity.toString()]))
function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceUsage({ region, usage: usage(params), includeFreeTier: true, catalog: bundledCatalog })
}

describe(`NAT Gateway at the rates of ${PAGE}`, () => {
  it('bills every gateway for its hours and every GB processed', () => {
    // 3 gateways × 730 h × $0.045 + 2,048 GB × $0.045
    const priced = cost({ gateways: 3, hours: 730, data_processed_gb: 2048 })
    expect(plain({ gateways: 3, hours: 730, data_processed_gb: 2048 })).toEqual({
      'nat_gateway.hours': '2190',
      'nat_gateway.data_processed_gb': '2048',
    })
    expect(cents(priced.total)).toBe('190.71')
  })

  it('prices each region at its own rate (Singapore $0.059, Sao Paulo $0.093)', () => {
    expect(cents(cost({ gateways: 1, hours: 730, data_processed_gb: 100 }, 'ap-southeast-1').total)).toBe(
      '48.97',
    )
    expect(cents(cost({ gateways: 1, hours: 730, data_processed_gb: 100 }, 'sa-east-1').total)).toBe('77.19')
  })

  it('prices a range of gateways at its typical point and defaults to always on', () => {
    const ranged = plain({ gateways: { min: 1, typical: 2, max: 3 }, data_processed_gb: 0 })
    expect(ranged).toEqual({ 'nat_gateway.hours': '1460' })
  })

  it('prices the other Regions from the same rate map (Seoul $0.059, Canada Central $0.05, UAE $0.0528)', () => {
    // github.com/lamngockhuong/aws-price lib/data/pricing/natgateway.json at 508fb45: 'Hourly charge for NAT Gateways' and 'Charge for per GB data processed
    // by NatGateways' are equal in each: (730 h + 100 GB) × rate
    const item = { gateways: 1, hours: 730, data_processed_gb: 100 }
    expect(cents(cost(item, 'ap-northeast-2').total)).toBe('48.97') // 830 × $0.059
    expect(cents(cost(item, 'ca-central-1').total)).toBe('41.50') // 830 × $0.05
    expect(cents(cost(item, 'me-central-1').total)).toBe('43.82') // 830 × $0.0528 = $43.824
  })

  it('refuses zero gateways and negative data', () => {
    const result = lineItemsToUsage(
      [{ service: 'nat_gateway', params: { gateways: 0, data_processed_gb: -1 } }],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false })
    const fields = result.ok ? [] : result.details.map((detail) => detail.field)
    expect(fields).toEqual(expect.arrayContaining(['params.gateways', 'params.data_processed_gb']))
  })

  it('imports a NAT gateway from a Terraform plan as one always-on gateway', () => {
    const plan = terraformPlan([planResource('a', 'aws_nat_gateway', {})])
    const mapped = planToLineItems(plan)
    expect(mapped.skipped).toEqual([])
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['nat_gateway', { gateways: 1, hours: 730, data_processed_gb: 0 }],
    ])
  })
})
