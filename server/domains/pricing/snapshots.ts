import { createHash } from 'node:crypto'
import { Decimal } from 'decimal.js'
import { type Catalog, findPrice, type PriceEntry } from './catalog.js'

const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP })

/**
 * The bundled catalog's snapshot id: its date plus the first 8 hex digits of the SHA-256 of its content, so
 * every instance running the same build names it the same way, and a changed catalog file gets a new id even
 * when its `as_of` was not moved.
 */
export function bundledSnapshotId(catalog: Catalog): string {
  const digest = createHash('sha256').update(JSON.stringify(catalog)).digest('hex')
  return `bundled-${catalog.meta.as_of}-${digest.slice(0, 8)}`
}

export type PriceChangeKind = 'added' | 'removed' | 'changed'

export type PriceChange = {
  region: string
  usage_type: string
  change: PriceChangeKind
  unit: string
  old: PriceEntry | null
  new: PriceEntry | null
  /** The first band's price per one unit (price / per), the figure most usage is charged at. */
  old_unit_price: string | null
  new_unit_price: string | null
  /** (new − old) / old × 100 of the first band's unit price, 2 decimals; null when either side is absent or 0. */
  percent_change: string | null
}

function firstBandUnitPrice(entry: PriceEntry): Decimal | undefined {
  const first = entry.tiers[0]
  return first ? new Exact(first.price).dividedBy(entry.per) : undefined
}

/**
 * Two prices are the same when they charge the same: unit, bands, the incomplete flag and each band's rate
 * per one unit, so "$0.40 per million" and "$0.0000004 per request" (an offer-file import) are one price.
 */
function samePrice(a: PriceEntry, b: PriceEntry): boolean {
  const rate = (entry: PriceEntry, i: number) => new Exact(entry.tiers[i]?.price ?? 0).dividedBy(entry.per)
  const sameBound = (x: string | null, y: string | null | undefined) =>
    x === null ? y === null : y !== null && y !== undefined && new Exact(x).equals(y)
  return (
    a.unit === b.unit &&
    Boolean(a.tiers_incomplete) === Boolean(b.tiers_incomplete) &&
    a.tiers.length === b.tiers.length &&
    a.tiers.every((tier, i) => sameBound(tier.upto, b.tiers[i]?.upto) && rate(a, i).equals(rate(b, i)))
  )
}

function percentChange(oldPrice: Decimal | undefined, newPrice: Decimal | undefined): string | null {
  if (!oldPrice || !newPrice || oldPrice.isZero()) return null
  return newPrice.minus(oldPrice).dividedBy(oldPrice).times(100).toDecimalPlaces(2).toFixed()
}

/**
 * What changed from one catalog to another, price by price: usage types priced only in `to` (added), only in
 * `from` (removed), or in both with different bands (changed). Source or date changes alone are not listed.
 * Sorted by region, then usage type.
 */
export function diffCatalogs(from: Catalog, to: Catalog): PriceChange[] {
  const changes: PriceChange[] = []
  const regions = [...new Set([...Object.keys(from.prices), ...Object.keys(to.prices)])].sort()
  for (const region of regions) {
    const usageTypes = new Set([
      ...Object.keys(from.prices[region] ?? {}),
      ...Object.keys(to.prices[region] ?? {}),
    ])
    for (const usageType of [...usageTypes].sort()) {
      const before = findPrice(from, region, usageType) ?? null
      const after = findPrice(to, region, usageType) ?? null
      if (before && after && samePrice(before, after)) continue
      const oldUnit = before ? firstBandUnitPrice(before) : undefined
      const newUnit = after ? firstBandUnitPrice(after) : undefined
      changes.push({
        region,
        usage_type: usageType,
        change: !before ? 'added' : !after ? 'removed' : 'changed',
        unit: (after ?? before)?.unit ?? 'units',
        old: before,
        new: after,
        old_unit_price: oldUnit?.toFixed() ?? null,
        new_unit_price: newUnit?.toFixed() ?? null,
        percent_change: percentChange(oldUnit, newUnit),
      })
    }
  }
  return changes
}
