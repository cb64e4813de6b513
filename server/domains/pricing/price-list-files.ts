import { createReadStream } from 'node:fs'
import { JSONParser } from '@streamparser/json'
import { type OfferFile, productMapping, type ReservedTerm, type SavingsPlanRate } from './offer-import.js'

/** The parts of a regional offer file the catalog uses, read without holding the whole file. */
export interface RegionalOffer {
  offer: OfferFile
  /** Products in the file, mapped or not. */
  productCount: number
  /** Reserved Instance terms in the file, of any product. */
  reservedTermCount: number
}

/** A Savings Plans regional file: its rates that discount a usage type the catalog maps, and how many it has. */
export interface SavingsPlansOffer {
  publicationDate: string
  mapped: SavingsPlanRate[]
  rates: number
}

type Product = { sku?: string; attributes?: Record<string, string> }
type OnDemandTerms = NonNullable<NonNullable<OfferFile['terms']>['OnDemand']>[string]

/** Keys from the document's root to a value: `['products', 'SKU']`. */
type JsonPath = readonly (string | number)[]

/**
 * Streams a JSON file and hands each value found at one of `paths` (JSONPath: `$.products.*`) to `onValue` with
 * its path. Everything else is parsed and dropped, and a value handed over is not kept in its parent, so memory is
 * bounded by the values asked for, not by the file (EC2 files are gigabytes). A truncated or malformed file, or
 * one without any of `paths`, throws.
 */
async function readJsonValues(
  path: string,
  paths: string[],
  onValue: (path: JsonPath, value: unknown) => void,
): Promise<void> {
  const parser = new JSONParser({ paths, keepStack: false })
  let failure: Error | undefined
  parser.onError = (error) => {
    failure ??= error
  }
  let found = false
  parser.onValue = ({ value, key, stack }) => {
    found = true
    if (key !== undefined)
      onValue([...stack.slice(1).map((element) => element.key as string | number), key], value)
  }
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    parser.write(chunk as Buffer)
    if (failure) throw failure
  }
  if (!parser.isEnded) parser.end()
  if (failure) throw failure
  // An empty file parses as nothing at all; an offer file always has some of what is asked for.
  if (!found) throw new Error(`no value at ${paths.join(', ')}: not an offer file`)
}

/**
 * Reads an AWS Price List regional offer file (`.../<offer>/<version>/<region>/index.json`): its
 * `offerCode`, `version` and `publicationDate`, the products whose usage type maps to ours, their OnDemand
 * terms, and their Reserved terms where their rule maps those. Every other product and term is parsed and
 * dropped as soon as its product is known, so memory is bounded by the mapped products, not by the file (EC2
 * files are gigabytes). AWS lists products before terms; a term read before its product is held until the end.
 */
export async function readRegionalOffer(path: string): Promise<RegionalOffer> {
  const offer: OfferFile = { products: {}, terms: { OnDemand: {} } }
  const onDemand: Record<string, OnDemandTerms> = {}
  const reserved: Record<string, Record<string, ReservedTerm>> = {}
  const dropped = new Set<string>()
  const withReserved = new Set<string>()
  let productCount = 0
  let reservedTermCount = 0
  const sections = [
    '$.offerCode',
    '$.publicationDate',
    '$.products.*',
    '$.terms.OnDemand.*',
    '$.terms.Reserved.*',
  ]
  await readJsonValues(path, sections, (path, value) => {
    const [section, second, third] = path
    if (path.length === 1) {
      if (section === 'offerCode' && typeof value === 'string') offer.offerCode = value
      if (section === 'publicationDate' && typeof value === 'string') offer.publicationDate = value
      return
    }
    if (section === 'products') {
      productCount += 1
      const sku = String(second)
      const product = value as Product
      const mapping = productMapping(offer.offerCode ?? '', product.attributes ?? {})
      if (!mapping) dropped.add(sku)
      else {
        offer.products[sku] = product
        if (mapping.reserved) withReserved.add(sku)
      }
      return
    }
    const sku = String(third)
    if (second === 'OnDemand') {
      if (!dropped.has(sku)) onDemand[sku] = value as OnDemandTerms
      return
    }
    const terms = value as Record<string, ReservedTerm>
    reservedTermCount += Object.keys(terms).length
    if (withReserved.has(sku) || !(dropped.has(sku) || offer.products[sku])) reserved[sku] = terms
  })
  offer.terms = { OnDemand: {}, Reserved: {} }
  for (const sku of Object.keys(offer.products)) {
    const terms = onDemand[sku]
    if (terms && offer.terms.OnDemand) offer.terms.OnDemand[sku] = terms
    const leases = reserved[sku]
    if (leases && withReserved.has(sku) && offer.terms.Reserved) offer.terms.Reserved[sku] = leases
  }
  return { offer, productCount, reservedTermCount }
}

type SavingsPlanProduct = {
  sku?: string
  productFamily?: string
  attributes?: { purchaseOption?: string; purchaseTerm?: string }
}
type SavingsPlanTerm = {
  sku?: string
  rates?: {
    discountedSku?: string
    discountedServiceCode?: string
    discountedUsageType?: string
    discountedOperation?: string
    discountedRate?: { price?: string; currency?: string }
  }[]
}

/** The plans the catalog prices, by the product family AWS files them under. */
const PLAN_OF_FAMILY: Record<string, SavingsPlanRate['plan']> = {
  ComputeSavingsPlans: 'compute',
  EC2InstanceSavingsPlans: 'ec2_instance',
}

/**
 * Reads a Savings Plans regional file (`/savingsPlan/v1.0/aws/<plan>/<version>/<region>/index.json`):
 * `products` (one per plan, length and payment) and `terms.savingsPlan` (each plan's rates) are arrays there.
 * Keeps the USD rates that discount a usage type we map, with their plan's length and payment.
 */
export async function readSavingsPlansOffer(path: string): Promise<SavingsPlansOffer> {
  const result: SavingsPlansOffer = { publicationDate: '', mapped: [], rates: 0 }
  const plans = new Map<string, SavingsPlanProduct>()
  // Rates name their plan by SKU; they are matched to the plans once the whole file is read.
  const mapped: { planSku: string; rate: Omit<SavingsPlanRate, 'plan' | 'length' | 'purchaseOption'> }[] = []
  await readJsonValues(
    path,
    ['$.publicationDate', '$.products.*', '$.terms.savingsPlan.*'],
    (path, value) => {
      if (path.length === 1) {
        result.publicationDate = String(value)
        return
      }
      if (path[0] === 'products') {
        const product = value as SavingsPlanProduct
        if (product.sku) plans.set(product.sku, product)
        return
      }
      const term = value as SavingsPlanTerm
      for (const rate of term.rates ?? []) {
        result.rates += 1
        const attributes = {
          usagetype: rate.discountedUsageType ?? '',
          operation: rate.discountedOperation ?? '',
        }
        const price = rate.discountedRate?.price
        if (!price || (rate.discountedRate?.currency ?? 'USD') !== 'USD') continue
        if (!productMapping(rate.discountedServiceCode ?? '', attributes)) continue
        mapped.push({
          planSku: term.sku ?? '',
          rate: {
            serviceCode: rate.discountedServiceCode ?? '',
            usageType: attributes.usagetype,
            operation: attributes.operation,
            sku: rate.discountedSku ?? '',
            price,
          },
        })
      }
    },
  )
  for (const { planSku, rate } of mapped) {
    const product = plans.get(planSku)
    const plan = PLAN_OF_FAMILY[product?.productFamily ?? '']
    if (!plan) continue
    result.mapped.push({
      ...rate,
      plan,
      length: product?.attributes?.purchaseTerm ?? '',
      purchaseOption: product?.attributes?.purchaseOption ?? '',
    })
  }
  return result
}
