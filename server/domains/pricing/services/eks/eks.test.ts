import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/eks/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('eks', [params], { region, includeFreeTier: true })
}

describe(`EKS at the rates of ${PAGE}`, () => {
  it('bills each cluster per hour in standard support ($73.00 a month)', () => {
    const priced = cost({ clusters: 1, hours: 730 })
    expect(priced.by_service[0]?.by_usage_type).toHaveLength(1)
    expect(cents(priced.total)).toBe('73.00')
    expect(cents(cost({ clusters: 3 }, 'eu-west-1').total)).toBe('219.00')
  })

  it('adds the extended-support surcharge for the same hours ($0.60 an hour in all)', () => {
    const priced = cost({ clusters: 1, hours: 730, support: 'extended' })
    expect(priced.by_service[0]?.by_usage_type.map((row) => [row.usage_type, row.quantity])).toEqual([
      ['eks.cluster_hours', '730'],
      ['eks.extended_support_hours', '730'],
    ])
    expect(cents(priced.total)).toBe('438.00')
  })

  it('prices the other Regions from the same rate map (Seoul, Canada Central, UAE)', () => {
    // github.com/lamngockhuong/aws-price lib/data/pricing/eks.json at 508fb45: 'Compute per Hours' 0.10 and 'Compute ExtendedSupport per Hours' 0.50 in all
    // three: 730 h × ($0.10 + $0.50) = $438.00
    for (const region of ['ap-northeast-2', 'ca-central-1', 'me-central-1']) {
      const priced = cost({ clusters: 1, hours: 730, support: 'extended' }, region)
      expect(priced.unpriced).toEqual([])
      expect(cents(priced.total)).toBe('438.00')
    }
  })

  it('refuses an unknown support tier', () => {
    const result = lineItemsToUsage(
      [{ service: 'eks', params: { clusters: 1, support: 'premium' } }],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.support' }] })
  })

  it('imports a cluster as one always-on control plane and skips its node groups', () => {
    const plan = terraformPlan(
      ['aws_eks_cluster', 'aws_eks_node_group'].map((type) => planResource('main', type, {})),
    )
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['eks', { clusters: 1, hours: 730, support: 'standard' }],
    ])
    expect(mapped.skipped.map((skip) => skip.address)).toEqual(['aws_eks_node_group.main'])
  })
})
