import { Decimal } from 'decimal.js'
import type { Catalog, PriceEntry, PriceTier } from './catalog.js'

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
}

export interface OfferImport {
  catalog: Catalog
  updated: OfferUpdate[]
  skipped: number
}

interface Mapping {
  usageType: string
  unit: string
  /** Extra attribute values the product must have (EC2 lists Windows, dedicated and reserved boxes too). */
  requires?: Record<string, string>
}

/** Region prefix of a usage type: `USE1-`, `EU-`, `APS1-`...; us-east-1 products often carry none. */
const REGION_PREFIX = /^[A-Z]{2,4}\d?-/

const EC2_LINUX_SHARED = {
  operatingSystem: 'Linux',
  tenancy: 'Shared',
  preInstalledSw: 'NA',
  capacitystatus: 'Used',
}

/** AWS usage types (region prefix removed) mapped to ours, per offer code. */
function mapUsageType(offerCode: string, awsUsageType: string): Mapping | undefined {
  const bare = awsUsageType.replace(REGION_PREFIX, '')
  switch (offerCode) {
    case 'AWSLambda':
      if (bare === 'Request') return { usageType: 'lambda.requests', unit: 'requests' }
      if (bare === 'Lambda-GB-Second') return { usageType: 'lambda.gb_seconds.x86_64', unit: 'GB-seconds' }
      if (bare === 'Lambda-GB-Second-ARM') return { usageType: 'lambda.gb_seconds.arm64', unit: 'GB-seconds' }
      return undefined
    case 'AWSQueueService':
      if (bare === 'Requests-Tier1') return { usageType: 'sqs.requests.standard', unit: 'requests' }
      if (bare === 'Requests-FIFO-Tier1') return { usageType: 'sqs.requests.fifo', unit: 'requests' }
      return undefined
    case 'AmazonEC2':
      if (bare.startsWith('BoxUsage:')) {
        const instanceType = bare.slice('BoxUsage:'.length)
        return {
          usageType: `ec2.instance_hours.${instanceType}`,
          unit: 'instance-hours',
          requires: EC2_LINUX_SHARED,
        }
      }
      return undefined
    case 'AmazonCloudWatch':
      if (bare === 'DataProcessing-Bytes') return { usageType: 'cloudwatch_logs.ingested_gb', unit: 'GB' }
      if (bare === 'TimedStorage-ByteHrs')
        return { usageType: 'cloudwatch_logs.stored_gb_month', unit: 'GB-months' }
      return undefined
    case 'AWSDataTransfer':
      if (bare === 'DataTransfer-Out-Bytes') return { usageType: 'data_transfer.out_gb', unit: 'GB' }
      return undefined
    default:
      return undefined
  }
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

function matchesRequirements(
  attributes: Record<string, string>,
  requires: Record<string, string> | undefined,
) {
  return Object.entries(requires ?? {}).every(
    ([key, value]) => attributes[key] === undefined || attributes[key] === value,
  )
}

/**
 * Applies an AWS Price List offer file to a copy of the catalog: every on-demand product whose usage type
 * maps to one of ours (Lambda, SQS, EC2 Linux, CloudWatch Logs, data transfer out) replaces that usage type's
 * price in the product's region, marked `price-list` with the offer's publication date. Products that map to
 * nothing, or have no on-demand term, are counted as skipped. The input catalog is not modified.
 */
export function importOfferFile(catalog: Catalog, offer: OfferFile): OfferImport {
  const next = structuredClone(catalog)
  const offerCode = offer.offerCode ?? ''
  const asOf = (offer.publicationDate ?? '').slice(0, 10)
  const sourceId = `offer-${offerCode}`
  const updated: OfferUpdate[] = []
  let skipped = 0

  for (const sku of Object.keys(offer.products).sort()) {
    const attributes = offer.products[sku]?.attributes ?? {}
    const region = attributes.regionCode
    const mapping = mapUsageType(offerCode || (attributes.servicecode ?? ''), attributes.usagetype ?? '')
    const terms = offer.terms?.OnDemand?.[sku]
    if (!region || !mapping || !terms || !matchesRequirements(attributes, mapping.requires)) {
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
    updated.push({
      region,
      usage_type: mapping.usageType,
      aws_usage_type: attributes.usagetype ?? '',
      sku,
      tiers,
      ...(previous ? { previous_tiers: previous.tiers } : {}),
    })
  }
  if (updated.length > 0) {
    next.meta.sources[sourceId] = {
      url: `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${offerCode}/current/index.json`,
      note: `Imported from an AWS Price List offer file published ${offer.publicationDate ?? 'on an unknown date'}.`,
    }
  }
  return { catalog: next, updated, skipped }
}
