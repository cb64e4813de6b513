import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { meterWire } from '../../../../test/metered-usage.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { validateEvents } from '../../../ingest/events.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/kinesis/data-streams/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('kinesis', [params], { region, includeFreeTier: true })
}

describe(`Kinesis Data Streams at the rates of ${PAGE}`, () => {
  it('bills provisioned shard-hours and 25 KB PUT payload units', () => {
    // 4 shards × 730 h × $0.015 = $43.80; 100M records of 30 KB = 200M units × $0.014/M = $2.80.
    const priced = cost({ capacity_mode: 'provisioned', shards: 4, records: 100_000_000, avg_record_kb: 30 })
    expect(cents(priced.total)).toBe('46.60')
  })

  it('adds extended retention per shard-hour and enhanced fan-out per consumer-shard-hour and GB', () => {
    // 2 shards × 730 h: $21.90 shards + $29.20 extended ($0.02) + 3 consumers × 1,460 × $0.015 = $65.70
    // + 1,000 GB × $0.013 = $13.00.
    const priced = cost({
      capacity_mode: 'provisioned',
      shards: 2,
      extended_retention: true,
      efo_consumers: 3,
      efo_data_retrieved_gb: 1000,
    })
    expect(cents(priced.total)).toBe('129.80')
  })

  it('bills on-demand stream-hours and GB written with each record rounded up to 1 KB', () => {
    // 1 stream × 730 h × $0.04 = $29.20; 1,048,576 records of 4.5 KB → 5 KB = 5 GB × $0.08 = $0.40;
    // 10 GB read × $0.04 = $0.40.
    const priced = cost({ records: 1_048_576, avg_record_kb: 4.5, data_retrieved_gb: 10 })
    expect(cents(priced.total)).toBe('30.00')
  })

  it('prices each Region at its own rate', () => {
    // eu-west-1 shard-hour $0.017; sa-east-1 $0.03.
    expect(cents(cost({ capacity_mode: 'provisioned', shards: 1 }, 'eu-west-1').total)).toBe('12.41')
    expect(cents(cost({ capacity_mode: 'provisioned', shards: 1 }, 'sa-east-1').total)).toBe('21.90')
  })

  it('refuses params of the other capacity mode, and a provisioned stream without shards', () => {
    const mixed = lineItemsToUsage([{ service: 'kinesis', params: { shards: 2 } }], bundledCatalog)
    expect(mixed).toMatchObject({
      ok: false,
      details: [{ field: 'params.shards', reason: 'does not apply to on_demand streams' }],
    })
    const noShards = lineItemsToUsage(
      [{ service: 'kinesis', params: { capacity_mode: 'provisioned' } }],
      bundledCatalog,
    )
    expect(noShards).toMatchObject({ ok: false, details: [{ field: 'params.shards' }] })
    const tooBig = lineItemsToUsage([{ service: 'kinesis', params: { avg_record_kb: 2048 } }], bundledCatalog)
    expect(tooBig.ok).toBe(false)
  })

  it('meters a put as PUT payload units (provisioned) or bytes rounded up to 1 KB (on-demand)', () => {
    expect(
      meterWire([
        { type: 'kinesis.put', bytes: 5 * 1024 },
        { type: 'kinesis.put', bytes: 45 * 1024 },
        { type: 'kinesis.put', bytes: 1024 * 1024, capacity_mode: 'provisioned' },
        { type: 'kinesis.put', bytes: 4608, capacity_mode: 'on_demand' },
      ]),
    ).toEqual({ 'kinesis.put_payload_units': 1 + 2 + 41, 'kinesis.data_in_gb': 5 * 1024 })
    expect(validateEvents([{ type: 'kinesis.put', bytes: 2 * 1024 * 1024 }])).toMatchObject({
      ok: false,
      problems: [{ field: 'bytes' }],
    })
    expect(validateEvents([{ type: 'kinesis.put', bytes: 1, capacity_mode: 'serverless' }])).toMatchObject({
      ok: false,
      problems: [{ field: 'capacity_mode' }],
    })
  })

  it('imports streams by their mode, with extended retention beyond 24 hours, and skips consumers', () => {
    const plan = terraformPlan([
      planResource('a', 'aws_kinesis_stream', { shard_count: 3, retention_period: 48 }),
      planResource('b', 'aws_kinesis_stream', { stream_mode_details: [{ stream_mode: 'ON_DEMAND' }] }),
      planResource('c', 'aws_kinesis_stream_consumer', {}),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => item.params)).toEqual([
      { capacity_mode: 'provisioned', shards: 3, hours: 730, records: 0, extended_retention: true },
      { capacity_mode: 'on_demand', streams: 1, hours: 730, records: 0 },
    ])
    expect(mapped.skipped.map((s) => s.reason)).toEqual(['priced with its stream (efo_consumers)'])
  })
})
