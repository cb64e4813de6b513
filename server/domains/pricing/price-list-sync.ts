import { join } from 'node:path'
import { DownloadError, downloadResumable } from '../../lib/resumable-download.js'
import type { Catalog, PriceListVersion } from './catalog.js'
import {
  importOfferFile,
  importSavingsPlansRates,
  type OfferImport,
  type OfferUpdate,
} from './offer-import.js'
import { readRegionalOffer, readSavingsPlansOffer } from './price-list-files.js'
import type { PricingService } from './pricing.service.js'
import { SERVICE_LIST } from './services/registry.js'

export const AWS_PRICE_LIST_URL = 'https://pricing.us-east-1.amazonaws.com'
const OFFER_INDEX_PATH = '/offers/v1.0/aws/index.json'

/** A sync refused or failed in a way the user can act on: the message says what and why. */
export class PriceListSyncError extends Error {}

export interface SyncProgress {
  /** A line of news: what is being fetched, skipped or applied. */
  note(message: string): void
  /** Bytes of `label` received so far, of `total` when known. */
  transfer(label: string, received: number, total: number | undefined): void
  /** `label` is complete on disk. */
  transferred(label: string, bytes: number, resumedFrom: number, cached: boolean): void
}

export interface SyncOptions {
  /** Our service ids (`lambda`, `ec2`...); default every service with Price List mappings. */
  services?: string[]
  /** Region codes of the catalog; required (an EC2 offer alone is gigabytes per region). */
  regions: string[]
  baseUrl?: string
  cacheDir: string
  progress: SyncProgress
}

/** One regional file to fetch: an offer (prices) or Savings Plans rates. */
interface PlannedFile {
  kind: 'offer' | 'savings-plans'
  /** `<offer code>/<region>`: the key of `meta.price_list`. */
  key: string
  offerCode: string
  region: string
  url: string
}

export interface SyncedOffer {
  key: string
  publication_date: string
  updated: OfferUpdate[]
  /** `not_offered` claims this file's prices contradicted, dropped (the price wins). */
  withdrawn_not_offered: OfferImport['withdrawn_not_offered']
  products: number
  reserved_terms: number
}

export interface SyncedSavingsPlans {
  key: string
  publication_date: string
  /** Rates in the file. */
  rates: number
  /** The prices its rates that discount a mapped usage type set (hourly and upfront parts). */
  updated: OfferUpdate[]
  withdrawn_not_offered: OfferImport['withdrawn_not_offered']
}

export interface SyncResult {
  /** Offer files downloaded and applied. */
  offers: SyncedOffer[]
  /** `<offer code>/<region>` whose version equals the last sync. */
  unchanged: string[]
  /** `<offer code>/<region>` the region index does not list (the service is not sold there). */
  not_offered: string[]
  savings_plans: SyncedSavingsPlans[]
  /** The new snapshot, or null when every offer was unchanged (nothing stored). */
  snapshot: { id: string; as_of: string; previous_id: string } | null
}

type OfferIndex = {
  offers?: Record<string, { currentRegionIndexUrl?: string; currentSavingsPlanIndexUrl?: string }>
}
type RegionIndex = {
  publicationDate?: string
  regions?: Record<string, { currentVersionUrl?: string }> | { regionCode?: string; versionUrl?: string }[]
}

/** Our service ids that have Price List rules, and their offer codes. */
function mappedServices(): Map<string, string[]> {
  return new Map(
    SERVICE_LIST.filter((s) => s.priceList.length > 0).map((s) => [
      s.id,
      [...new Set(s.priceList.map((rule) => rule.offerCode))],
    ]),
  )
}

/** The offer codes to sync for the chosen services; unknown or unmapped services are refused. */
export function offerCodesFor(services: string[] | undefined): string[] {
  const mapped = mappedServices()
  const known = new Set(SERVICE_LIST.map((s) => s.id))
  const chosen = services ?? [...mapped.keys()]
  const codes = new Set<string>()
  for (const id of chosen) {
    const offerCodes = mapped.get(id)
    if (!offerCodes) {
      const list = [...mapped.keys()].join(', ')
      throw new PriceListSyncError(
        known.has(id)
          ? `service ${id} has no AWS Price List mapping yet (its prices come from the bundled catalog); services that sync: ${list}`
          : `unknown service ${id}; services that sync: ${list}`,
      )
    }
    for (const code of offerCodes) codes.add(code)
  }
  return [...codes].sort()
}

function checkRegions(regions: string[], catalog: Catalog): void {
  if (regions.length === 0)
    throw new PriceListSyncError('no region chosen (--regions us-east-1,eu-west-1 or all)')
  const unknown = regions.filter((region) => !catalog.regions[region])
  if (unknown.length > 0) {
    throw new PriceListSyncError(
      `unknown region ${unknown.join(', ')}; regions are AWS commercial region codes such as us-east-1 (GET /api/v1/pricing/regions lists them)`,
    )
  }
}

/** A URL of the index resolved against the base (a mirror may add a path prefix). */
function resolve(baseUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}

async function fetchJson<T>(url: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(url)
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause
    throw new PriceListSyncError(`GET ${url} failed: ${cause?.code ?? (err as Error).message}`)
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new PriceListSyncError(`GET ${url} answered ${response.status} ${response.statusText}`.trim())
  }
  try {
    return (await response.json()) as T
  } catch {
    throw new PriceListSyncError(`GET ${url} did not answer JSON`)
  }
}

/** Each chosen region's current file URL in a region index (services: an object; Savings Plans: an array). */
function regionalUrls(index: RegionIndex): Map<string, string> {
  const urls = new Map<string, string>()
  const regions = index.regions ?? {}
  if (Array.isArray(regions)) {
    for (const entry of regions)
      if (entry.regionCode && entry.versionUrl) urls.set(entry.regionCode, entry.versionUrl)
  } else {
    for (const [code, entry] of Object.entries(regions))
      if (entry.currentVersionUrl) urls.set(code, entry.currentVersionUrl)
  }
  return urls
}

/** The plan code of a Savings Plans URL (`/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/...`). */
function savingsPlanCode(url: string): string {
  return /\/aws\/([^/]+)\//.exec(url)?.[1] ?? 'SavingsPlans'
}

/** The cache file of a URL: its path under the cache directory (AWS's file paths carry their version). */
function cachePath(cacheDir: string, url: string): string {
  const { host, pathname } = new URL(url)
  return join(
    cacheDir,
    host.replace(/[^a-zA-Z0-9.-]/g, '_'),
    ...pathname.split('/').filter((part) => part && part !== '..'),
  )
}

/**
 * Syncs the current catalog with AWS's Price List bulk files for the chosen services and regions: reads the
 * offer index and each offer's region index, skips regional files whose version is the one last synced,
 * downloads the others (resumable, into the cache), applies every mapped OnDemand price, Reserved term and
 * Savings Plans rate, and stores the result as one new snapshot dated with the newest publication date.
 * Until that single insert nothing is stored, so a failure at any step leaves the catalog as it was.
 */
export async function syncPriceList(pricing: PricingService, options: SyncOptions): Promise<SyncResult> {
  const offerCodes = offerCodesFor(options.services)
  const base = pricing.current()
  checkRegions(options.regions, base)
  const baseUrl = options.baseUrl ?? AWS_PRICE_LIST_URL
  const { progress } = options
  const synced = base.meta.price_list ?? {}

  progress.note(`reading the offer index ${resolve(baseUrl, OFFER_INDEX_PATH)}`)
  const offerIndex = await fetchJson<OfferIndex>(resolve(baseUrl, OFFER_INDEX_PATH))
  const planned: PlannedFile[] = []
  const result: SyncResult = { offers: [], unchanged: [], not_offered: [], savings_plans: [], snapshot: null }
  const savingsPlanIndexes = new Set<string>()

  for (const offerCode of offerCodes) {
    const entry = offerIndex.offers?.[offerCode]
    if (!entry?.currentRegionIndexUrl) {
      throw new PriceListSyncError(`the offer index at ${baseUrl} does not list ${offerCode}`)
    }
    if (entry.currentSavingsPlanIndexUrl) savingsPlanIndexes.add(entry.currentSavingsPlanIndexUrl)
    const regionIndex = await fetchJson<RegionIndex>(resolve(baseUrl, entry.currentRegionIndexUrl))
    planFiles('offer', offerCode, regionalUrls(regionIndex))
  }
  for (const indexPath of [...savingsPlanIndexes].sort()) {
    const regionIndex = await fetchJson<RegionIndex>(resolve(baseUrl, indexPath))
    planFiles('savings-plans', savingsPlanCode(indexPath), regionalUrls(regionIndex))
  }

  function planFiles(kind: PlannedFile['kind'], offerCode: string, urls: Map<string, string>): void {
    for (const region of options.regions) {
      const key = `${offerCode}/${region}`
      const path = urls.get(region)
      if (!path) {
        result.not_offered.push(key)
        continue
      }
      const url = resolve(baseUrl, path)
      if (synced[key]?.version_url === url) result.unchanged.push(key)
      else planned.push({ kind, key, offerCode, region, url })
    }
  }

  for (const key of result.unchanged) progress.note(`${key}: unchanged since the last sync, skipped`)
  for (const key of result.not_offered) progress.note(`${key}: not in the region index, skipped`)
  const files = await downloadAll(planned, options.cacheDir, progress)

  let catalog = base
  const versions: Record<string, PriceListVersion> = {}
  for (const file of planned) {
    const path = files.get(file.key) as string
    if (file.kind === 'savings-plans') {
      progress.note(`${file.key}: reading Savings Plans rates`)
      const plans = await readSavingsPlansOffer(path)
      const applied = importSavingsPlansRates(
        catalog,
        {
          region: file.region,
          publicationDate: plans.publicationDate,
          // The file discounts every service's usage; only the chosen services' rates are applied.
          rates: plans.mapped.filter((rate) => offerCodes.includes(rate.serviceCode)),
        },
        { id: `price-list-${file.offerCode}-${file.region}`, url: file.url },
      )
      catalog = applied.catalog
      result.savings_plans.push({
        key: file.key,
        publication_date: plans.publicationDate,
        rates: plans.rates,
        updated: applied.updated,
        withdrawn_not_offered: applied.withdrawn_not_offered,
      })
      versions[file.key] = { version_url: file.url, publication_date: plans.publicationDate }
      continue
    }
    progress.note(`${file.key}: reading prices`)
    const regional = await readRegionalOffer(path)
    const applied = importOfferFile(catalog, regional.offer, {
      id: `price-list-${file.offerCode}-${file.region}`,
      url: file.url,
    })
    catalog = applied.catalog
    const publicationDate = regional.offer.publicationDate ?? ''
    versions[file.key] = { version_url: file.url, publication_date: publicationDate }
    result.offers.push({
      key: file.key,
      publication_date: publicationDate,
      updated: applied.updated,
      withdrawn_not_offered: applied.withdrawn_not_offered,
      products: regional.productCount,
      reserved_terms: regional.reservedTermCount,
    })
  }
  if (result.offers.length === 0 && result.savings_plans.length === 0) return result

  const dates = [...result.offers, ...result.savings_plans]
    .map((file) => file.publication_date)
    .filter(Boolean)
    .sort()
  const asOf = (dates.at(-1) ?? base.meta.as_of).slice(0, 10)
  const next: Catalog = {
    ...catalog,
    meta: { ...catalog.meta, as_of: asOf, price_list: { ...synced, ...versions } },
  }
  const previousId = pricing.currentSnapshot().id
  const sourceFile = `AWS Price List sync ${dates.at(-1) ?? ''}: ${planned.map((file) => file.key).join(', ')}`
  const stored = await pricing.storeCatalog(next, sourceFile.slice(0, 1024))
  result.snapshot = { id: stored.id, as_of: asOf, previous_id: previousId }
  return result
}

async function downloadAll(
  planned: PlannedFile[],
  cacheDir: string,
  progress: SyncProgress,
): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const file of planned) {
    const target = cachePath(cacheDir, file.url)
    const label = `${file.key}${file.kind === 'savings-plans' ? ' (Savings Plans)' : ''}`
    try {
      const done = await downloadResumable(file.url, target, {
        onProgress: (received, total) => progress.transfer(label, received, total),
      })
      progress.transferred(label, done.bytes, done.resumedFrom, done.cached)
    } catch (err) {
      if (err instanceof DownloadError) {
        throw new PriceListSyncError(
          `${err.message}; the catalog is unchanged, and a re-run resumes the download`,
        )
      }
      throw err
    }
    files.set(file.key, target)
  }
  return files
}
