import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('athena', [params], { region, includeFreeTier: true })
}

describe('Athena at the rates of https://aws.amazon.com/athena/pricing/', () => {
  it('bills TB scanned at $5, each query at least 10 MB', () => {
    // 1,048,576 queries × 1 MB are billed as 10 MB each: 10 TB × $5
    expect(cents(cost({ queries: 1_048_576, scanned_gb_per_query: 1 / 1024 }).total)).toBe('50.00')
    // 1,000 queries × 100 GB = 97.65625 TB × $5
    expect(cents(cost({ queries: 1000, scanned_gb_per_query: 100 }).total)).toBe('488.28')
  })

  it('rounds each query up to the megabyte', () => {
    // 1,048,576 queries × 10.2 MB → 11 MB each = 11 TB × $5
    expect(cents(cost({ queries: 1_048_576, scanned_gb_per_query: 10.2 / 1024 }).total)).toBe('55.00')
  })

  it('bills Provisioned Capacity and Spark per DPU-hour at each region’s rate', () => {
    // 24 DPUs × 730 h × $0.30 + 100 × $0.35
    expect(
      cents(
        cost({ queries: 0, scanned_gb_per_query: 0, provisioned_dpu_hours: 17_520, spark_dpu_hours: 100 })
          .total,
      ),
    ).toBe('5291.00')
    // São Paulo scans at $9 per TB.
    expect(cents(cost({ queries: 1, scanned_gb_per_query: 1024 }, 'sa-east-1').total)).toBe('9.00')
  })

  it('prices Frankfurt Provisioned Capacity and Spark in London and São Paulo from the rate map of 2026-03-25', () => {
    // aws-price-watcher raw/athena.json at 5cd86e8: 'Athena Queries Data processing' $0.33 in Frankfurt,
    // 'Athena Spark - Spark_Execution' $0.50 in London and $0.35 in São Paulo
    const frankfurt = cost(
      { queries: 0, scanned_gb_per_query: 0, provisioned_dpu_hours: 17_520 },
      'eu-central-1',
    )
    expect(frankfurt.unpriced).toEqual([])
    expect(cents(frankfurt.total)).toBe('5781.60') // 24 DPUs × 730 h × $0.33
    const spark = { queries: 0, scanned_gb_per_query: 0, spark_dpu_hours: 100 }
    expect(cents(cost(spark, 'eu-west-2').total)).toBe('50.00')
    expect(cents(cost(spark, 'sa-east-1').total)).toBe('35.00')
  })

  it('prices London’s Provisioned Capacity from the rate map of 2026-03-27', () => {
    // Absent from the maps of 2025-06-27 and 2026-03-25; 'Athena Queries Data processing' $0.33 in EU (London)
    // in page-rates-athena-2026-03-27: 24 DPUs × 730 h × $0.33
    const london = cost({ queries: 0, scanned_gb_per_query: 0, provisioned_dpu_hours: 17_520 }, 'eu-west-2')
    expect(london.unpriced).toEqual([])
    expect(cents(london.total)).toBe('5781.60')
  })

  it('prices Seoul, Canada (Central) and UAE from the same rate maps', () => {
    // 'Athena Queries' per TB in github.com/lamngockhuong/aws-price lib/data/pricing/athena.json at 508fb45
    // (page-rates-athena): Seoul $5.00, Canada (Central) $5.50, UAE $6.20; 1 TB each.
    const tb = { queries: 1, scanned_gb_per_query: 1024 }
    expect(cents(cost(tb, 'ap-northeast-2').total)).toBe('5.00')
    expect(cents(cost(tb, 'ca-central-1').total)).toBe('5.50')
    expect(cents(cost(tb, 'me-central-1').total)).toBe('6.20')
    // That map lists no Spark or Provisioned Capacity rate there; iann0036/aws-price-watcher raw/athena.json at
    // 1cca63d (page-rates-athena-2026-03-27) gives Seoul Spark $0.45 and Canada (Central) Provisioned Capacity $0.33.
    expect(
      cents(cost({ queries: 0, scanned_gb_per_query: 0, spark_dpu_hours: 100 }, 'ap-northeast-2').total),
    ).toBe('45.00')
    // 24 DPUs × 730 h × $0.33
    expect(
      cents(
        cost({ queries: 0, scanned_gb_per_query: 0, provisioned_dpu_hours: 17_520 }, 'ca-central-1').total,
      ),
    ).toBe('5781.60')
  })

  it('prices New Zealand scans from the rate map of 2026-03-27 and reports its Provisioned Capacity unpriced', () => {
    // aws-price-watcher processed/athena.json at 1cca63d (page-rates-athena-2026-03-27): 'Athena Queries'
    // 'Asia Pacific (New Zealand)' $5.25 per TB; no 'Athena Queries Data processing' row for it. 2 TB scanned:
    const auckland = cost(
      { queries: 2, scanned_gb_per_query: 1024, provisioned_dpu_hours: 10 },
      'ap-southeast-6',
    )
    expect(cents(auckland.total)).toBe('10.50')
    expect(auckland.unpriced.map((row) => row.usage_type)).toEqual(['athena.provisioned_dpu_hours'])
  })

  it('reports a rate the region lacks as unpriced, never $0', () => {
    // Neither Athena rate map read lists Provisioned Capacity in Israel (Tel Aviv).
    const priced = cost({ queries: 0, scanned_gb_per_query: 0, provisioned_dpu_hours: 10 }, 'il-central-1')
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['athena.provisioned_dpu_hours'])
  })

  it('refuses a missing scan size and negative DPU-hours', () => {
    for (const [params, field] of [
      [{ queries: 10 }, 'params.scanned_gb_per_query'],
      [{ queries: 0, scanned_gb_per_query: 0, spark_dpu_hours: -1 }, 'params.spark_dpu_hours'],
    ] as const) {
      const result = lineItemsToUsage([{ service: 'athena', params }], bundledCatalog)
      expect(result.ok ? [] : result.details.map((detail) => detail.field)).toEqual([field])
    }
  })

  it('imports a workgroup with no queries yet', () => {
    const plan = terraformPlan([planResource('bi', 'aws_athena_workgroup', {})])
    expect(planToLineItems(plan).items.map((item) => [item.service, item.params])).toEqual([
      ['athena', { queries: 0, scanned_gb_per_query: 0 }],
    ])
  })
})
