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

  it('reports a region without sourced EventBridge prices (Taipei, which the rate map predates) as unpriced, never $0', () => {
    const priced = cost({ custom_events: 1_000_000 }, true, 'ap-east-2')
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['eventbridge.custom_events'])
  })

  // AWS's EventBridge rate map of 2025-03-17 (page-rates-eventbridge), read by rate name: 'CloudWatch Events Custom
  // Event', 'Pipe Request per 64K-Chunks', 'Scheduled Invocation for 14000000 to Inf Invocations'.
  const month = {
    custom_events: 3_000_000,
    event_size_kb: 100,
    pipes_requests: 10_000_000,
    scheduler_invocations: 20_000_000,
  }

  it.each([
    ['us-east-1', '16.00'], // 6M chunks × $1.00 + 10M × $0.40 + 6M beyond the free 14M × $1.00
    ['us-east-2', '16.00'],
    ['us-west-2', '16.00'],
    ['eu-west-1', '16.00'],
    ['eu-west-2', '17.50'], // 6 + 10 × $0.46 + 6 × $1.15
    ['eu-central-1', '17.50'],
    ['ap-southeast-1', '18.50'], // 6 + 10 × $0.50 + 6 × $1.25
    ['ap-northeast-1', '18.50'],
    ['ap-south-1', '16.50'], // 6 + 10 × $0.42 + 6 × $1.05
    ['sa-east-1', '23.10'], // 6 + 10 × $0.69 + 6 × $1.70
  ])('%s: custom events, Pipes and Scheduler at the Region’s rates, $%s', (region, total) => {
    const priced = cost(month, true, region)
    expect(priced.unpriced).toEqual([])
    expect(cents(priced.total)).toBe(total)
  })

  it('prices custom events where the map has no Pipes or Scheduler rate, and reports those unpriced (Tel Aviv)', () => {
    const priced = cost(month, true, 'il-central-1')
    // 6M chunks × $1.05 per million
    expect(cents(priced.total)).toBe('6.30')
    expect(priced.unpriced.map((row) => row.usage_type).sort()).toEqual([
      'eventbridge.pipes_requests',
      'eventbridge.scheduler_invocations',
    ])
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
