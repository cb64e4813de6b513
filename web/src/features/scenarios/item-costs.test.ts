import { describe, expect, it } from 'vitest'
import type { Costs } from './api/scenarios-api'
import { displayUnitPrice, type ItemCost, itemCostOf, usageTypeLabel } from './item-costs'

const line = (over: Partial<ItemCost['by_usage_type'][number]>): ItemCost['by_usage_type'][number] => ({
  usage_type: 'lambda.gb_seconds.x86_64',
  unit: 'GB-seconds',
  quantity: '500000',
  free_quantity: '400000',
  billable_quantity: '100000',
  cost: '1.66667',
  ...over,
})

describe('item costs from the server', () => {
  it("finds an item's cost in the costs answer, and nothing before the answer knows the item", () => {
    const item: ItemCost = {
      item_id: 'a',
      service: 'lambda',
      cost: '1.66667',
      unpriced: false,
      by_usage_type: [],
    }
    const costs = { line_items: [item] } as unknown as Costs
    expect(itemCostOf(costs, 'a')).toBe(item)
    expect(itemCostOf(costs, 'b')).toBeUndefined()
    expect(itemCostOf({} as Costs, 'a')).toBeUndefined()
  })

  it("shows the band's price, an average over several bands, and no price for unpriced usage", () => {
    expect(displayUnitPrice(line({ unit_price: '0.0000166667' }))).toBe(0.0000166667)
    expect(displayUnitPrice(line({}))).toBeCloseTo(1.66667 / 100000, 12)
    expect(displayUnitPrice(line({ billable_quantity: '0', cost: '0' }))).toBeNull()
    expect(displayUnitPrice(line({ cost: null }))).toBeNull()
  })

  it('labels usage types without the service prefix', () => {
    expect(usageTypeLabel('lambda.gb_seconds.x86_64')).toBe('GB seconds · x86 64')
    expect(usageTypeLabel('lambda.requests')).toBe('Requests')
  })
})
