import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { meterWire } from '../../../../test/metered-usage.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { validateEvents } from '../../../ingest/events.js'
import { bundledCatalog } from '../../catalog.js'
import { MAIN_REGIONS } from '../../coverage.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/step-functions/pricing/'

function cost(params: Record<string, unknown>, includeFreeTier = true, region = 'us-east-1') {
  return priceItems('stepfunctions', [params], { region, includeFreeTier })
}

describe(`Step Functions at the rates of ${PAGE}`, () => {
  it('bills Standard state transitions per 1,000 beyond 4,000 free a month', () => {
    // (100,000 × 5 − 4,000) × $0.025 / 1,000 = $12.40
    expect(cents(cost({ state_transitions: 500_000 }).total)).toBe('12.40')
    expect(cents(cost({ state_transitions: 500_000 }, false).total)).toBe('12.50')
    expect(cost({ state_transitions: 4_000 }).total).toBe('0')
  })

  it('prices Standard transitions at each Region’s rate', () => {
    expect(cents(cost({ state_transitions: 1_000_000 }, false, 'sa-east-1').total)).toBe('37.50')
    expect(cents(cost({ state_transitions: 1_000_000 }, false, 'ap-south-1').total)).toBe('28.50')
    expect(cents(cost({ state_transitions: 1_000_000 }, false, 'eu-west-2').total)).toBe('25.00')
  })

  it('bills Express duration rounded up to 100 ms and 64 MB chunks, in three bands (Infracost’s golden figures)', () => {
    // 10M × 250 ms → 300 ms at 65 MB → 128 MB: 375,000 GB-s (104.17 GB-hours, first band) × $0.00001667
    // = $6.25, plus $10 for the requests.
    const small = cost({
      workflow_type: 'express',
      requests: 10_000_000,
      avg_duration_ms: 250,
      memory_mb: 65,
    })
    expect(cents(small.total)).toBe('16.25')
    // Infracost's express3Tiers: 100M × 17.1 s at 64 MB = 29,687.5 GB-hours, billed $60.01 (first 1,000) +
    // $119.95 (next 4,000) + $405.27 (24,687.5 over 5,000) + $100 for the requests.
    const big = cost({
      workflow_type: 'express',
      requests: 100_000_000,
      avg_duration_ms: 17_100,
      memory_mb: 64,
    })
    expect(cents(big.total)).toBe('685.23')
  })

  it('charges $482.88 at Price List rates for the page example it prints as $482.97 at rounded GB-hour rates', () => {
    const params = { workflow_type: 'express', requests: 100_000_000, avg_duration_ms: 10_000, memory_mb: 64 }
    expect(cents(cost(params).total)).toBe('482.88')
  })

  // AWS's Step Functions rate map of 2025-03-18 (page-rates-stepfunctions), read by rate name: 'Number of Workflow
  // Requests', 'Duration of Workflows from 0 to 3600000', 'from 3600000 to 18000000' and 'over 18000000'.
  const express3Tiers = {
    workflow_type: 'express',
    requests: 100_000_000,
    avg_duration_ms: 17_100,
    memory_mb: 64,
  }

  it.each(MAIN_REGIONS.filter((r) => r !== 'us-east-1'))(
    '%s: Express in all three duration bands, at the rate map’s rates (those of us-east-1 there)',
    (region) => {
      const priced = cost(express3Tiers, true, region)
      expect(priced.unpriced).toEqual([])
      // 106,875,000 GB-s: 3.6M × $0.00001667 + 14.4M × $0.00000833 + 88.875M × $0.00000456, plus 100M × $1.00/M
      expect(cents(priced.total)).toBe('685.23')
    },
  )

  it('prices Taipei and New Zealand at their own rates from the rate map of 2026-08-31 (page-rates-stepfunctions-2026-08)', () => {
    // aws-price-watcher fb0ed68 raw/states.json, 'Asia Pacific (Taipei)': 'AWS Step Functions' 0.0000225000,
    // 'Number of Workflow Requests' 0.0000009000, 'Duration of Workflows from 0 to 3600000' 0.0000150030,
    // 'from 3600000 to 18000000' 0.0000074970, 'over 18000000' 0.0000041040.
    // 100M × $0.0000009 + 3.6M × $0.000015003 + 14.4M × $0.000007497 + 88.875M × $0.000004104
    // = $90 + $54.0108 + $107.9568 + $364.743 = $616.7106
    expect(cents(cost(express3Tiers, true, 'ap-east-2').total)).toBe('616.71')
    // 'Asia Pacific (New Zealand)': 0.0000262500 per transition: 1M × $0.02625 per 1,000
    expect(cents(cost({ state_transitions: 1_000_000 }, false, 'ap-southeast-6').total)).toBe('26.25')
    // 0.0000010500 per request, 0.0000175035 / 0.0000087465 / 0.0000047880 per GB-second:
    // $105 + $63.0126 + $125.9496 + $425.5335 = $719.4957
    expect(cents(cost(express3Tiers, true, 'ap-southeast-6').total)).toBe('719.50')
  })

  it('prices Express and Standard at a Region’s own rates where they differ (Cape Town, not in the page’s table)', () => {
    // 100M × $1.33/M + 3.6M × $0.00002217 + 14.4M × $0.00001108 + 88.875M × $0.00000606 = $910.9465
    expect(cents(cost(express3Tiers, true, 'af-south-1').total)).toBe('910.95')
    // 1M transitions × $0.02975 per 1,000
    expect(cents(cost({ state_transitions: 1_000_000 }, false, 'af-south-1').total)).toBe('29.75')
  })

  it('refuses params of the other workflow type and a duration beyond five minutes', () => {
    const mixed = lineItemsToUsage(
      [{ service: 'stepfunctions', params: { state_transitions: 10, requests: 5 } }],
      bundledCatalog,
    )
    expect(mixed).toMatchObject({ ok: false, details: [{ field: 'params.requests' }] })
    const long = lineItemsToUsage(
      [
        {
          service: 'stepfunctions',
          params: { workflow_type: 'express', requests: 1, avg_duration_ms: 300_001 },
        },
      ],
      bundledCatalog,
    )
    expect(long.ok).toBe(false)
  })

  it('meters execution events: transitions, and Express requests with rounded MB·ms', () => {
    expect(
      meterWire([
        { type: 'stepfunctions.execution', state_transitions: 9 },
        { type: 'stepfunctions.express_execution', duration_ms: 101, memory_mb: 50 },
        { type: 'stepfunctions.express_execution', duration_ms: 0 },
      ]),
    ).toEqual({
      'stepfunctions.state_transitions': 9,
      'stepfunctions.express_requests': 2,
      // 200 ms × 64 MB, then the 100 ms × 64 MB minimum.
      'stepfunctions.express_gb_seconds': 200 * 64 + 100 * 64,
    })
  })

  it('refuses an execution event without transitions or with an Express duration beyond five minutes', () => {
    expect(validateEvents([{ type: 'stepfunctions.execution' }])).toMatchObject({
      ok: false,
      problems: [{ field: 'state_transitions' }],
    })
    expect(validateEvents([{ type: 'stepfunctions.express_execution', duration_ms: 400_000 }])).toMatchObject(
      {
        ok: false,
        problems: [{ field: 'duration_ms' }],
      },
    )
  })

  it('imports a state machine by its type with no usage yet, and skips activities', () => {
    const plan = terraformPlan([
      planResource('orders', 'aws_sfn_state_machine', { type: 'STANDARD' }),
      planResource('clicks', 'aws_sfn_state_machine', { type: 'EXPRESS' }),
      planResource('approve', 'aws_sfn_activity', {}),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => item.params)).toEqual([
      { workflow_type: 'standard', state_transitions: 0 },
      { workflow_type: 'express', requests: 0, avg_duration_ms: 0, memory_mb: 64 },
    ])
    expect(mapped.skipped.map((s) => s.reason)).toEqual(['no charge of its own'])
  })
})
