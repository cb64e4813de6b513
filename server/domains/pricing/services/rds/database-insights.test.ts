import { describe, expect, it } from 'vitest'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage, validateLineItem } from '../../line-items.js'

// CloudWatch Database Insights Advanced mode: $0.0125 per vCPU-hour of the monitored instances in us-east-1
// (cloudwatch-database-insights-use1) and us-east-2 (cloudwatch-database-insights-use2), and in every other
// Region from AWS's CloudWatch rate map (page-rates-cloudwatch); Standard mode is free.
const instance = { instance_class: 'db.m5.large', count: 1, hours: 730, storage_gb: 20, storage_type: 'gp2' }
const rowsOf = (priced: ReturnType<typeof priceItems>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r]))

describe('RDS with CloudWatch Database Insights', () => {
  it('bills Advanced mode per vCPU-hour: count × hours × vcpus at $0.0125', () => {
    // 2 instances × 730 h × 2 vCPUs = 2,920 vCPU-hours × $0.0125 = $36.50
    const priced = priceItems('rds', [{ ...instance, count: 2, vcpus: 2, database_insights: 'advanced' }], {
      region: 'us-east-1',
      includeFreeTier: false,
    })
    const row = rowsOf(priced)['rds.database_insights_vcpu_hours']
    expect(row?.quantity).toBe('2920')
    expect(cents(row?.cost ?? '')).toBe('36.50')
    expect(priced.unpriced).toEqual([])
  })

  it('reproduces the AWS Pricing Calculator’s us-east-2 Database Insights line: 48 vCPUs × 730 h = $438.00', () => {
    const priced = priceItems(
      'rds',
      [{ ...instance, instance_class: 'db.m5.large', vcpus: 48, database_insights: 'advanced' }],
      { region: 'us-east-2', includeFreeTier: false },
    )
    expect(cents(rowsOf(priced)['rds.database_insights_vcpu_hours']?.cost ?? '')).toBe('438.00')
  })

  it('bills nothing for Standard mode or when the mode is left out (items saved before it price as before)', () => {
    const standard = priceItems('rds', [{ ...instance, vcpus: 2, database_insights: 'standard' }], {
      region: 'us-east-1',
      includeFreeTier: false,
    })
    const before = priceItems('rds', [instance], { region: 'us-east-1', includeFreeTier: false })
    expect(rowsOf(standard)['rds.database_insights_vcpu_hours']).toBeUndefined()
    expect(standard.total).toBe(before.total)
  })

  it('prices Advanced mode in the other main Regions from the CloudWatch rate map of 2025-09-23', () => {
    // page-rates-cloudwatch: the seven unnamed Database Insights vCPU-hour codes (3OMuIdG…, 95PX…, KHQ-…, _HvE…,
    // cfPc…, dvYa…, rGbc…) are 0.0125000000 under 'EU (London)', 'Asia Pacific (Mumbai)' and
    // 'South America (Sao Paulo)' as in 'US East (N. Virginia)': 2 × 730 h × 4 vCPUs = 5,840 × $0.0125 = $73.00.
    for (const region of ['eu-west-2', 'ap-south-1', 'sa-east-1']) {
      const priced = priceItems('rds', [{ ...instance, count: 2, vcpus: 4, database_insights: 'advanced' }], {
        region,
        includeFreeTier: false,
      })
      const row = rowsOf(priced)['rds.database_insights_vcpu_hours']
      expect(row?.quantity).toBe('5840')
      expect(cents(row?.cost ?? '')).toBe('73.00')
      expect(priced.unpriced).toEqual([])
    }
  })

  it('reports Advanced mode unpriced, never $0, in a Region without a sourced rate', () => {
    const catalog = structuredClone(bundledCatalog)
    delete catalog.prices['eu-west-1']?.['rds.database_insights_vcpu_hours']
    const usage = lineItemsToUsage(
      [{ service: 'rds', params: { ...instance, vcpus: 2, database_insights: 'advanced' } }],
      catalog,
    )
    if (!usage.ok) throw new Error(JSON.stringify(usage.details))
    const priced = priceUsage({ region: 'eu-west-1', usage: usage.usage, includeFreeTier: false, catalog })
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['rds.database_insights_vcpu_hours'])
  })

  it('refuses Advanced mode without vcpus, and on Multi-AZ deployments (not modelled)', () => {
    const refused = (params: Record<string, unknown>) => {
      const result = validateLineItem('rds', params, bundledCatalog)
      return result.ok ? [] : result.details
    }
    expect(refused({ ...instance, database_insights: 'advanced' })).toEqual([
      {
        field: 'params.vcpus',
        reason: 'Database Insights Advanced mode is billed per vCPU-hour: give vcpus',
      },
    ])
    expect(refused({ ...instance, vcpus: 2, database_insights: 'advanced', deployment: 'multi_az' })).toEqual(
      [
        {
          field: 'params.database_insights',
          reason: 'Database Insights Advanced mode of Multi-AZ deployments is not modelled',
        },
      ],
    )
    expect(refused({ ...instance, database_insights: 'paid' })[0]?.field).toBe('params.database_insights')
  })
})
