import { Decimal } from 'decimal.js'
import { type Catalog, findPrice, type PriceEntry, unitOfUsageType } from './catalog.js'
import { serviceOfUsageType } from './services/registry.js'

const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP })

/** Which prices a percentage rule touches; an absent field matches everything. */
export type RuleScope = { service?: string; usage_type?: string; region?: string }

/** A rule of a user's rate card (docs/rate-cards-and-snapshots.md). Figures are decimal strings. */
export type RateCardRule =
  | ({ kind: 'discount'; percent: string } & RuleScope)
  | ({ kind: 'markup'; percent: string } & RuleScope)
  | { kind: 'override'; usage_type: string; region?: string; price_per_unit: string }

export type RateCard = readonly RateCardRule[]

/** The source id an overridden price carries, so a row can be traced back to the rate card. */
export const RATE_CARD_SOURCE = 'rate-card'

function matches(rule: RuleScope, region: string, usageType: string): boolean {
  return (
    (rule.region === undefined || rule.region === region) &&
    (rule.usage_type === undefined || rule.usage_type === usageType) &&
    (rule.service === undefined || rule.service === serviceOfUsageType(usageType))
  )
}

/**
 * How specific a scope is: a usage type beats a service, which beats everything; a region breaks ties
 * between two otherwise equal scopes. Rate cards refuse two rules of a kind with the same scope, so the most
 * specific matching rule is always unique.
 */
export function specificity(rule: RuleScope): number {
  const target = rule.usage_type !== undefined ? 4 : rule.service !== undefined ? 2 : 0
  return target + (rule.region !== undefined ? 1 : 0)
}

function mostSpecific<R extends RuleScope>(rules: R[], region: string, usageType: string): R | undefined {
  let best: R | undefined
  for (const rule of rules) {
    if (!matches(rule, region, usageType)) continue
    if (!best || specificity(rule) > specificity(best)) best = rule
  }
  return best
}

/** The rules of a card that can touch a price in `region` (those of other regions cannot). */
export function rulesForRegion(card: RateCard, region: string): RateCardRule[] {
  return card.filter((rule) => rule.region === undefined || rule.region === region)
}

export type PriceLookup = (region: string, usageType: string) => PriceEntry | undefined

/**
 * The price the cost engine charges for a usage type under a rate card:
 * 1. the most specific `override` (usage type in the region, else the usage type anywhere) replaces the
 *    catalog price, tiers included, with one flat price per unit; it can price a usage type the catalog has
 *    no price for in that region;
 * 2. the most specific `discount` multiplies every band's price by (1 − percent/100);
 * 3. the most specific `markup` then multiplies it by (1 + percent/100).
 * Discounts and markups never create a price: usage without one stays unpriced. Exact decimals throughout;
 * money is rounded only by the engine, per usage-type row.
 */
export function rateCardPrices(catalog: Catalog, card: RateCard): PriceLookup {
  const overrides = card.filter((r) => r.kind === 'override')
  const discounts = card.filter((r) => r.kind === 'discount')
  const markups = card.filter((r) => r.kind === 'markup')
  const memo = new Map<string, PriceEntry | undefined>()

  function compute(region: string, usageType: string): PriceEntry | undefined {
    const override = mostSpecific(overrides, region, usageType)
    const catalogPrice = findPrice(catalog, region, usageType)
    const unit = catalogPrice?.unit ?? unitOfUsageType(catalog, usageType)
    let price: PriceEntry | undefined =
      override && unit
        ? {
            unit,
            per: '1',
            tiers: [{ upto: null, price: override.price_per_unit }],
            source: RATE_CARD_SOURCE,
            confidence: 'official',
            as_of: catalogPrice?.as_of ?? catalog.meta.as_of,
          }
        : catalogPrice
    if (!price) return undefined
    const discount = mostSpecific(discounts, region, usageType)
    const markup = mostSpecific(markups, region, usageType)
    let factor = new Exact(1)
    if (discount) factor = factor.times(new Exact(100).minus(discount.percent).dividedBy(100))
    if (markup) factor = factor.times(new Exact(100).plus(markup.percent).dividedBy(100))
    if (!factor.equals(1)) {
      price = {
        ...price,
        tiers: price.tiers.map((tier) => ({ ...tier, price: factor.times(tier.price).toFixed() })),
      }
    }
    return price
  }

  return (region, usageType) => {
    const key = `${region}\u0000${usageType}`
    if (!memo.has(key)) memo.set(key, compute(region, usageType))
    return memo.get(key)
  }
}

function scopeText(rule: RuleScope): string {
  const target = rule.usage_type ?? rule.service ?? 'all services'
  return rule.region ? `${target} in ${rule.region}` : target
}

/** One human-readable line per rule, as costs answers and reports state it. */
export function describeRule(rule: RateCardRule, currency: string): string {
  switch (rule.kind) {
    case 'discount':
      return `Rate card: ${rule.percent}% discount on ${scopeText(rule)}`
    case 'markup':
      return `Rate card: ${rule.percent}% markup on ${scopeText(rule)}`
    case 'override':
      return `Rate card: ${scopeText(rule)} priced at ${rule.price_per_unit} ${currency} per unit (catalog price and tiers replaced)`
  }
}

export type AssumptionsInput = {
  snapshotId: string
  catalog: Catalog
  region: string
  includeFreeTier: boolean
  /** Free tier offers switched off by id, and whether the legacy 12-month offers apply. */
  freeTier?: { disabled?: readonly string[]; legacy12Month?: boolean }
  /** The owner's whole card, whether or not the scenario applies it. */
  card: RateCard
  /** The scenario opted out of its owner's rate card (`apply_rate_card: false`). */
  optedOut: boolean
  /** Shown to others at list prices (a share link): nothing of the owner's card, not even that it exists. */
  listPrices?: boolean
}

/**
 * What a costs answer assumed, in words: the snapshot, the free tier and each rate card rule that can touch a
 * price in the scenario's region. `rateCard` is what the engine must apply: those rules, or none when the
 * scenario opts out.
 */
export function pricingAssumptions(input: AssumptionsInput): {
  assumptions: string[]
  rateCard: RateCard
  rateCardApplied: boolean
} {
  const { catalog, region } = input
  const rules = rulesForRegion(input.card, region)
  const assumptions = [
    `Prices from snapshot ${input.snapshotId} (catalog as of ${catalog.meta.as_of}), ${catalog.meta.currency}, before tax`,
    input.includeFreeTier ? 'Always-free tier applied' : 'Free tier not applied',
  ]
  if (input.includeFreeTier && input.freeTier?.legacy12Month) {
    assumptions.push('Legacy 12-month free tier applied (accounts created before 15 July 2025)')
  }
  if (input.includeFreeTier && (input.freeTier?.disabled?.length ?? 0) > 0) {
    assumptions.push(`Free tier offers switched off: ${input.freeTier?.disabled?.join(', ')}`)
  }
  if (input.listPrices) {
    assumptions.push('AWS list prices: any rate card of the owner is left out')
    return { assumptions, rateCard: [], rateCardApplied: false }
  }
  if (rules.length === 0) {
    assumptions.push(`No rate card rule for ${region}: catalog prices`)
    return { assumptions, rateCard: [], rateCardApplied: false }
  }
  if (input.optedOut) {
    assumptions.push('Rate card not applied: this scenario opts out, catalog prices')
    return { assumptions, rateCard: [], rateCardApplied: false }
  }
  assumptions.push(...rules.map((rule) => describeRule(rule, catalog.meta.currency)))
  assumptions.push(
    'Rate card precedence: an override replaces the catalog price; the most specific discount, then markup, multiply it',
  )
  return { assumptions, rateCard: rules, rateCardApplied: true }
}
