import { describe, expect, it } from 'vitest'
import { type Comparison, comparisonRows } from './compare-api'

function scenario(id: string, services: Record<string, Record<string, string>>) {
  const by_service = Object.entries(services).map(([service, usages]) => ({
    service,
    cost: String(Object.values(usages).reduce((sum, c) => sum + Number(c), 0)),
    by_usage_type: Object.entries(usages).map(([usage_type, cost]) => ({
      usage_type,
      quantity: '1',
      free_quantity: '0',
      billable_quantity: '1',
      unit: 'unit',
      cost,
    })),
  }))
  const block = { total: '0', by_service, unpriced: [] }
  return {
    id,
    name: id,
    currency: 'USD',
    region: 'us-east-1',
    pricing_as_of: '2026-01-01',
    free_tier_applied: false,
    modelled_monthly: block,
    observed: { ...block, window_start: null, window_end: null, window_minutes: 0 },
    projected_monthly: { ...block, factor: null },
    total_monthly: block,
    unpriced: [],
  }
}

describe('comparisonRows', () => {
  it('puts each service before its usage types, both ordered by the largest delta', () => {
    const comparison = {
      scenarios: [
        scenario('a', { lambda: { requests: '1', duration: '2' }, s3: { storage: '5' } }),
        scenario('b', { lambda: { requests: '1', duration: '10' }, s3: { storage: '6' } }),
      ],
      deltas: [
        {
          scenario_id: 'b',
          total_delta: '9',
          by_service: [
            { service: 'lambda', delta: '8' },
            { service: 's3', delta: '1' },
          ],
          by_usage_type: [
            { service: 'lambda', usage_type: 'duration', delta: '8' },
            { service: 's3', usage_type: 'storage', delta: '1' },
            { service: 'lambda', usage_type: 'requests', delta: '0' },
          ],
        },
      ],
    } as unknown as Comparison
    const rows = comparisonRows(comparison)
    expect(rows.map((r) => r.usageType ?? r.service)).toEqual([
      'lambda',
      'duration',
      'requests',
      's3',
      'storage',
    ])
    expect(rows[1]).toMatchObject({ costs: ['2', '10'], deltas: ['8'] })
  })

  it('shows a zero cost for a service only one scenario has', () => {
    const comparison = {
      scenarios: [scenario('a', {}), scenario('b', { sqs: { requests: '3' } })],
      deltas: [
        {
          scenario_id: 'b',
          total_delta: '3',
          by_service: [{ service: 'sqs', delta: '3' }],
          by_usage_type: [{ service: 'sqs', usage_type: 'requests', delta: '3' }],
        },
      ],
    } as unknown as Comparison
    expect(comparisonRows(comparison)[0]).toMatchObject({ service: 'sqs', costs: ['0', '3'], deltas: ['3'] })
  })
})
