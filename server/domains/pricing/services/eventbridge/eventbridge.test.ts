import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/eventbridge/pricing/'

function cost(params: Record<string, unknown>, includeFreeTier = true, region = 'us-east-1') {
  return priceItems('eventbridge', [params], { region, includeFreeTier })
}

describe(`EventBridge at the rates of ${PAGE}`, () => {
  it('bills custom events per million, each 64 KB chunk as one event', () => {
    // 3M events of 100 KB are 2 chunks each: 6M billed events at $1.00 per million.
    const priced = cost({ custom_events: 3_000_000, event_size_kb: 100 })
    expect(priced.by_service[0]?.by_usage_type[0]).toMatchObject({ quantity: '6000000', unit: 'events' })
    expect(cents(priced.total)).toBe('6.00')
  })

  it('bills Pipes requests at $0.40 per million and Scheduler invocations beyond 14 million free', () => {
    const priced = cost({ custom_events: 0, pipes_requests: 10_000_000, scheduler_invocations: 20_000_000 })
    // 10M × $0.40/M + (20M − 14M free) × $1.00/M
    expect(cents(priced.total)).toBe('10.00')
    expect(cents(cost({ custom_events: 0, scheduler_invocations: 20_000_000 }, false).total)).toBe('20.00')
  })

  it('reports a region without sourced EventBridge prices as unpriced, never $0', () => {
    const priced = cost({ custom_events: 1_000_000 }, true, 'eu-west-1')
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['eventbridge.custom_events'])
  })

  it('refuses an event larger than EventBridge accepts', () => {
    const result = lineItemsToUsage(
      [{ service: 'eventbridge', params: { custom_events: 1, event_size_kb: 2048 } }],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.event_size_kb' }] })
  })

  it('imports event buses, pipes and schedules from a Terraform plan', () => {
    const plan = terraformPlan(
      ['aws_cloudwatch_event_bus', 'aws_pipes_pipe', 'aws_scheduler_schedule'].map((type) =>
        planResource('main', type, {}),
      ),
    )
    const mapped = planToLineItems(plan)
    expect(mapped.skipped).toEqual([])
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['eventbridge', { custom_events: 0, event_size_kb: 1 }],
      ['eventbridge', { custom_events: 0, event_size_kb: 1, pipes_requests: 0 }],
      ['eventbridge', { custom_events: 0, event_size_kb: 1, scheduler_invocations: 0 }],
    ])
  })
})
