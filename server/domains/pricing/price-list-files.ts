import { createReadStream } from 'node:fs'
import { type JsonPath, JsonStreamReader } from '../../lib/json-stream.js'
import { type OfferFile, productMapsToCatalog } from './offer-import.js'

/** The parts of a regional offer file the catalog uses, read without holding the whole file. */
export interface RegionalOffer {
  offer: OfferFile
  /** Products in the file, mapped or not. */
  productCount: number
  /** Reserved Instance terms in the file: read past, the catalog prices on demand only. */
  reservedTermCount: number
}

/** What a Savings Plans regional file offers for the usage types the catalog maps. */
export interface SavingsPlansOffer {
  publicationDate: string
  /** Savings Plan rates whose discounted usage type maps to one of ours. */
  mappedRates: number
  rates: number
}

type Product = { sku?: string; attributes?: Record<string, string> }
type OnDemandTerms = NonNullable<NonNullable<OfferFile['terms']>['OnDemand']>[string]

/** Feeds a file to a streaming JSON reader chunk by chunk (UTF-8 characters split across chunks are kept). */
async function readJsonFile(path: string, reader: JsonStreamReader): Promise<void> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })
  for await (const chunk of stream) reader.write(chunk as string)
  reader.end()
}

const isTopLevel = (path: JsonPath) => path.length === 1

/**
 * Reads an AWS Price List regional offer file (`.../<offer>/<version>/<region>/index.json`): its
 * `offerCode`, `version` and `publicationDate`, the products whose usage type maps to ours, and their
 * OnDemand terms. Every other product and term (Reserved included) is parsed and dropped, so memory is
 * bounded by the mapped products, not by the file (EC2 files are gigabytes).
 */
export async function readRegionalOffer(path: string): Promise<RegionalOffer> {
  const offer: OfferFile = { products: {}, terms: { OnDemand: {} } }
  const onDemand: Record<string, OnDemandTerms> = {}
  let productCount = 0
  let reservedTermCount = 0
  const reader = new JsonStreamReader({
    collect: (path) =>
      (isTopLevel(path) && path[0] !== 'products' && path[0] !== 'terms') ||
      (path.length === 2 && path[0] === 'products') ||
      (path.length === 3 && path[0] === 'terms' && path[1] === 'OnDemand') ||
      (path.length === 3 && path[0] === 'terms' && path[1] === 'Reserved'),
    onValue: (path, value) => {
      const [section, second, sku] = path
      if (isTopLevel(path)) {
        if (section === 'offerCode' && typeof value === 'string') offer.offerCode = value
        if (section === 'publicationDate' && typeof value === 'string') offer.publicationDate = value
      } else if (section === 'products') {
        productCount += 1
        const product = value as Product
        if (productMapsToCatalog(offer.offerCode ?? '', product.attributes ?? {})) {
          offer.products[String(second)] = product
        }
      } else if (second === 'OnDemand') {
        onDemand[String(sku)] = value as OnDemandTerms
      } else {
        reservedTermCount += 1
      }
    },
  })
  await readJsonFile(path, reader)
  // Terms follow products in AWS's files; only the terms of kept products are returned.
  for (const sku of Object.keys(offer.products)) {
    const terms = onDemand[sku]
    if (terms && offer.terms?.OnDemand) offer.terms.OnDemand[sku] = terms
  }
  return { offer, productCount, reservedTermCount }
}

type SavingsPlanTerm = {
  rates?: { discountedServiceCode?: string; discountedUsageType?: string; discountedOperation?: string }[]
}

/**
 * Reads a Savings Plans regional file (`/savingsPlan/v1.0/aws/<plan>/<version>/<region>/index.json`):
 * `products` and `terms.savingsPlan` are arrays there. Counts the rates that discount a usage type we map.
 */
export async function readSavingsPlansOffer(path: string): Promise<SavingsPlansOffer> {
  const result: SavingsPlansOffer = { publicationDate: '', mappedRates: 0, rates: 0 }
  const reader = new JsonStreamReader({
    collect: (path) =>
      (isTopLevel(path) && path[0] === 'publicationDate') ||
      (path.length === 3 && path[0] === 'terms' && path[1] === 'savingsPlan'),
    onValue: (path, value) => {
      if (isTopLevel(path)) {
        result.publicationDate = String(value)
        return
      }
      for (const rate of (value as SavingsPlanTerm).rates ?? []) {
        result.rates += 1
        const attributes = {
          usagetype: rate.discountedUsageType ?? '',
          operation: rate.discountedOperation ?? '',
        }
        if (productMapsToCatalog(rate.discountedServiceCode ?? '', attributes)) result.mappedRates += 1
      }
    },
  })
  await readJsonFile(path, reader)
  return result
}
