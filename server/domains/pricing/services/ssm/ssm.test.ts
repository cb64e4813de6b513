import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { meterWire } from '../../../../test/metered-usage.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { validateEvents } from '../../../ingest/events.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('ssm', [params], { region, includeFreeTier: true })
}

// AWS's Systems Manager rate map of 2025-04-30 (page-rates-ssm): 'Advanced Parameter' $0.00007 per parameter-hour,
// API interactions $0.000005 each.
describe('Parameter Store at $0.00007 per advanced parameter-hour and $0.05 per 10,000 API interactions', () => {
  it('bills advanced parameters by the hour', () => {
    // 200 parameters × 730 h × $0.00007 = $10.22; 200 × 365 h = $5.11
    expect(cents(cost({ advanced_parameters: 200 }).total)).toBe('10.22')
    expect(cents(cost({ advanced_parameters: 200, hours: 365 }).total)).toBe('5.11')
    // The Infracost golden test: one parameter for 730 hours prints $0.05, for 600 hours $0.04, 100,000
    // interactions $0.50.
    expect(cents(cost({ advanced_parameters: 1 }).total)).toBe('0.05')
    expect(
      cents(cost({ advanced_parameters: 1, hours: 600, advanced_api_interactions: 100_000 }).total),
    ).toBe('0.54')
  })

  it('bills standard-parameter interactions only with higher throughput', () => {
    const standard = { advanced_parameters: 0, standard_api_interactions: 10_000_000 }
    expect(cents(cost(standard).total)).toBe('0.00')
    expect(cents(cost({ ...standard, throughput: 'higher' }).total)).toBe('50.00')
  })

  it('prices Taipei and New Zealand from the rate map of 2026-07-03 (page-rates-ssm-2026-07)', () => {
    // aws-price-watcher processed/systemsmanager.json at 8875aaf: 'Advanced Parameter' $0.00007 and
    // 'Parameter Higher Throughputper API Request' = 'Advanced Parameter Standard Throughput per API Request'
    // $0.000005 under 'Asia Pacific (Taipei)' and 'Asia Pacific (New Zealand)'.
    // 10 parameters × 730 h × $0.00007 + 100,000 × $0.000005 = $0.511 + $0.50
    for (const region of ['ap-east-2', 'ap-southeast-6']) {
      const priced = cost({ advanced_parameters: 10, advanced_api_interactions: 100_000 }, region)
      expect(priced.unpriced).toEqual([])
      expect(priced.total).toBe('1.011')
    }
  })

  it('prices Tel Aviv at its own rates, and Singapore’s interactions under its rate map’s other name', () => {
    // 10 parameters × 730 h × $0.000077 + 100,000 × $0.0000055 = $0.5621 + $0.55
    expect(
      cents(cost({ advanced_parameters: 10, advanced_api_interactions: 100_000 }, 'il-central-1').total),
    ).toBe('1.11')
    const singapore = cost({ advanced_parameters: 10, advanced_api_interactions: 100_000 }, 'ap-southeast-1')
    // 10 × 730 h × $0.00007 + 100,000 × $0.000005 ('advanced or standard', the standard-throughput row's
    // regionless code in page-rates-ssm) = $0.511 + $0.50
    expect(cents(singapore.total)).toBe('1.01')
    expect(singapore.unpriced).toEqual([])
  })

  it('refuses an unknown throughput and more hours than a month has', () => {
    for (const [params, field] of [
      [{ advanced_parameters: 1, throughput: 'max' }, 'params.throughput'],
      [{ advanced_parameters: 1, hours: 800 }, 'params.hours'],
    ] as const) {
      const result = lineItemsToUsage([{ service: 'ssm', params }], bundledCatalog)
      expect(result.ok ? [] : result.details.map((detail) => detail.field)).toEqual([field])
    }
  })

  it('imports an advanced parameter and skips a standard one', () => {
    const plan = terraformPlan([
      planResource('big', 'aws_ssm_parameter', { tier: 'Advanced' }),
      planResource('small', 'aws_ssm_parameter', { tier: 'Standard' }),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.address, item.params])).toEqual([
      ['aws_ssm_parameter.big', { advanced_parameters: 1, advanced_api_interactions: 0 }],
    ])
    expect(mapped.skipped.map((skip) => skip.reason)).toEqual(['a standard parameter has no charge'])
  })
})

describe('ssm.api_call events', () => {
  it('bill calls on advanced parameters or at higher throughput, and nothing else', () => {
    expect(
      meterWire([
        { type: 'ssm.api_call', advanced: true },
        { type: 'ssm.api_call', higher_throughput: true },
        { type: 'ssm.api_call' },
      ]),
    ).toEqual({ 'ssm.api_interactions': 2 })
  })

  it('refuses a flag that is not a boolean', () => {
    expect(validateEvents([{ type: 'ssm.api_call', advanced: 'yes' }])).toMatchObject({
      ok: false,
      problems: [{ field: 'advanced' }],
    })
  })
})
