import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemToUsage, validateLineItem } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/api-gateway/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('apigateway', [params], { region, includeFreeTier: false })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))

describe(`API Gateway bands and caching at the rates of ${PAGE} (us-east-1)`, () => {
  it('prices an item saved before caching existed exactly as before', () => {
    expect(rows(cost({ api_type: 'rest', requests: 1_000_000 }))).toEqual({ 'apigw.requests.rest': '3.5' })
  })

  it('bills every REST band of the month’s total: 333M, 667M, 19B, then the rest', () => {
    // 333 × $3.50 + 667 × $2.80 + 19,000 × $2.38 + 1,000 × $1.51
    expect(rows(cost({ api_type: 'rest', requests: 21_000_000_000 }))).toEqual({
      'apigw.requests.rest': '49763.1',
    })
  })

  it('bills HTTP API requests above 300M and WebSocket messages above 1 billion at the lower band', () => {
    // 300 × $1.00 + 100 × $0.90
    expect(rows(cost({ api_type: 'http', requests: 400_000_000 }))).toEqual({ 'apigw.requests.http': '390' })
    // 1,000 × $1.00 + 500 × $0.80; 10M connection minutes × $0.25 per million
    expect(
      rows(cost({ api_type: 'websocket', requests: 1_500_000_000, connection_minutes: 10_000_000 })),
    ).toEqual({ 'apigw.messages.websocket': '1400', 'apigw.connection_minutes.websocket': '2.5' })
  })

  it('bills a REST cache per hour at the rate of its size, all month when its hours are left out', () => {
    expect(rows(cost({ api_type: 'rest', requests: 0, cache_size_gb: '0.5' }))).toEqual({
      'apigw.cache_hours.0.5': '14.6',
    })
    // 100 h × $3.80
    expect(rows(cost({ api_type: 'rest', requests: 0, cache_size_gb: '237', cache_hours: 100 }))).toEqual({
      'apigw.cache_hours.237': '380',
    })
    const validated = validateLineItem(
      'apigateway',
      {
        api_type: 'rest',
        requests: 0,
        cache_size_gb: '6.1',
        cache_hours: { min: 100, typical: 200, max: 730 },
      },
      bundledCatalog,
    )
    if (!validated.ok) throw new Error(JSON.stringify(validated.details))
    expect(
      lineItemToUsage('apigateway', validated.params, 'max').get('apigw.cache_hours.6.1')?.toFixed(),
    ).toBe('730')
  })

  it('refuses a cache on HTTP and WebSocket APIs, cache hours without a size, and unknown sizes', () => {
    const refused = (params: Record<string, unknown>) => {
      const result = validateLineItem('apigateway', { requests: 0, ...params }, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(refused({ api_type: 'http', cache_size_gb: '0.5' })).toEqual(['params.cache_size_gb'])
    expect(refused({ api_type: 'rest', cache_hours: 10 })).toEqual(['params.cache_hours'])
    expect(refused({ api_type: 'rest', cache_size_gb: '2' }).length).toBeGreaterThan(0)
  })

  it('reports what a Region lacks as unpriced, never $0', () => {
    const priced = cost({ api_type: 'http', requests: 1_000_000 }, 'ap-east-2')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['apigw.requests.http'])
  })

  it('prices WebSocket APIs in Taipei from the rate map of 2026-07-24 (page-rates-apigateway-2026-07)', () => {
    // aws-price-watcher processed/apigateway.json at c195884, 'Asia Pacific (Taipei)': 'WebSocket Connection
    // Minutes' 0.0000002835, 'WebSocket Messages Messages first 1 billion' 0.0000011340, '... over 1 billion'
    // 0.0000009540. 1,000 × $1.134 + 500 × $0.954; 10M connection minutes × $0.2835 per million
    const priced = cost(
      { api_type: 'websocket', requests: 1_500_000_000, connection_minutes: 10_000_000 },
      'ap-east-2',
    )
    expect(priced.unpriced).toEqual([])
    expect(rows(priced)).toEqual({
      'apigw.messages.websocket': '1611',
      'apigw.connection_minutes.websocket': '2.835',
    })
  })

  it('imports a REST stage with a cache as a cache item, one without as no charge', () => {
    const plan = (values: Record<string, unknown>) =>
      terraformPlan([planResource('prod', 'aws_api_gateway_stage', values)])
    const cached = planToLineItems(plan({ cache_cluster_enabled: true, cache_cluster_size: '1.6' }))
    expect(cached.items.map((item) => item.params)).toEqual([
      { api_type: 'rest', requests: 0, cache_size_gb: '1.6' },
    ])
    const plain = planToLineItems(plan({ cache_cluster_enabled: false }))
    expect(plain.items).toEqual([])
    expect(plain.skipped.map((skip) => skip.address)).toEqual(['aws_api_gateway_stage.prod'])
  })
})
