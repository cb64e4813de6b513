import { Decimal } from 'decimal.js'
import { type Catalog, findPrice, type PriceEntry } from '../pricing/catalog.js'
import { ExactDecimal, type PricedUsage, type UsageMap, type UsageTypeCost } from '../pricing/cost-engine.js'
import { validateLineItem } from '../pricing/line-items.js'
import { SERVICES, type ServiceId } from '../pricing/services/registry.js'
import {
  type CoveredUsage,
  type HeldInstances,
  type PurchaseOption,
  SAVINGS_PLAN_UPFRONT_SHARE,
  type ServiceDescriptor,
} from '../pricing/services/service-descriptor.js'
import type * as repo from './scenarios.repo.js'
import type { PurchaseOptionsQuery, PurchaseOptionsResponse } from './scenarios.schemas.js'

/** A reservation bills every hour of the month, counted as AWS's calculator counts a month. */
const HOURS_PER_MONTH = 730

const money = (value: Decimal) => value.toDecimalPlaces(6, Decimal.ROUND_HALF_UP)
const plain = (value: Decimal) => money(value).toFixed()

const LABELS: Record<PurchaseOption['commitment'], string> = {
  reserved_instances: 'Reserved Instances',
  compute_savings_plan: 'a Compute Savings Plan',
  ec2_instance_savings_plan: 'an EC2 Instance Savings Plan',
  spot: 'Spot',
}

export function purchaseOptionOf(query: PurchaseOptionsQuery): PurchaseOption {
  return {
    commitment: query.commitment,
    term: query.term ?? '1y',
    payment: query.payment ?? 'no_upfront',
    offeringClass: query.offering_class ?? 'standard',
  }
}

interface Totals {
  onDemand: Decimal
  upfront: Decimal
  monthly: Decimal
}

/**
 * Money over `months` months from the start: on demand, every month at the on-demand monthly cost; under the
 * option, the upfront fee at the start of each term begun (a 1-year term renews at the same rates) plus the
 * monthly fees.
 */
function horizon(totals: Totals, termMonths: number | null, months: number) {
  const terms = termMonths === null ? 0 : Math.ceil(months / termMonths)
  const onDemand = totals.onDemand.times(months)
  const withOption = totals.upfront.times(terms).plus(totals.monthly.times(months))
  return {
    on_demand: plain(onDemand),
    with_option: plain(withOption),
    savings: plain(onDemand.minus(withOption)),
  }
}

function figures(totals: Totals, termMonths: number | null) {
  const effective =
    termMonths === null ? totals.monthly : totals.monthly.plus(totals.upfront.dividedBy(termMonths))
  return {
    on_demand_monthly: plain(totals.onDemand),
    upfront: plain(totals.upfront),
    monthly: plain(totals.monthly),
    effective_monthly: plain(effective),
    total_12_months: horizon(totals, termMonths, 12),
    total_36_months: horizon(totals, termMonths, 36),
  }
}

type Priced = { totals: Totals; offerTypes: string[] } | { missing: string }

const rateOf = (entry: PriceEntry) => new ExactDecimal(entry.tiers[0]?.price ?? '0').dividedBy(entry.per)

/**
 * Reservations (or a plan sized to whole instances) held every hour of the month: the hourly fee for 730 hours and
 * the upfront fee per reservation; hours above 730 (a 31-day month) run on demand.
 */
function instanceTotals(
  catalog: Catalog,
  region: string,
  option: PurchaseOption,
  offer: { hourly: string; upfront: string },
  held: HeldInstances,
  onDemand: Decimal,
): Priced {
  const hourly = findPrice(catalog, region, offer.hourly)
  if (!hourly) return { missing: offer.hourly }
  const upfront = option.payment === 'no_upfront' ? undefined : findPrice(catalog, region, offer.upfront)
  if (option.payment !== 'no_upfront' && !upfront) return { missing: offer.upfront }
  const instances = new ExactDecimal(held.instances)
  const overflowHours = Decimal.max(0, new ExactDecimal(held.hours).minus(HOURS_PER_MONTH))
  const overflow = onDemand.times(overflowHours).dividedBy(held.hours)
  return {
    totals: {
      onDemand,
      upfront: upfront ? instances.times(rateOf(upfront)) : new ExactDecimal(0),
      monthly: instances.times(HOURS_PER_MONTH).times(rateOf(hourly)).plus(overflow),
    },
    offerTypes: upfront ? [offer.hourly, offer.upfront] : [offer.hourly],
  }
}

/** One entry of the usage an option replaces, with the plan's rate for it when the option is a plan per unit. */
type Replaced = CoveredUsage & { rate?: string }

/**
 * A plan sized to the item's billable usage (after the free tier), unit by unit at the plan's rates (Fargate's
 * vCPU-hours and GB-hours, Lambda's GB-seconds). The plan commits a rate per hour for every hour of the month, so
 * usage that runs only some hours (`hours`: Fargate tasks, provisioned concurrency) needs its per-hour amount
 * committed all 730 hours; usage spread over the month (invocations) commits billable × rate. Hours above 730 (a
 * 31-day month) run on demand. Of the commitment, the upfront share is paid for the whole term at its start.
 */
function unitTotals(
  catalog: Catalog,
  region: string,
  option: PurchaseOption,
  replaced: readonly Replaced[],
  rows: readonly UsageTypeCost[],
  onDemand: Decimal,
): Priced {
  let commitment = new ExactDecimal(0)
  let overflow = new ExactDecimal(0)
  for (const [i, { rate, hours }] of replaced.entries()) {
    const row = rows[i]
    if (!rate || !row)
      throw new Error(`no plan rate named for ${replaced[i]?.usageType}: one rate per usage entry`)
    const entry = findPrice(catalog, region, rate)
    if (!entry) return { missing: rate }
    const billable = new ExactDecimal(row.billable_quantity)
    const perHour = hours === undefined ? billable.dividedBy(HOURS_PER_MONTH) : billable.dividedBy(hours)
    commitment = commitment.plus(rateOf(entry).times(perHour).times(HOURS_PER_MONTH))
    const beyond = ExactDecimal.max(0, billable.minus(perHour.times(HOURS_PER_MONTH)))
    overflow = overflow.plus(beyond.times(row.unit_price ?? 0))
  }
  const share = SAVINGS_PLAN_UPFRONT_SHARE[option.payment]
  const termMonths = option.term === '1y' ? 12 : 36
  return {
    totals: {
      onDemand,
      upfront: commitment.times(share).times(termMonths),
      monthly: commitment.times(1 - share).plus(overflow),
    },
    offerTypes: replaced.map(({ rate }) => rate ?? ''),
  }
}

/**
 * The item's part of the scenario's priced usage of each usage type, in proportion to its quantity: the free tier
 * and price bands apply to the scenario's whole usage of a type, as AWS applies them to an account's, and each item
 * covering some of it gets that share of the billable quantity and of the on-demand cost. Undefined when the
 * scenario has no price for a usage type.
 */
function shareOfScenario(
  scenario: ScenarioUsage,
  replaced: readonly Replaced[],
): UsageTypeCost[] | undefined {
  const rows: UsageTypeCost[] = []
  for (const { usageType, quantity } of replaced) {
    const whole = scenario.get(usageType)
    if (!whole) return undefined
    const total = new ExactDecimal(whole.quantity)
    const own = new ExactDecimal(quantity)
    const share = total.isZero() ? new ExactDecimal(0) : ExactDecimal.min(1, own.dividedBy(total))
    const billable = new ExactDecimal(whole.billable_quantity).times(share).toDecimalPlaces(6)
    rows.push({
      usage_type: usageType,
      quantity: own.toFixed(),
      free_quantity: ExactDecimal.max(0, own.minus(billable)).toFixed(),
      billable_quantity: billable.toFixed(),
      unit: whole.unit,
      ...(whole.unit_price === undefined ? {} : { unit_price: whole.unit_price }),
      cost: new ExactDecimal(whole.cost).times(share).toFixed(),
    })
  }
  return rows
}

/** The scenario's whole modelled usage priced, by usage type (rows of usage types it has no price for left out). */
type ScenarioUsage = Map<string, UsageTypeCost>

interface Comparison {
  catalog: Catalog
  region: string
  scenario: ScenarioUsage
  option: PurchaseOption
  label: string
  spotShare: Decimal
}

type CoveredItem = Omit<PurchaseOptionsResponse['items'][number], keyof ReturnType<typeof figures>>
type ItemOutcome = { item: CoveredItem; totals: Totals } | { reason: string; missing?: string }

/**
 * One line item under the option: which offer applies (checked first, so the reason names the option), the usage
 * it replaces (entries without quantity dropped with their rates), that usage on demand, and the option's fees.
 */
function compareItem(item: repo.ItemRow, c: Comparison): ItemOutcome {
  const { catalog, region, option, label } = c
  const valid = validateLineItem(item.service, item.params, catalog)
  if (!valid.ok) return { reason: 'the line item is no longer valid' }
  const descriptor = SERVICES[item.service as ServiceId] as ServiceDescriptor
  const coverage = descriptor.commitments?.(valid.params as never)
  if (!coverage) return { reason: `${label}: not modelled for ${item.service} items` }
  const spot = option.commitment === 'spot'
  const offer = spot ? null : coverage.offer(option)
  if (spot && !coverage.spot) return { reason: `Spot does not apply to ${item.service} items` }
  if (offer === undefined) return { reason: `${label} does not cover ${item.service} items` }
  if (offer && 'uncovered' in offer) return { reason: `${label}: ${offer.uncovered}` }

  const usage = coverage.usage ?? [
    {
      usageType: coverage.usageType,
      quantity: (coverage.held?.instances ?? 0) * (coverage.held?.hours ?? 0),
    },
  ]
  const replaced: Replaced[] = usage
    .map((entry, i) => ({ ...entry, rate: offer && 'rates' in offer ? offer.rates[i] : undefined }))
    .filter(({ quantity }) => quantity > 0)
  if (replaced.length === 0)
    return { reason: coverage.held ? 'the item runs no hours' : `the item has no usage ${label} would cover` }
  const rows = shareOfScenario(c.scenario, replaced)
  if (!rows)
    return {
      reason: `no on-demand price for ${replaced.map(({ usageType }) => usageType).join(', ')} in ${region}`,
    }
  const onDemand = rows.reduce((sum, row) => sum.plus(row.cost), new ExactDecimal(0))

  let priced: Priced
  if (offer === null) {
    priced = {
      totals: { onDemand, upfront: new ExactDecimal(0), monthly: onDemand.times(c.spotShare) },
      offerTypes: [],
    }
  } else if ('rates' in offer) {
    if (rows.every((row) => row.billable_quantity === '0'))
      return { reason: `the free tier covers all the usage ${label} would` }
    // A plan's rate replaces one on-demand rate: the scenario's usage spread over price bands (Lambda above 6
    // billion GB-seconds a month on x86, 7.5 billion on Arm) has no single rate to compare it with.
    const banded = rows.find((row) => row.unit_price === undefined && row.billable_quantity !== '0')
    if (banded)
      return {
        reason: `${label}: the scenario's ${banded.usage_type} spans price bands, which mockupAWS does not combine with a plan`,
      }
    priced = unitTotals(catalog, region, option, replaced, rows, onDemand)
  } else {
    if (!coverage.held) throw new Error(`${item.service}: an hourly and upfront offer needs held instances`)
    priced = instanceTotals(catalog, region, option, offer, coverage.held, onDemand)
  }
  if ('missing' in priced)
    return { reason: `the catalog has no price for ${priced.missing} in ${region}`, missing: priced.missing }
  return {
    totals: priced.totals,
    item: {
      item_id: item.id,
      service: item.service,
      usage_type: replaced[0]?.usageType ?? coverage.usageType,
      alongside_usage_types: replaced.slice(1).map(({ usageType }) => usageType),
      offer_usage_types: priced.offerTypes,
      replaced_usage: rows.map(({ usage_type, billable_quantity, unit }) => ({
        usage_type,
        billable_quantity,
        unit,
      })),
      instances: coverage.held?.instances ?? null,
      hours_per_instance: coverage.held?.hours ?? null,
    },
  }
}

/**
 * Compares the scenario's line items on demand with one purchase option (docs/pricing.md#purchase-options):
 * for each item the option covers, the usage it replaces (instance-hours, or the usage a plan covers unit by
 * unit) on demand against the option's upfront and monthly fees, and the 12- and 36-month totals of both. Items
 * the option does not cover, or whose offer the catalog has no rate for, are listed in `not_covered` with the
 * reason, and stay on demand. An item's on-demand side is its share of the scenario's cost of each usage type it
 * replaces (the free tier and price bands apply to the scenario's whole usage, as AWS applies them to an account's).
 */
export function comparePurchaseOption(input: {
  items: repo.ItemRow[]
  catalog: Catalog
  region: string
  query: PurchaseOptionsQuery
  price: (usage: UsageMap) => PricedUsage
  /** The scenario's usage as the costs answer models it, summed over its items. */
  modelledUsage: UsageMap
}): Omit<PurchaseOptionsResponse, 'currency' | 'region' | 'pricing_as_of'> {
  const { items, catalog, region, query, price, modelledUsage } = input
  const modelled = price(modelledUsage)
  const unpriced = new Set(modelled.unpriced.map((row) => row.usage_type))
  const scenario: ScenarioUsage = new Map(
    modelled.by_service
      .flatMap((service) => service.by_usage_type)
      .filter((row) => !unpriced.has(row.usage_type))
      .map((row) => [row.usage_type, row]),
  )
  const option = purchaseOptionOf(query)
  const spot = option.commitment === 'spot'
  const termMonths = spot ? null : option.term === '1y' ? 12 : 36
  const comparison: Comparison = {
    catalog,
    region,
    scenario,
    option,
    label: LABELS[option.commitment],
    spotShare: new ExactDecimal(100).minus(String(query.spot_discount_pct ?? 0)).dividedBy(100),
  }
  const covered: PurchaseOptionsResponse['items'] = []
  const notCovered: PurchaseOptionsResponse['not_covered'] = []
  const sum: Totals = {
    onDemand: new ExactDecimal(0),
    upfront: new ExactDecimal(0),
    monthly: new ExactDecimal(0),
  }

  for (const item of items) {
    const outcome = compareItem(item, comparison)
    if ('reason' in outcome) {
      notCovered.push({
        item_id: item.id,
        service: item.service,
        reason: outcome.reason,
        missing_usage_type: outcome.missing ?? null,
      })
      continue
    }
    const totals = {
      onDemand: money(outcome.totals.onDemand),
      upfront: money(outcome.totals.upfront),
      monthly: money(outcome.totals.monthly),
    }
    sum.onDemand = sum.onDemand.plus(totals.onDemand)
    sum.upfront = sum.upfront.plus(totals.upfront)
    sum.monthly = sum.monthly.plus(totals.monthly)
    covered.push({ ...outcome.item, ...figures(totals, termMonths) })
  }

  return {
    option: {
      commitment: option.commitment,
      term: spot ? null : option.term,
      payment: spot ? null : option.payment,
      offering_class: option.commitment === 'reserved_instances' ? option.offeringClass : null,
      spot_discount_pct: spot ? (query.spot_discount_pct ?? 0) : null,
      term_months: termMonths,
    },
    items: covered,
    not_covered: notCovered,
    totals: figures(sum, termMonths),
    modelled_monthly: {
      on_demand: modelled.total,
      with_option: plain(new ExactDecimal(modelled.total).minus(sum.onDemand).plus(sum.monthly)),
    },
  }
}
