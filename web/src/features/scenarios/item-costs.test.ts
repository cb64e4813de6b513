import { describe, expect, it } from 'vitest'
import type { Costs, LineItem } from './api/scenarios-api'
import { itemCost, usageTypeLabel } from './item-costs'

function item(id: string, usage: Array<[string, string]>): LineItem {
  return {
    id,
    service: 'lambda',
    label: null,
    params: {},
    monthly_usage: usage.map(([usage_type, quantity]) => ({ usage_type, quantity, unit: 'requests' })),
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  }
}

const block = (byUsageType: Costs['modelled_monthly']['by_service'][number]['by_usage_type']) => ({
  total: byUsageType.reduce((s, u) => s + Number(u.cost), 0).toFixed(6),
  by_service: [{ service: 'lambda', cost: '0', by_usage_type: byUsageType }],
  unpriced: [],
})

// Two items share the free tier (1 M requests) and the price of 0.20 per million.
const costs = {
  currency: 'USD',
  modelled_monthly: block([
    {
      usage_type: 'lambda.requests',
      quantity: '4000000',
      free_quantity: '1000000',
      billable_quantity: '3000000',
      unit: 'requests',
      unit_price: '0.0000002',
      cost: '0.600000',
    },
    {
      usage_type: 'lambda.gb_seconds.x86_64',
      quantity: '500000',
      free_quantity: '400000',
      billable_quantity: '100000',
      unit: 'GB-seconds',
      cost: '1.666670',
    },
  ]),
} as unknown as Costs

describe('itemCost', () => {
  it("shares each usage type's cost, free tier and billable quantity by the item's share of the quantity", () => {
    const big = itemCost(item('a', [['lambda.requests', '3000000']]), costs)
    const small = itemCost(item('b', [['lambda.requests', '1000000']]), costs)
    expect(big.total).toBeCloseTo(0.45, 9)
    expect(small.total).toBeCloseTo(0.15, 9)
    expect(big.total + small.total).toBeCloseTo(0.6, 9)
    expect(big.lines[0]).toMatchObject({
      quantity: 3_000_000,
      freeQuantity: 750_000,
      billableQuantity: 2_250_000,
      unitPrice: 0.0000002,
      singleBand: true,
    })
  })

  it('gives an average unit price when several bands priced the usage', () => {
    const [line] = itemCost(item('a', [['lambda.gb_seconds.x86_64', '500000']]), costs).lines
    expect(line?.singleBand).toBe(false)
    expect(line?.unitPrice).toBeCloseTo(1.66667 / 100000, 12)
    expect(line?.amount).toBeCloseTo(1.66667, 9)
  })

  it('marks usage with no price instead of counting it as $0', () => {
    const cost = itemCost(item('a', [['lambda.ephemeral_storage', '10']]), costs)
    expect(cost.lines[0]?.amount).toBeNull()
    expect(cost.unpriced).toBe(1)
  })

  it('labels usage types without the service prefix', () => {
    expect(usageTypeLabel('lambda.gb_seconds.x86_64')).toBe('GB seconds · x86 64')
    expect(usageTypeLabel('lambda.requests')).toBe('Requests')
  })
})
