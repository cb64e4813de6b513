import { Decimal } from 'decimal.js'
import {
  type Catalog,
  findNotOffered,
  findPrice,
  freeTierOfferId,
  type PriceEntry,
  unitOfUsageType,
} from './catalog.js'
import { ExactDecimal } from './exact-decimal.js'
import { type PriceLookup, type RateCard, rateCardPrices } from './rate-card-prices.js'
import { SERVICE_IDS, serviceOfUsageType } from './services/registry.js'

export { ExactDecimal }

const Exact = ExactDecimal

/** Money leaves the engine rounded half-up to 6 decimals, the precision promised by the API. */
const MONEY_DECIMALS = 6

/** Monthly usage by usage type (see docs/usage-types.md), in each usage type's price unit. */
export type UsageMap = Map<string, Decimal>

export type UsageInput = UsageMap | Record<string, Decimal | string | number>

export interface UsageTypeCost {
  usage_type: string
  quantity: string
  free_quantity: string
  billable_quantity: string
  unit: string
  /** Price per one unit, present when all the billable quantity fell in one price band. */
  unit_price?: string
  cost: string
}

export interface ServiceCost {
  service: string
  cost: string
  by_usage_type: UsageTypeCost[]
}

export interface UnpricedUsage {
  service: string
  usage_type: string
  quantity: string
  unit: string
  reason: string
}

export interface PricedUsage {
  total: string
  by_service: ServiceCost[]
  unpriced: UnpricedUsage[]
}

export interface PriceUsageInput {
  region: string
  usage: UsageInput
  includeFreeTier: boolean
  catalog: Catalog
  /** The owner's rate card (rate-card-prices.ts); absent or empty = catalog prices. */
  rateCard?: RateCard
  /** Which allowances apply when `includeFreeTier` is on (docs/pricing.md#free-tier-per-scenario). */
  freeTier?: FreeTierChoice
}

/** Per-scenario free tier: offers switched off by id, and AWS's legacy 12-month offers switched on. */
export interface FreeTierChoice {
  disabled?: readonly string[]
  legacy12Month?: boolean
}

/** A decimal as a plain string (never exponent notation), trailing zeros dropped. */
function toPlain(value: Decimal): string {
  return value.toFixed()
}

function toMoney(value: Decimal): Decimal {
  return value.toDecimalPlaces(MONEY_DECIMALS, Decimal.ROUND_HALF_UP)
}

/** Normalises any accepted usage shape to a map of non-negative decimals, dropping zero quantities. */
export function toUsageMap(usage: UsageInput): UsageMap {
  const entries = usage instanceof Map ? [...usage.entries()] : Object.entries(usage)
  const result: UsageMap = new Map()
  for (const [usageType, raw] of entries) {
    const quantity = new Exact(raw)
    if (quantity.isNegative() || !quantity.isFinite()) {
      throw new RangeError(
        `usage ${usageType} must be a finite non-negative quantity, got ${quantity.toString()}`,
      )
    }
    if (!quantity.isZero()) result.set(usageType, quantity)
  }
  return result
}

/** Sums usage maps usage type by usage type (observed minutes add up to a window). */
export function mergeUsage(...maps: UsageInput[]): UsageMap {
  const result: UsageMap = new Map()
  for (const map of maps) {
    for (const [usageType, quantity] of toUsageMap(map)) {
      result.set(usageType, (result.get(usageType) ?? new Exact(0)).plus(quantity))
    }
  }
  return result
}

/**
 * Multiplies every quantity by `factor`, e.g. 30 days / observed days to project observed usage to a
 * 30-day month. Scaling happens before pricing because tiers and the free tier apply to the month's total.
 */
export function scaleUsage(usage: UsageInput, factor: Decimal | string | number): UsageMap {
  const multiplier = new Exact(factor)
  if (multiplier.isNegative()) throw new RangeError('scale factor must be non-negative')
  const result: UsageMap = new Map()
  for (const [usageType, quantity] of toUsageMap(usage)) {
    const scaled = quantity.times(multiplier)
    if (!scaled.isZero()) result.set(usageType, scaled)
  }
  return result
}

/**
 * Free tier allocation. Each offer's allowance is handed out once per month, to its usage types in the order
 * the catalog lists them (the dearer usage type first: x86 before Arm, FIFO before Standard), skipping usage
 * types without a price in the region so an allowance is never spent on usage that is reported as unpriced.
 */
function allocateFreeTier(
  catalog: Catalog,
  region: string,
  usage: UsageMap,
  priceOf: PriceLookup,
  choice: FreeTierChoice = {},
): Map<string, Decimal> {
  const free = new Map<string, Decimal>()
  const disabled = new Set(choice.disabled ?? [])
  for (const [serviceId, service] of Object.entries(catalog.services)) {
    for (const offer of service.free_tier) {
      if (offer.legacy_12_month && !choice.legacy12Month) continue
      if (disabled.size > 0 && disabled.has(freeTierOfferId(serviceId, offer))) continue
      let remaining = new Exact(offer.quantity)
      for (const usageType of offer.usage_types) {
        const quantity = usage.get(usageType)
        if (remaining.isZero()) break
        if (!quantity || !priceOf(region, usageType)) continue
        const already = free.get(usageType) ?? new Exact(0)
        const take = Exact.min(remaining, quantity.minus(already))
        free.set(usageType, already.plus(take))
        remaining = remaining.minus(take)
      }
    }
  }
  return free
}

interface TierCharge {
  cost: Decimal
  /** Quantity charged at the sourced bands. */
  priced: Decimal
  /** Quantity above the last sourced band of an incomplete tier list. */
  beyond: Decimal
  /** The one unit price applied, when a single band covered the whole charged range. */
  unitPrice?: Decimal
}

/**
 * Graduated tiers: each band's rate applies only to the usage inside the band, and bands are counted over
 * the month's cumulative usage of this usage type, free units included. The free allowance therefore takes
 * the bottom of the first band, as AWS itself computes it ("10 TB tier: 10,239 GB (10×1024 – 1 free)" in the
 * S3 FAQ data-transfer example; "first 1 million requests free, 1 million–100 billion at $0.40" for SQS).
 */
function chargeTiers(price: PriceEntry, from: Decimal, to: Decimal): TierCharge {
  const per = new Exact(price.per)
  let cost = new Exact(0)
  let priced = new Exact(0)
  let lower = new Exact(0)
  const ratesUsed: Decimal[] = []
  for (const tier of price.tiers) {
    const upper = tier.upto === null ? null : new Exact(tier.upto)
    // Exact.min/max, not Decimal.min/max: those answer a 20-digit Decimal, and the band sums then round.
    const start = Exact.max(from, lower)
    const end = upper === null ? to : Exact.min(to, upper)
    if (end.greaterThan(start)) {
      const rate = new Exact(tier.price).dividedBy(per)
      const inBand = end.minus(start)
      cost = cost.plus(inBand.times(rate))
      priced = priced.plus(inBand)
      ratesUsed.push(rate)
    }
    if (upper === null || upper.greaterThanOrEqualTo(to)) break
    lower = upper
  }
  const billable = to.minus(from)
  const beyond = billable.minus(priced)
  const single = ratesUsed.length === 1 ? ratesUsed[0] : undefined
  return { cost, priced, beyond, ...(single ? { unitPrice: single } : {}) }
}

/** The price of a usage type in a region: the catalog's, adjusted by the rate card when there is one. */
function priceLookup(catalog: Catalog, rateCard: RateCard | undefined): PriceLookup {
  return rateCard && rateCard.length > 0
    ? rateCardPrices(catalog, rateCard)
    : (region, usageType) => findPrice(catalog, region, usageType)
}

/** Usage types without a price in a region, split by why (see priceGaps). */
export interface PriceGaps {
  /** AWS does not offer them in the region (the catalog's sourced `not_offered` claims). */
  not_offered: string[]
  /** Offered there, or not known to be absent, but the catalog has no price for them. */
  missing: string[]
}

/**
 * Which of `usageTypes` would be reported unpriced in `region` (a rate card's override is a price): the gaps a
 * line item's form warns about before the item is saved.
 */
export function priceGaps(
  catalog: Catalog,
  region: string,
  usageTypes: readonly string[],
  rateCard?: RateCard,
): PriceGaps {
  const priceOf = priceLookup(catalog, rateCard)
  const gaps: PriceGaps = { not_offered: [], missing: [] }
  for (const usageType of usageTypes) {
    if (priceOf(region, usageType)) continue
    if (findNotOffered(catalog, region, usageType)) gaps.not_offered.push(usageType)
    else gaps.missing.push(usageType)
  }
  return gaps
}

/**
 * Prices one month of usage in `region`. Rules (each documented in docs/pricing.md):
 * - a usage type without a price in the region is listed under `unpriced`, never charged $0, saying whether
 *   AWS does not offer it there (a sourced `not_offered` claim) or the catalog has no price for it;
 * - with `includeFreeTier`, the always-free allowances reduce billable quantity, once, never below zero;
 * - tiers are graduated over the month's total of each usage type;
 * - usage above the last band of an incomplete tier list is listed under `unpriced` for that excess;
 * - each row's cost is rounded half-up to 6 decimals; service and grand totals add the rounded rows;
 * - a rate card adjusts each price before any of this (override, then discount, then markup).
 */
export function priceUsage({
  region,
  usage,
  includeFreeTier,
  catalog,
  rateCard,
  freeTier,
}: PriceUsageInput): PricedUsage {
  const quantities = toUsageMap(usage)
  const priceOf = priceLookup(catalog, rateCard)
  const free = includeFreeTier
    ? allocateFreeTier(catalog, region, quantities, priceOf, freeTier)
    : new Map<string, Decimal>()
  const rowsByService = new Map<string, UsageTypeCost[]>()
  const costByService = new Map<string, Decimal>()
  const unpriced: UnpricedUsage[] = []

  for (const usageType of [...quantities.keys()].sort()) {
    const quantity = quantities.get(usageType) as Decimal
    const service = serviceOfUsageType(usageType)
    const price = priceOf(region, usageType)
    const unit = price?.unit ?? unitOfUsageType(catalog, usageType) ?? 'units'
    if (!price) {
      unpriced.push({
        service,
        usage_type: usageType,
        quantity: toPlain(quantity),
        unit,
        reason: unpricedReason(catalog, region, usageType),
      })
      continue
    }
    const freeQuantity = free.get(usageType) ?? new Exact(0)
    const charge = chargeTiers(price, freeQuantity, quantity)
    if (charge.beyond.greaterThan(0)) {
      const lastBound = price.tiers.at(-1)?.upto ?? '0'
      unpriced.push({
        service,
        usage_type: usageType,
        quantity: toPlain(charge.beyond),
        unit,
        reason: `usage above ${lastBound} ${unit} exceeds the price bands sourced for ${region}`,
      })
    }
    const cost = toMoney(charge.cost)
    const row: UsageTypeCost = {
      usage_type: usageType,
      quantity: toPlain(quantity),
      free_quantity: toPlain(freeQuantity),
      billable_quantity: toPlain(charge.priced),
      unit,
      ...(charge.unitPrice ? { unit_price: toPlain(charge.unitPrice) } : {}),
      cost: toPlain(cost),
    }
    rowsByService.set(service, [...(rowsByService.get(service) ?? []), row])
    costByService.set(service, (costByService.get(service) ?? new Exact(0)).plus(cost))
  }

  const serviceOrder = [...rowsByService.keys()].sort(compareServices)
  const byService = serviceOrder.map((service) => ({
    service,
    cost: toPlain(costByService.get(service) as Decimal),
    by_usage_type: rowsByService.get(service) as UsageTypeCost[],
  }))
  const total = [...costByService.values()].reduce((sum, cost) => sum.plus(cost), new Exact(0))
  unpriced.sort((a, b) => compareServices(a.service, b.service) || a.usage_type.localeCompare(b.usage_type))
  return { total: toPlain(total), by_service: byService, unpriced }
}

/**
 * Why usage has no price: AWS does not offer it in the region (the catalog's sourced claim, with its page),
 * the catalog has no price for it there, or it is no usage type the catalog knows.
 */
export function unpricedReason(catalog: Catalog, region: string, usageType: string): string {
  if (unitOfUsageType(catalog, usageType) === undefined) return `${usageType} is not a known usage type`
  const claim = findNotOffered(catalog, region, usageType)
  if (!claim) return `the catalog has no price for ${usageType} in ${region}`
  const url = catalog.meta.sources[claim.source]?.url ?? claim.source
  return `AWS does not offer ${usageType} in ${region} (${url}, as of ${claim.as_of})`
}

/** Known services in SERVICE_IDS order, unknown ones after them alphabetically. */
function compareServices(a: string, b: string): number {
  const rank = (service: string) => {
    const index = (SERVICE_IDS as readonly string[]).indexOf(service)
    return index === -1 ? SERVICE_IDS.length : index
  }
  return rank(a) - rank(b) || a.localeCompare(b)
}
