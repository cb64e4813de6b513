import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { meterWire } from '../../../../test/metered-usage.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { validateEvents } from '../../../ingest/events.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

function cost(params: Record<string, unknown>, { region = 'us-east-1', includeFreeTier = true } = {}) {
  return priceItems('xray', [params], { region, includeFreeTier })
}

describe('X-Ray at the rates of https://aws.amazon.com/xray/pricing/', () => {
  it('bills recorded traces at $5 per million beyond 100,000 free', () => {
    expect(cents(cost({ traces_recorded: 10_100_000 }).total)).toBe('50.00')
    expect(cents(cost({ traces_recorded: 10_100_000 }, { includeFreeTier: false }).total)).toBe('50.50')
  })

  it('shares 1,000,000 free traces between retrievals and scans, then bills $0.50 per million', () => {
    // 3,000,000 + 2,000,000 - 1,000,000 free = 4,000,000 × $0.50 per million
    expect(
      cents(cost({ traces_recorded: 0, traces_retrieved: 3_000_000, traces_scanned: 2_000_000 }).total),
    ).toBe('2.00')
  })

  it('bills Insights from the first trace at $1 per million', () => {
    expect(cents(cost({ traces_recorded: 0, insights_traces: 5_000_000 }).total)).toBe('5.00')
  })

  it('prices Taipei and New Zealand from the rate map of 2026-08-31 (page-rates-xray-2026-08)', () => {
    // aws-price-watcher 62171df raw/xray.json, 'Asia Pacific (Taipei)' and 'Asia Pacific (New Zealand)': 'Traces Stored'
    // 0.0000050000, 'Traces Retrieved' and 'Traces Scanned' 0.0000005000, 'Traces Stored Insights' 0.0000010000.
    // 10M × $0.000005 + 4M × $0.0000005 + 5M × $0.000001 = $50 + $2 + $5 (free tier left out)
    const params = { traces_recorded: 10_000_000, traces_retrieved: 4_000_000, insights_traces: 5_000_000 }
    for (const region of ['ap-east-2', 'ap-southeast-6']) {
      const priced = cost(params, { region, includeFreeTier: false })
      expect(priced.unpriced, region).toEqual([])
      expect(cents(priced.total), region).toBe('57.00')
    }
  })

  it('reports a region without a sourced rate (Paris lists no retrieved or scanned traces) as unpriced, never $0', () => {
    const priced = cost({ traces_recorded: 0, traces_retrieved: 3_000_000 }, { region: 'eu-west-3' })
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['xray.traces_retrieved_scanned'])
  })

  it('refuses a negative trace count', () => {
    const result = lineItemsToUsage([{ service: 'xray', params: { traces_recorded: -1 } }], bundledCatalog)
    expect(result.ok ? [] : result.details.map((detail) => detail.field)).toEqual(['params.traces_recorded'])
  })

  it('skips sampling rules with the reason', () => {
    const plan = terraformPlan([planResource('api', 'aws_xray_sampling_rule', {})])
    const mapped = planToLineItems(plan)
    expect(mapped.items).toEqual([])
    expect(mapped.skipped[0]?.reason).toMatch(/^no charge of its own/)
  })
})

describe('X-Ray events', () => {
  it('meter each recorded trace and the traces a query reads', () => {
    expect(
      meterWire([{ type: 'xray.trace' }, { type: 'xray.trace' }, { type: 'xray.read', traces: 40 }]),
    ).toEqual({ 'xray.traces_recorded': 2, 'xray.traces_retrieved_scanned': 40 })
  })

  it('refuse a read without traces', () => {
    expect(validateEvents([{ type: 'xray.read', traces: 0 }])).toMatchObject({
      ok: false,
      problems: [{ field: 'traces' }],
    })
  })
})
