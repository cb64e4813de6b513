import type { Costs } from './api/scenarios-api'

/** One line item's part of the modelled month, as the server shares it out (exact decimal strings). */
export type ItemCost = NonNullable<Costs['line_items']>[number]

/** The server's cost of one line item; undefined until an answer that knows the item arrives. */
export function itemCostOf(costs: Costs, itemId: string): ItemCost | undefined {
  return costs.line_items?.find((line) => line.item_id === itemId)
}

/**
 * The price per unit to show beside a usage type: the band's price, or for usage spread over several bands
 * their average (cost ÷ billable quantity), a display figure only.
 */
export function displayUnitPrice(line: ItemCost['by_usage_type'][number]): number | null {
  if (line.cost === null) return null
  if (line.unit_price !== undefined) return Number(line.unit_price)
  const billable = Number(line.billable_quantity)
  return billable > 0 ? Number(line.cost) / billable : null
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
