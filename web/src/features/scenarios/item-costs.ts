import type { Costs, LineItem } from './api/scenarios-api'

/** One usage type of one line item, with its share of the scenario's priced line for that usage type. */
export type ItemCostLine = {
  usageType: string
  unit: string
  /** The item's own monthly quantity. */
  quantity: number
  /** The item's share of the free tier and of the billable quantity (by its share of the quantity). */
  freeQuantity: number
  billableQuantity: number
  /** The one band's price, when one band covered the usage; otherwise the average over the bands. */
  unitPrice: number | null
  singleBand: boolean
  /** The item's share of the usage type's cost; null: the region has no price for it. */
  amount: number | null
  /** The whole scenario's line for this usage type (shared by every item that has it). */
  scenarioQuantity: number
  scenarioCost: number | null
}

export type ItemCost = { total: number; lines: ItemCostLine[]; unpriced: number }

/**
 * What one line item costs in the scenario's modelled month. The server prices the month as a whole (tiers
 * and the free tier apply to the sum of the items), so each usage type's cost is shared among the items
 * that use it by their share of its quantity: the items of a service add up to the service's subtotal.
 */
export function itemCost(item: LineItem, costs: Costs): ItemCost {
  const service = costs.modelled_monthly.by_service.find((s) => s.service === item.service)
  const lines = item.monthly_usage.map((usage): ItemCostLine => {
    const quantity = Number(usage.quantity)
    const priced = service?.by_usage_type.find((u) => u.usage_type === usage.usage_type)
    if (!priced) {
      return {
        usageType: usage.usage_type,
        unit: usage.unit,
        quantity,
        freeQuantity: 0,
        billableQuantity: quantity,
        unitPrice: null,
        singleBand: false,
        amount: null,
        scenarioQuantity: quantity,
        scenarioCost: null,
      }
    }
    const scenarioQuantity = Number(priced.quantity)
    const share = scenarioQuantity > 0 ? quantity / scenarioQuantity : 0
    const billable = Number(priced.billable_quantity)
    const cost = Number(priced.cost)
    const single = priced.unit_price !== undefined
    return {
      usageType: usage.usage_type,
      unit: priced.unit,
      quantity,
      freeQuantity: Number(priced.free_quantity) * share,
      billableQuantity: billable * share,
      unitPrice: single ? Number(priced.unit_price) : billable > 0 ? cost / billable : null,
      singleBand: single,
      amount: cost * share,
      scenarioQuantity,
      scenarioCost: cost,
    }
  })
  return {
    total: lines.reduce((sum, l) => sum + (l.amount ?? 0), 0),
    lines,
    unpriced: lines.filter((l) => l.amount === null && l.quantity > 0).length,
  }
}

/** "lambda.gb_seconds.x86_64" → "GB seconds x86_64": the service prefix dropped, words spaced. */
export function usageTypeLabel(usageType: string): string {
  const [, ...rest] = usageType.split('.')
  const words = (rest.length > 0 ? rest : [usageType]).join(' · ').replaceAll('_', ' ')
  return words
    .replace(/\bgb\b/gi, 'GB')
    .replace(/\btb\b/gi, 'TB')
    .replace(/^./, (c) => c.toUpperCase())
}
