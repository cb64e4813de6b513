import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

function cost(params: Record<string, unknown>, { region = 'us-east-1', includeFreeTier = true } = {}) {
  return priceItems('glue', [params], { region, includeFreeTier })
}
const fieldsOf = (params: Record<string, unknown>) => {
  const result = lineItemsToUsage([{ service: 'glue', params }], bundledCatalog)
  return result.ok ? [] : result.details.map((detail) => detail.field)
}

describe('AWS Glue at the rates of https://aws.amazon.com/glue/pricing/', () => {
  it('bills job DPU-hours by the second with a 1-minute minimum per run, Flex at its own rate', () => {
    // 100 runs × 10 DPUs × 30 s billed as 1 minute = 16.67 DPU-hours × $0.44
    expect(cents(cost({ job_runs: 100, job_minutes_per_run: 0.5, job_dpus: 10 }).total)).toBe('7.33')
    // 30 runs × 20 DPUs × 1 h × $0.29
    expect(cents(cost({ job_type: 'flex', job_runs: 30, job_minutes_per_run: 60, job_dpus: 20 }).total)).toBe(
      '174.00',
    )
    // Python shell on 1/16 DPU, 60 runs of 60 minutes: 3.75 DPU-hours × $0.44
    expect(
      cents(
        cost({ job_type: 'python_shell', job_runs: 60, job_minutes_per_run: 60, job_dpus: 0.0625 }).total,
      ),
    ).toBe('1.65')
  })

  it('bills each crawler run at least 10 minutes', () => {
    // 30 runs × 2 DPUs × 10 minutes (3 minutes billed as 10) = 10 DPU-hours × $0.44
    expect(cents(cost({ crawler_runs: 30, crawler_minutes_per_run: 3, crawler_dpus: 2 }).total)).toBe('4.40')
  })

  it('gives the first million catalog objects and requests free', () => {
    // 1,200,000 objects: 200,000 × $1 per 100,000; 3,000,000 requests: 2,000,000 × $1 per million
    expect(cents(cost({ catalog_objects: 1_200_000, catalog_requests: 3_000_000 }).total)).toBe('4.00')
    expect(
      cents(
        cost({ catalog_objects: 1_200_000, catalog_requests: 3_000_000 }, { includeFreeTier: false }).total,
      ),
    ).toBe('15.00')
  })

  it('prices São Paulo at its own rate and reports a rate the region lacks as unpriced', () => {
    // 6 DPUs × 1/4 hour × $0.69
    expect(
      cents(cost({ job_runs: 1, job_minutes_per_run: 15, job_dpus: 6 }, { region: 'sa-east-1' }).total),
    ).toBe('1.04')
    // The Glue rate map lists no 'ETL Job run' rate in Asia Pacific (Malaysia).
    const malaysia = cost({ job_runs: 1, job_minutes_per_run: 15, job_dpus: 6 }, { region: 'ap-southeast-5' })
    expect(malaysia.total).toBe('0')
    expect(malaysia.unpriced.map((row) => row.usage_type)).toEqual(['glue.etl_dpu_hours.standard'])
  })

  it('prices Milan, Bahrain and Cape Town from the same rate map', () => {
    // github.com/lamngockhuong/aws-price lib/data/pricing/glue.json at 508fb45 (page-rates-glue).
    // Milan 'ETL Job run' $0.52: 6 DPUs × 1/4 hour × $0.52
    expect(
      cents(cost({ job_runs: 1, job_minutes_per_run: 15, job_dpus: 6 }, { region: 'eu-south-1' }).total),
    ).toBe('0.78')
    // Bahrain 'ETL Job run' $0.59: 10 DPUs × 1 hour × $0.59
    expect(
      cents(cost({ job_runs: 1, job_minutes_per_run: 60, job_dpus: 10 }, { region: 'me-south-1' }).total),
    ).toBe('5.90')
    // Cape Town 'ETL Job run Flex' $0.35 and 'Data catalog crawler run' $0.524:
    // 20 DPUs × 1 hour × $0.35 + 30 runs × 2 DPUs × 10 minutes × $0.524
    const capeTown = priceItems(
      'glue',
      [
        { job_type: 'flex', job_runs: 1, job_minutes_per_run: 60, job_dpus: 20 },
        { crawler_runs: 30, crawler_minutes_per_run: 10, crawler_dpus: 2 },
      ],
      { region: 'af-south-1', includeFreeTier: true },
    )
    expect(capeTown.unpriced).toEqual([])
    expect(cents(capeTown.total)).toBe('12.24')
  })

  it('prices New Zealand crawlers and the Data Catalog from the rate map of 2025-12-11, jobs unpriced', () => {
    // aws-price-watcher processed/glue.json at 10d48a9 (page-rates-glue-2025-12), 'Asia Pacific (New Zealand)':
    // 'Data catalog crawler run' 0.4400000000, 'Data catalog storage' 0.0000100000, 'Data catalog requests'
    // 0.0000010000; no 'ETL Job run' or 'ETL Interactive Session' row names New Zealand.
    const zealand = priceItems(
      'glue',
      [
        { crawler_runs: 30, crawler_minutes_per_run: 3, crawler_dpus: 2 },
        { catalog_objects: 1_200_000, catalog_requests: 3_000_000 },
      ],
      { region: 'ap-southeast-6', includeFreeTier: true },
    )
    expect(zealand.unpriced).toEqual([])
    // 10 DPU-hours × $0.44 + 200,000 × $1 per 100,000 + 2,000,000 × $1 per million
    expect(cents(zealand.total)).toBe('8.40')
    const job = cost({ job_runs: 1, job_minutes_per_run: 15, job_dpus: 6 }, { region: 'ap-southeast-6' })
    expect(job.total).toBe('0')
    expect(job.unpriced.map((row) => row.usage_type)).toEqual(['glue.etl_dpu_hours.standard'])
  })

  it('refuses runs without DPUs and a Python shell job on 2 DPUs', () => {
    expect(fieldsOf({ job_runs: 5, job_minutes_per_run: 10 })).toEqual(['params.job_dpus'])
    expect(fieldsOf({ crawler_runs: 5 })).toEqual(['params.crawler_dpus'])
    expect(fieldsOf({ job_type: 'python_shell', job_runs: 1, job_dpus: 2 })).toEqual(['params.job_dpus'])
  })

  it('imports jobs with their DPUs, crawlers and catalog databases', () => {
    const plan = terraformPlan([
      planResource('g2x', 'aws_glue_job', {
        worker_type: 'G.2X',
        number_of_workers: 10,
        execution_class: 'FLEX',
      }),
      planResource('shell', 'aws_glue_job', { command: [{ name: 'pythonshell' }], max_capacity: 1 }),
      planResource('default', 'aws_glue_job', {}),
      planResource('s3', 'aws_glue_crawler', {}),
      planResource('lake', 'aws_glue_catalog_database', {}),
    ])
    expect(planToLineItems(plan).items.map((item) => item.params)).toEqual([
      { job_type: 'flex', job_runs: 0, job_minutes_per_run: 0, job_dpus: 20 },
      { job_type: 'python_shell', job_runs: 0, job_minutes_per_run: 0, job_dpus: 1 },
      { job_type: 'standard', job_runs: 0, job_minutes_per_run: 0, job_dpus: 10 },
      { crawler_runs: 0, crawler_minutes_per_run: 0 },
      { catalog_objects: 0, catalog_requests: 0 },
    ])
  })
})
