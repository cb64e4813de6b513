import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage, validateLineItem } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/cloudwatch/pricing/'
const none = { ingested_gb: 0, stored_gb: 0 }

function cost(params: Record<string, unknown>, includeFreeTier = false, region = 'us-east-1') {
  return priceItems('cloudwatch_logs', [params], { region, includeFreeTier })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))

describe(`CloudWatch metrics, alarms, dashboards and Logs classes at the rates of ${PAGE} (us-east-1)`, () => {
  it('prices an item saved before these params existed exactly as before', () => {
    expect(rows(cost({ ingested_gb: 10, stored_gb: 100 }))).toEqual({
      'cloudwatch_logs.ingested_gb': '5',
      'cloudwatch_logs.stored_gb_month': '3',
    })
  })

  it('bills Infrequent Access ingestion and Logs Insights scans per GB', () => {
    expect(rows(cost({ ...none, ia_ingested_gb: 100, insights_scanned_gb: 1000 }))).toEqual({
      'cloudwatch_logs.ia_ingested_gb': '25',
      'cloudwatch_logs.insights_scanned_gb': '5',
    })
  })

  it('bills custom metrics in the monthly bands 10,000 / 240,000 / 750,000 / above', () => {
    // 10,000 × $0.30 + 240,000 × $0.10 + 750,000 × $0.05 + 1,000 × $0.02
    expect(rows(cost({ ...none, custom_metrics: 1_001_000 }))).toEqual({
      'cloudwatch_logs.custom_metric_months': '64520',
    })
  })

  it('bills alarms per kind, dashboards and API requests, less the always-free allowances', () => {
    const params = {
      ...none,
      custom_metrics: 25,
      alarms_standard: 12,
      alarms_high_resolution: 2,
      alarms_composite: 1,
      dashboards: 5,
      api_requests: 3_000_000,
      get_metric_data_requests: 100_000,
    }
    expect(rows(cost(params))).toEqual({
      'cloudwatch_logs.custom_metric_months': '7.5',
      'cloudwatch_logs.alarm_months.standard': '1.2',
      'cloudwatch_logs.alarm_months.high_resolution': '0.6',
      'cloudwatch_logs.alarm_months.composite': '0.5',
      'cloudwatch_logs.dashboard_months': '15',
      'cloudwatch_logs.api_requests': '30',
      'cloudwatch_logs.get_metric_data_requests': '1',
    })
    // free: 10 metrics, 10 standard alarms (not high-resolution), 3 dashboards, 1M API requests (not GetMetricData)
    expect(rows(cost(params, true))).toEqual({
      'cloudwatch_logs.custom_metric_months': '4.5',
      'cloudwatch_logs.alarm_months.standard': '0.2',
      'cloudwatch_logs.alarm_months.high_resolution': '0.6',
      'cloudwatch_logs.alarm_months.composite': '0.5',
      'cloudwatch_logs.dashboard_months': '6',
      'cloudwatch_logs.api_requests': '20',
      'cloudwatch_logs.get_metric_data_requests': '1',
    })
  })

  it('shares the 5 GB free Logs data between ingestion and Logs Insights scans, ingestion first', () => {
    // 3 GB ingested uses 3 of the 5 free GB; 2 of the 10 GB scanned are free
    expect(rows(cost({ ingested_gb: 3, stored_gb: 0, insights_scanned_gb: 10 }, true))).toEqual({
      'cloudwatch_logs.ingested_gb': '0',
      'cloudwatch_logs.insights_scanned_gb': '0.04',
    })
  })

  it('prices another Region at its own rates', () => {
    expect(
      rows(cost({ ...none, insights_scanned_gb: 1000, alarms_standard: 10 }, false, 'sa-east-1')),
    ).toEqual({
      'cloudwatch_logs.insights_scanned_gb': '9',
      'cloudwatch_logs.alarm_months.standard': '1.35',
    })
  })

  it('reports what the catalog lacks as unpriced, never $0', () => {
    const missing = structuredClone(bundledCatalog)
    delete missing.prices['us-east-1']?.['cloudwatch_logs.insights_scanned_gb']
    const result = lineItemsToUsage(
      [{ service: 'cloudwatch_logs', params: { ...none, insights_scanned_gb: 10 } }],
      bundledCatalog,
    )
    if (!result.ok) throw new Error(JSON.stringify(result.details))
    const priced = priceUsage({
      region: 'us-east-1',
      usage: result.usage,
      includeFreeTier: false,
      catalog: missing,
    })
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['cloudwatch_logs.insights_scanned_gb'])
  })

  it('refuses negative and fractional counts', () => {
    const result = validateLineItem('cloudwatch_logs', { ...none, alarms_standard: 1.5 }, bundledCatalog)
    expect(result.ok).toBe(false)
  })

  it('imports alarms by resolution, composite alarms and dashboards', () => {
    const { items } = planToLineItems(
      terraformPlan([
        planResource('cpu', 'aws_cloudwatch_metric_alarm', { period: 300 }),
        planResource('fast', 'aws_cloudwatch_metric_alarm', { period: 10 }),
        planResource('all', 'aws_cloudwatch_composite_alarm', {}),
        planResource('main', 'aws_cloudwatch_dashboard', {}),
      ]),
    )
    expect(items.map((item) => item.params)).toEqual([
      { ...none, alarms_standard: 1 },
      { ...none, alarms_high_resolution: 1 },
      { ...none, alarms_composite: 1 },
      { ...none, dashboards: 1 },
    ])
  })
})
