import { Decimal } from 'decimal.js'
import { type Catalog, dropNotOffered, type PriceEntry, type PriceTier } from './catalog.js'
import { SERVICE_LIST } from './services/registry.js'
import {
  type PriceListRule,
  type PurchaseOption,
  SAVINGS_PLAN_UPFRONT_SHARE,
} from './services/service-descriptor.js'

/** The parts of an AWS Price List offer file (the public bulk JSON format) the import reads. */
export interface OfferFile {
  offerCode?: string
  publicationDate?: string
  products: Record<string, { sku?: string; attributes?: Record<string, string> }>
  terms?: {
    OnDemand?: Record<
      string,
      Record<
        string,
        {
          priceDimensions: Record<
            string,
            { beginRange?: string; endRange?: string; unit?: string; pricePerUnit?: { USD?: string } }
          >
        }
      >
    >
    Reserved?: Record<string, Record<string, ReservedTerm>>
  }
}

/** One Reserved Instance offer of a product: its hourly (`Hrs`) and upfront (`Quantity`) fees and its terms. */
export interface ReservedTerm {
  priceDimensions: Record<string, { unit?: string; pricePerUnit?: { USD?: string } }>
  termAttributes?: { LeaseContractLength?: string; OfferingClass?: string; PurchaseOption?: string }
}

export interface OfferUpdate {
  region: string
  usage_type: string
  aws_usage_type: string
  sku: string
  tiers: PriceTier[]
  previous_tiers?: PriceTier[]
  /** The previous price was charged per this many units (imported prices are per one). */
  previous_per?: string
}

export interface OfferImport {
  catalog: Catalog
  updated: OfferUpdate[]
  skipped: number
  /**
   * `not_offered` claims dropped because the file prices a usage type they cover in their region: AWS
   * publishing a price there is evidence of an offer, so the price wins and the claim goes.
   */
  withdrawn_not_offered: { region: string; pattern: string; usage_type: string }[]
}

interface Mapping {
  usageType: string
  unit: string
  rule: PriceListRule
  /** Fills a commitment template of the rule (`{class}`, `{term}`, `{payment}`, `{plan}`) for this product. */
  expand(template: string, commitment: Record<string, string>): string | undefined
}

/**
 * Region prefix of a usage type: letters and a digit (`USE1-`, `APS1-`, `EUC1-`), `EU-` (eu-west-1), or the region
 * code itself (KMS: `ap-southeast-1-KMS-Keys`); us-east-1 products often carry none. Other leading capitals are
 * part of the usage type (DynamoDB `IA-`, Glue `ETL-`, KMS `KMS-`), so they are kept.
 */
const REGION_PREFIX = /^(?:[A-Z]{2,4}\d|EU|[a-z]{2}(?:-gov)?-[a-z]+-\d+)-/

/** Every descriptor's Price List rules, by offer code. */
const rulesByOffer = new Map<string, PriceListRule[]>()
for (const rule of SERVICE_LIST.flatMap((service) => service.priceList)) {
  rulesByOffer.set(rule.offerCode, [...(rulesByOffer.get(rule.offerCode) ?? []), rule])
}

/**
 * A product (its `usagetype`, region prefix removed, and its other attributes) mapped to our usage type by the
 * first of the offer's rules whose pattern matches and whose `requires` the product meets, so several rules
 * may share one AWS usage type and be told apart by attributes (RDS engines, ELB load balancer kinds).
 * `usageType` takes the first capture for `$1` and a product attribute for `{attribute}`; a rule naming an
 * attribute the product lacks does not match.
 */
function mapProduct(offerCode: string, attributes: Record<string, string>): Mapping | undefined {
  const bare = (attributes.usagetype ?? '').replace(REGION_PREFIX, '')
  for (const rule of rulesByOffer.get(offerCode) ?? []) {
    const match = rule.awsUsageType.exec(bare)
    if (!match || !matchesRequirements(attributes, rule.requires)) continue
    const fill = (template: string, commitment: Record<string, string> = {}) => {
      let missing = false
      const filled = template.replace('$1', match[1] ?? '').replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = commitment[name] ?? attributes[name]
        if (value === undefined || value === '') missing = true
        return value ?? ''
      })
      return missing ? undefined : filled
    }
    const usageType = fill(rule.usageType)
    if (usageType === undefined) continue
    return { usageType, unit: rule.unit, rule, expand: fill }
  }
  return undefined
}

function plain(value: string): string {
  return new Decimal(value).toFixed()
}

/**
 * Offer files publish each free allowance as a $0 first band ("0–1,000,000 requests at $0"). The catalog
 * models the free tier separately so that it can be switched off, so that band takes the next band's price.
 */
function tiersFromDimensions(
  dimensions: { beginRange?: string; endRange?: string; pricePerUnit?: { USD?: string } }[],
): PriceTier[] {
  const bands = dimensions
    .filter((dimension) => dimension.pricePerUnit?.USD !== undefined)
    .sort((a, b) => new Decimal(a.beginRange ?? '0').comparedTo(new Decimal(b.beginRange ?? '0')))
    .map((dimension) => ({
      upto:
        dimension.endRange === undefined || dimension.endRange === 'Inf' ? null : plain(dimension.endRange),
      price: plain(dimension.pricePerUnit?.USD ?? '0'),
    }))
  const [first, second] = bands
  if (first && second && new Decimal(first.price).isZero()) return bands.slice(1)
  return bands
}

/**
 * Whether a product of an offer maps to one of our usage types (so an importer must keep it), and whether its
 * rule maps its Reserved terms too (so a reader keeps those).
 */
export function productMapping(
  offerCode: string,
  attributes: Record<string, string>,
): { reserved: boolean } | undefined {
  const mapping = mapProduct(offerCode || (attributes.servicecode ?? ''), attributes)
  return mapping && { reserved: mapping.rule.reserved !== undefined }
}

function matchesRequirements(attributes: Record<string, string>, requires: PriceListRule['requires']) {
  return Object.entries(requires ?? {}).every(([key, value]) => {
    const stated = attributes[key]
    return stated === undefined || (typeof value === 'string' ? stated === value : value.includes(stated))
  })
}

/** What one import writes into a copy of the catalog, and what it reports. */
class CatalogWriter {
  readonly next: Catalog
  readonly updated: OfferUpdate[] = []
  readonly withdrawn: OfferImport['withdrawn_not_offered'] = []

  constructor(catalog: Catalog) {
    this.next = structuredClone(catalog)
  }

  /** Sets a usage type's price in a region; the price wins over any `not_offered` claim covering it there. */
  set(region: string, usageType: string, entry: PriceEntry, from: { sku: string; awsUsageType: string }) {
    const regionPrices = this.next.prices[region] ?? {}
    this.next.prices[region] = regionPrices
    const previous = regionPrices[usageType]
    regionPrices[usageType] = entry
    for (const pattern of dropNotOffered(this.next, region, usageType)) {
      this.withdrawn.push({ region, pattern, usage_type: usageType })
    }
    this.updated.push({
      region,
      usage_type: usageType,
      aws_usage_type: from.awsUsageType,
      sku: from.sku,
      tiers: entry.tiers,
      ...(previous ? { previous_tiers: previous.tiers, previous_per: previous.per } : {}),
    })
  }

  source(id: string, url: string, note: string) {
    if (this.updated.length > 0) this.next.meta.sources[id] = { url, note }
  }
}

const flat = (price: string): PriceTier[] => [{ upto: null, price: plain(price) }]

/** A commitment's length and payment as our usage types spell them; undefined for offers we do not model. */
function commitmentOf(length: string | undefined, purchaseOption: string | undefined) {
  const term = /^([13])\s*yr$/i.exec(length ?? '')?.[1]
  const payment = {
    'No Upfront': 'no_upfront',
    'Partial Upfront': 'partial_upfront',
    'All Upfront': 'all_upfront',
  }[purchaseOption ?? '']
  return term && payment ? { term: `${term}y`, payment } : undefined
}

/**
 * A product's Reserved Instance terms: the hourly fee of each term (`Hrs`, 0 with All Upfront) and, for
 * Partial and All Upfront, the upfront fee per reservation (`Quantity`), under the rule's `reserved` templates.
 */
function importReserved(
  writer: CatalogWriter,
  region: string,
  mapping: Mapping,
  terms: Record<string, ReservedTerm>,
  context: { sku: string; awsUsageType: string; offerCode: string; sourceId: string; asOf: string },
) {
  const templates = mapping.rule.reserved
  if (!templates) return
  for (const term of Object.values(terms)) {
    const attributes = term.termAttributes ?? {}
    const commitment = commitmentOf(attributes.LeaseContractLength, attributes.PurchaseOption)
    if (!commitment) continue
    const offer = { ...commitment, class: (attributes.OfferingClass ?? '').toLowerCase() }
    const dimensions = Object.values(term.priceDimensions)
    const hourly = dimensions.find((d) => d.unit === 'Hrs')?.pricePerUnit?.USD
    const upfront = dimensions.find((d) => d.unit === 'Quantity')?.pricePerUnit?.USD
    const hourlyType = mapping.expand(templates.hourly, offer)
    const upfrontType = mapping.expand(templates.upfront, offer)
    if (hourly === undefined || !hourlyType || !upfrontType) continue
    if (offer.payment !== 'no_upfront' && upfront === undefined) continue
    const note = `AWS Price List ${context.offerCode} ${context.awsUsageType} (SKU ${context.sku}), Reserved ${attributes.LeaseContractLength} ${attributes.OfferingClass ?? ''} ${attributes.PurchaseOption}`
    const entry = (unit: string, price: string, what: string): PriceEntry => ({
      unit,
      per: '1',
      tiers: flat(price),
      source: context.sourceId,
      confidence: 'price-list',
      as_of: context.asOf,
      note: `${note}: ${what}`,
    })
    writer.set(region, hourlyType, entry(mapping.unit, hourly, 'hourly fee'), context)
    if (offer.payment !== 'no_upfront' && upfront !== undefined) {
      writer.set(region, upfrontType, entry('reservations', upfront, 'upfront fee per reservation'), context)
    }
  }
}

/**
 * Applies an AWS Price List offer file to a copy of the catalog: every on-demand product whose usage type
 * maps to one of ours (the descriptors' `priceList` rules) replaces that usage type's
 * price in the product's region, marked `price-list` with the offer's publication date, and drops any
 * `not_offered` claim covering it there (the price wins). A mapped product's Reserved terms go where its
 * rule's `reserved` templates say. Products that map to nothing, or have no on-demand term, are counted as
 * skipped. The input catalog is not modified. `source` names where the file came from (default: the offer's
 * whole-offer URL).
 */
export function importOfferFile(
  catalog: Catalog,
  offer: OfferFile,
  source?: { id: string; url: string },
): OfferImport {
  const writer = new CatalogWriter(catalog)
  const offerCode = offer.offerCode ?? ''
  const asOf = (offer.publicationDate ?? '').slice(0, 10)
  const sourceId = source?.id ?? `offer-${offerCode}`
  let skipped = 0

  for (const sku of Object.keys(offer.products).sort()) {
    const attributes = offer.products[sku]?.attributes ?? {}
    const region = attributes.regionCode
    const mapping = mapProduct(offerCode || (attributes.servicecode ?? ''), attributes)
    const terms = offer.terms?.OnDemand?.[sku]
    if (!region || !mapping || !terms) {
      skipped += 1
      continue
    }
    const dimensions = Object.values(terms).flatMap((term) => Object.values(term.priceDimensions))
    const tiers = tiersFromDimensions(dimensions)
    if (tiers.length === 0) {
      skipped += 1
      continue
    }
    if (!writer.next.regions[region]) writer.next.regions[region] = { name: attributes.location ?? region }
    const from = { sku, awsUsageType: attributes.usagetype ?? '' }
    writer.set(
      region,
      mapping.usageType,
      {
        unit: mapping.unit,
        per: '1',
        tiers,
        source: sourceId,
        confidence: 'price-list',
        as_of: asOf,
        note: `AWS Price List ${offerCode} ${attributes.usagetype} (SKU ${sku})`,
      },
      from,
    )
    const reserved = offer.terms?.Reserved?.[sku]
    if (reserved) importReserved(writer, region, mapping, reserved, { ...from, offerCode, sourceId, asOf })
  }
  writer.source(
    sourceId,
    source?.url ?? `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${offerCode}/current/index.json`,
    `Imported from an AWS Price List offer file published ${offer.publicationDate ?? 'on an unknown date'}.`,
  )
  return { catalog: writer.next, updated: writer.updated, skipped, withdrawn_not_offered: writer.withdrawn }
}

/** One rate of a Savings Plans file: the plan it belongs to, the usage it discounts and its price per unit. */
export interface SavingsPlanRate {
  plan: 'compute' | 'ec2_instance'
  /** The plan's length and payment as AWS states them: `1yr`, `No Upfront`. */
  length: string
  purchaseOption: string
  serviceCode: string
  usageType: string
  operation: string
  sku: string
  price: string
}

/** Hours a Savings Plan's commitment runs: AWS counts 8,760 a year. */
const TERM_HOURS: Record<string, number> = { '1y': 8760, '3y': 26280 }

const isPayment = (payment: string): payment is PurchaseOption['payment'] =>
  payment in SAVINGS_PLAN_UPFRONT_SHARE

/**
 * Applies the rates of one region's Savings Plans file to a copy of the catalog, under the `savingsPlans`
 * templates of the rules the discounted usage type and operation map to. A rate is what a unit of covered
 * usage costs under the plan. A `rate` template keeps it whole (the comparison splits it); an hourly/upfront
 * pair (EC2 instances) splits it as the AWS Pricing Calculator does: No Upfront bills it every hour, All
 * Upfront pays rate × term hours upfront per instance, Partial Upfront half of that upfront and half hourly.
 */
export function importSavingsPlansRates(
  catalog: Catalog,
  file: { region: string; publicationDate: string; rates: SavingsPlanRate[] },
  source: { id: string; url: string },
): OfferImport {
  const writer = new CatalogWriter(catalog)
  const asOf = file.publicationDate.slice(0, 10)
  let skipped = 0
  for (const rate of file.rates) {
    const mapping = mapProduct(rate.serviceCode, { usagetype: rate.usageType, operation: rate.operation })
    const templates = mapping?.rule.savingsPlans
    const commitment = commitmentOf(rate.length, rate.purchaseOption)
    if (!mapping || !templates || !commitment) {
      skipped += 1
      continue
    }
    const offer = { ...commitment, plan: rate.plan }
    const perHour = new Decimal(rate.price)
    const note = `AWS Price List ${source.id}: ${rate.plan === 'compute' ? 'Compute' : 'EC2 Instance'} Savings Plan ${rate.length} ${rate.purchaseOption}, ${rate.price} per unit of ${rate.usageType} ${rate.operation}`
    const entry = (unit: string, price: Decimal, what: string): PriceEntry => ({
      unit,
      per: '1',
      tiers: flat(price.toFixed()),
      source: source.id,
      confidence: 'price-list',
      as_of: asOf,
      note: `${note}; ${what}`,
    })
    const from = { sku: rate.sku, awsUsageType: rate.usageType }
    if ('rate' in templates) {
      const rateType = mapping.expand(templates.rate, offer)
      if (!rateType) skipped += 1
      else writer.set(file.region, rateType, entry(mapping.unit, perHour, 'the whole rate per unit'), from)
      continue
    }
    const hourlyType = mapping.expand(templates.hourly, offer)
    const upfrontType = mapping.expand(templates.upfront, offer)
    if (!hourlyType || !upfrontType || !isPayment(commitment.payment)) {
      skipped += 1
      continue
    }
    const upfrontShare = SAVINGS_PLAN_UPFRONT_SHARE[commitment.payment]
    writer.set(
      file.region,
      hourlyType,
      entry(mapping.unit, perHour.times(1 - upfrontShare), 'billed hourly'),
      from,
    )
    if (upfrontShare > 0) {
      const upfront = perHour.times(TERM_HOURS[commitment.term] ?? 0).times(upfrontShare)
      writer.set(
        file.region,
        upfrontType,
        entry('reservations', upfront, 'paid upfront per instance covered'),
        from,
      )
    }
  }
  writer.source(source.id, source.url, `AWS Price List Savings Plans file published ${file.publicationDate}.`)
  return { catalog: writer.next, updated: writer.updated, skipped, withdrawn_not_offered: writer.withdrawn }
}
