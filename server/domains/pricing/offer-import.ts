import { Decimal } from 'decimal.js'
import { type Catalog, dropNotOffered, type PriceEntry, type PriceTier } from './catalog.js'
import { SERVICE_LIST } from './services/registry.js'
import type { PriceListRule } from './services/service-descriptor.js'

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
  }
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
    let missing = false
    const usageType = rule.usageType
      .replace('$1', match[1] ?? '')
      .replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = attributes[name]
        if (value === undefined || value === '') missing = true
        return value ?? ''
      })
    if (missing) continue
    return { usageType, unit: rule.unit }
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

/** Whether a product of an offer maps to one of our usage types (so an importer must keep it). */
export function productMapsToCatalog(offerCode: string, attributes: Record<string, string>): boolean {
  return mapProduct(offerCode || (attributes.servicecode ?? ''), attributes) !== undefined
}

function matchesRequirements(attributes: Record<string, string>, requires: PriceListRule['requires']) {
  return Object.entries(requires ?? {}).every(([key, value]) => {
    const stated = attributes[key]
    return stated === undefined || (typeof value === 'string' ? stated === value : value.includes(stated))
  })
}

/**
 * Applies an AWS Price List offer file to a copy of the catalog: every on-demand product whose usage type
 * maps to one of ours (the descriptors' `priceList` rules) replaces that usage type's
 * price in the product's region, marked `price-list` with the offer's publication date, and drops any
 * `not_offered` claim covering it there (the price wins). Products that map to
 * nothing, or have no on-demand term, are counted as skipped. The input catalog is not modified. `source`
 * names where the file came from (default: the offer's whole-offer URL).
 */
export function importOfferFile(
  catalog: Catalog,
  offer: OfferFile,
  source?: { id: string; url: string },
): OfferImport {
  const next = structuredClone(catalog)
  const offerCode = offer.offerCode ?? ''
  const asOf = (offer.publicationDate ?? '').slice(0, 10)
  const sourceId = source?.id ?? `offer-${offerCode}`
  const updated: OfferUpdate[] = []
  const withdrawn: OfferImport['withdrawn_not_offered'] = []
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
    if (!next.regions[region]) next.regions[region] = { name: attributes.location ?? region }
    const regionPrices = next.prices[region] ?? {}
    next.prices[region] = regionPrices
    const previous = regionPrices[mapping.usageType]
    const entry: PriceEntry = {
      unit: mapping.unit,
      per: '1',
      tiers,
      source: sourceId,
      confidence: 'price-list',
      as_of: asOf,
      note: `AWS Price List ${offerCode} ${attributes.usagetype} (SKU ${sku})`,
    }
    regionPrices[mapping.usageType] = entry
    for (const pattern of dropNotOffered(next, region, mapping.usageType)) {
      withdrawn.push({ region, pattern, usage_type: mapping.usageType })
    }
    updated.push({
      region,
      usage_type: mapping.usageType,
      aws_usage_type: attributes.usagetype ?? '',
      sku,
      tiers,
      ...(previous ? { previous_tiers: previous.tiers, previous_per: previous.per } : {}),
    })
  }
  if (updated.length > 0) {
    next.meta.sources[sourceId] = {
      url:
        source?.url ??
        `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${offerCode}/current/index.json`,
      note: `Imported from an AWS Price List offer file published ${offer.publicationDate ?? 'on an unknown date'}.`,
    }
  }
  return { catalog: next, updated, skipped, withdrawn_not_offered: withdrawn }
}
