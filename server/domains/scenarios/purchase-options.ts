import { Decimal } from 'decimal.js'
import { type Catalog, findPrice, type PriceEntry } from '../pricing/catalog.js'
import { ExactDecimal, type PricedUsage, type UsageMap, type UsageTypeCost } from '../pricing/cost-engine.js'
import { validateLineItem } from '../pricing/line-items.js'
import { SERVICES, type ServiceId } from '../pricing/services/registry.js'
import {
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
  held: { instances: number; hours: number },
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

/**
 * A plan sized to the item's billable usage (after the free tier), unit by unit at the plan's rate (Fargate's
 * vCPU-hours and GB-hours, Lambda's GB-seconds): the month's commitment is billable usage × rate, of which the
 * upfront share is paid for the whole term at its start.
 */
function unitTotals(
  catalog: Catalog,
  region: string,
  option: PurchaseOption,
  rates: readonly string[],
  billable: readonly UsageTypeCost[],
  onDemand: Decimal,
): Priced {
  let commitment = new ExactDecimal(0)
  for (const [i, rateType] of rates.entries()) {
    const entry = findPrice(catalog, region, rateType)
    if (!entry) return { missing: rateType }
    commitment = commitment.plus(rateOf(entry).times(billable[i]?.billable_quantity ?? 0))
  }
  const share = SAVINGS_PLAN_UPFRONT_SHARE[option.payment]
  const termMonths = option.term === '1y' ? 12 : 36
  return {
    totals: {
      onDemand,
      upfront: commitment.times(share).times(termMonths),
      monthly: commitment.times(1 - share),
    },
    offerTypes: [...rates],
  }
}

function heldOrThrow(held: { instances: number; hours: number } | null, service: string) {
  if (!held) throw new Error(`${service}: an hourly and upfront offer needs instances and hours`)
  return held
}

/** The priced rows of `usage`, in its order (a usage type with no quantity has a zero row). */
function billableRows(block: PricedUsage, usage: readonly { usageType: string }[]): UsageTypeCost[] {
  const rows = new Map(block.by_service.flatMap((s) => s.by_usage_type).map((row) => [row.usage_type, row]))
  return usage.map(
    ({ usageType }) =>
      rows.get(usageType) ?? {
        usage_type: usageType,
        quantity: '0',
        free_quantity: '0',
        billable_quantity: '0',
        unit: '',
        cost: '0',
      },
  )
}

/**
 * Compares the scenario's line items on demand with one purchase option (docs/pricing.md#purchase-options):
 * for each item the option covers, its instance-hours on demand against the option's upfront and monthly
 * fees, and the 12- and 36-month totals of both. Items the option does not cover, or whose offer the catalog
 * has no rate for, are listed in `not_covered` with the reason, and stay on demand.
 */
export function comparePurchaseOption(input: {
  items: repo.ItemRow[]
  catalog: Catalog
  region: string
  query: PurchaseOptionsQuery
  price: (usage: UsageMap) => PricedUsage
  modelledTotal: string
}): Omit<PurchaseOptionsResponse, 'currency' | 'region' | 'pricing_as_of'> {
  const { items, catalog, region, query, price, modelledTotal } = input
  const option = purchaseOptionOf(query)
  const spot = option.commitment === 'spot'
  const termMonths = spot ? null : option.term === '1y' ? 12 : 36
  const spotShare = new ExactDecimal(100).minus(String(query.spot_discount_pct ?? 0)).dividedBy(100)
  const covered: PurchaseOptionsResponse['items'] = []
  const notCovered: PurchaseOptionsResponse['not_covered'] = []
  const sum: Totals = {
    onDemand: new ExactDecimal(0),
    upfront: new ExactDecimal(0),
    monthly: new ExactDecimal(0),
  }
  const label = LABELS[option.commitment]

  for (const item of items) {
    const skip = (reason: string, missing: string | null = null) =>
      notCovered.push({ item_id: item.id, service: item.service, reason, missing_usage_type: missing })
    const valid = validateLineItem(item.service, item.params, catalog)
    if (!valid.ok) {
      skip('the line item is no longer valid')
      continue
    }
    const descriptor = SERVICES[item.service as ServiceId] as ServiceDescriptor
    const coverage = descriptor.commitments?.(valid.params as never)
    if (!coverage) {
      skip(`${label}: not modelled for ${item.service} items`)
      continue
    }
    const held =
      coverage.instances !== null && coverage.hours !== null
        ? { instances: coverage.instances, hours: coverage.hours }
        : null
    const replaced = coverage.usage ?? [
      { usageType: coverage.usageType, quantity: (held?.instances ?? 0) * (held?.hours ?? 0) },
    ]
    if (replaced.every(({ quantity }) => quantity === 0)) {
      skip(held ? 'the item runs no hours' : `the item has no usage ${label} would cover`)
      continue
    }
    const onDemandBlock = price(
      new Map(replaced.map(({ usageType, quantity }) => [usageType, new ExactDecimal(quantity)])),
    )
    if (onDemandBlock.unpriced.length > 0) {
      const lacking = onDemandBlock.unpriced.map((row) => row.usage_type).join(', ')
      skip(`no on-demand price for ${lacking} in ${region}`)
      continue
    }
    const rows = billableRows(onDemandBlock, replaced)
    const onDemand = new ExactDecimal(onDemandBlock.total)
    let totals: Totals
    let offerTypes: string[] = []
    if (spot) {
      if (!coverage.spot) {
        skip(`Spot does not apply to ${item.service} items`)
        continue
      }
      totals = { onDemand, upfront: new ExactDecimal(0), monthly: onDemand.times(spotShare) }
    } else {
      const offer = coverage.offer(option)
      if (!offer) {
        skip(`${label} does not cover ${item.service} items`)
        continue
      }
      if ('uncovered' in offer) {
        skip(`${label}: ${offer.uncovered}`)
        continue
      }
      if ('rates' in offer && onDemand.isZero()) {
        skip(`the free tier covers all the usage ${label} would`)
        continue
      }
      // A plan's rate replaces one on-demand rate: usage spread over price bands (Lambda beyond 6 billion
      // GB-seconds a month) has no single rate to compare it with.
      const banded = rows.find((row) => row.unit_price === undefined && row.billable_quantity !== '0')
      if ('rates' in offer && banded) {
        skip(`${label}: ${banded.usage_type} spans price bands, which mockupAWS does not combine with a plan`)
        continue
      }
      const priced =
        'rates' in offer
          ? unitTotals(catalog, region, option, offer.rates, rows, onDemand)
          : instanceTotals(catalog, region, option, offer, heldOrThrow(held, item.service), onDemand)
      if ('missing' in priced) {
        skip(`the catalog has no price for ${priced.missing} in ${region}`, priced.missing)
        continue
      }
      totals = priced.totals
      offerTypes = priced.offerTypes
    }
    totals = {
      onDemand: money(totals.onDemand),
      upfront: money(totals.upfront),
      monthly: money(totals.monthly),
    }
    sum.onDemand = sum.onDemand.plus(totals.onDemand)
    sum.upfront = sum.upfront.plus(totals.upfront)
    sum.monthly = sum.monthly.plus(totals.monthly)
    covered.push({
      item_id: item.id,
      service: item.service,
      usage_type: coverage.usageType,
      alongside_usage_types: replaced.slice(1).map(({ usageType }) => usageType),
      offer_usage_types: offerTypes,
      replaced_usage: rows.map((row) => ({
        usage_type: row.usage_type,
        billable_quantity: row.billable_quantity,
        unit: row.unit,
      })),
      instances: held?.instances ?? null,
      hours_per_instance: held?.hours ?? null,
      ...figures(totals, termMonths),
    })
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
      on_demand: modelledTotal,
      with_option: plain(new ExactDecimal(modelledTotal).minus(sum.onDemand).plus(sum.monthly)),
    },
  }
}
