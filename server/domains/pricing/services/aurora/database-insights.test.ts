import { describe, expect, it } from 'vitest'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage } from '../../line-items.js'

// CloudWatch Database Insights Advanced mode: $0.0125 per vCPU-hour of provisioned instances and $0.003125 per
// ACU-hour of Serverless v2 capacity in us-east-1 and us-east-2 (Price List), and in every other Region from AWS's
// CloudWatch rate map (page-rates-cloudwatch); Standard mode is free.
const cluster = { engine: 'postgresql', storage_gb: 0 }
/** Writer and reader db.r6g.large (2 vCPUs each) and 1,000 ACU-hours of Serverless v2, in Advanced mode. */
const advanced = {
  ...cluster,
  instance_class: 'db.r6g.large',
  count: 2,
  vcpus: 2,
  serverless_acu_hours: 1000,
  database_insights: 'advanced',
}
const rowsOf = (priced: ReturnType<typeof priceItems>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r]))
const price = (params: Record<string, unknown>, region = 'us-east-1') =>
  priceItems('aurora', [params], { region, includeFreeTier: false })

function refusedFields(params: Record<string, unknown>): string[] {
  const result = lineItemsToUsage([{ service: 'aurora', params }], bundledCatalog)
  return result.ok ? [] : result.details.map((detail) => detail.field)
}

describe('Aurora with CloudWatch Database Insights', () => {
  it('bills Advanced mode per vCPU-hour of the provisioned instances and per ACU-hour of Serverless v2', () => {
    // Writer and reader db.r6g.large (2 vCPUs): 2 × 730 h × 2 = 2,920 vCPU-hours × $0.0125 = $36.50;
    // 1,000 ACU-hours × $0.003125 = $3.125.
    const priced = price(advanced)
    const rows = rowsOf(priced)
    expect(rows['aurora.database_insights_vcpu_hours']?.quantity).toBe('2920')
    expect(cents(rows['aurora.database_insights_vcpu_hours']?.cost ?? '')).toBe('36.50')
    expect(rows['aurora.database_insights_acu_hours']?.cost).toBe('3.125')
    expect(priced.unpriced).toEqual([])
    // us-east-2 has the same rates (Price List Query API results).
    expect(
      price({ ...cluster, serverless_acu_hours: 1000, database_insights: 'advanced' }, 'us-east-2').total,
    ).toBe('123.125')
  })

  it('bills nothing for Standard mode or when the mode is left out', () => {
    const standard = price({ ...cluster, serverless_acu_hours: 1000, database_insights: 'standard' })
    expect(rowsOf(standard)['aurora.database_insights_acu_hours']).toBeUndefined()
    expect(standard.total).toBe(price({ ...cluster, serverless_acu_hours: 1000 }).total)
  })

  it('prices Advanced mode in the other main Regions from the CloudWatch rate map of 2025-09-23', () => {
    // page-rates-cloudwatch, under 'EU (Frankfurt)', 'Asia Pacific (Singapore)' and 'US West (Oregon)': the seven
    // unnamed vCPU-hour codes (3OMuIdG…, 95PX…, …) are 0.0125000000 and the three ACU-hour codes (B-lm…, aEjR…,
    // rpOG…) 0.0031250000. 2 × 730 h × 2 vCPUs = 2,920 × $0.0125 = $36.50; 1,000 ACU-hours × $0.003125 = $3.125.
    for (const region of ['eu-central-1', 'ap-southeast-1', 'us-west-2']) {
      const rows = rowsOf(price(advanced, region))
      expect(cents(rows['aurora.database_insights_vcpu_hours']?.cost ?? '')).toBe('36.50')
      expect(rows['aurora.database_insights_acu_hours']?.cost).toBe('3.125')
    }
  })

  it('reports Advanced mode unpriced, never $0, in a Region without a sourced rate', () => {
    const catalog = structuredClone(bundledCatalog)
    delete catalog.prices['eu-west-2']?.['aurora.database_insights_acu_hours']
    const usage = lineItemsToUsage(
      [
        {
          service: 'aurora',
          params: { ...cluster, serverless_acu_hours: 1000, database_insights: 'advanced' },
        },
      ],
      catalog,
    )
    if (!usage.ok) throw new Error(JSON.stringify(usage.details))
    const priced = priceUsage({ region: 'eu-west-2', usage: usage.usage, includeFreeTier: false, catalog })
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['aurora.database_insights_acu_hours'])
  })

  it('refuses Advanced mode of provisioned instances without vcpus, and vcpus without Advanced mode', () => {
    expect(
      refusedFields({ ...cluster, instance_class: 'db.r6g.large', database_insights: 'advanced' }),
    ).toEqual(['params.vcpus'])
    expect(refusedFields({ ...cluster, instance_class: 'db.r6g.large', vcpus: 2 })).toEqual(['params.vcpus'])
    // A Serverless-only cluster needs no vcpus.
    expect(refusedFields({ ...cluster, serverless_acu_hours: 10, database_insights: 'advanced' })).toEqual([])
  })
})
