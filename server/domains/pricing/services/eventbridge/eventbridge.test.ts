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

  it('reports Pipes in Taipei, where no rate map lists a rate, as unpriced, never $0', () => {
    const priced = cost({ custom_events: 0, pipes_requests: 1_000_000 }, true, 'ap-east-2')
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['eventbridge.pipes_requests'])
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

  it('prices custom events and Scheduler where the map has no Pipes rate, and reports Pipes unpriced (Tel Aviv)', () => {
    const priced = cost(month, true, 'il-central-1')
    // 6M chunks × $1.05 per million + 6M beyond the free 14M × $1.20 (map of 2026-05-29)
    expect(cents(priced.total)).toBe('13.50')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['eventbridge.pipes_requests'])
  })

  it('prices Taipei, New Zealand and Calgary from the rate map of 2026-05-29 (page-rates-eventbridge-2026-05)', () => {
    // aws-price-watcher processed/events.json at 694f19f: 'CloudWatch Events Custom Event' Taipei $0.0000009,
    // New Zealand $0.00000105; 'Scheduled Invocation for 14000000 to Inf Invocations' Taipei $0.000001125,
    // New Zealand $0.00000126, Canada West (Calgary) $0.0000011. No 'Pipe Request per 64K-Chunks' in any of them.
    const noPipes = { custom_events: 3_000_000, event_size_kb: 100, scheduler_invocations: 20_000_000 }
    // 6M chunks × $0.90 + 6M × $1.125
    expect(cost(noPipes, true, 'ap-east-2').total).toBe('12.15')
    // 6M × $1.05 + 6M × $1.26
    expect(cents(cost(noPipes, true, 'ap-southeast-6').total)).toBe('13.86')
    // Calgary: custom events $1.00 (2025 map) + 6M × $1.10
    const calgary = cost(noPipes, true, 'ca-west-1')
    expect(calgary.unpriced).toEqual([])
    expect(cents(calgary.total)).toBe('12.60')
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
