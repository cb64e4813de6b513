import type { TObject } from '@sinclair/typebox'
import sharedCatalogJson from './catalog.json' with { type: 'json' }
import { SERVICE_CATALOG_FILES } from './services/catalogs.js'
import { publishedParamsSchema } from './services/published-schema.js'
import { SERVICE_LIST, serviceOfUsageType } from './services/registry.js'
import type { ServiceCategory } from './services/service-descriptor.js'

/** How a figure was sourced: AWS text, an AWS Price List figure quoted elsewhere, a third party, or derived. */
export type Confidence = 'official' | 'price-list' | 'secondary' | 'inferred'

/** One band of a graduated price: usage up to `upto` (cumulative per month, null = unbounded) pays `price`. */
export interface PriceTier {
  upto: string | null
  price: string
}

/** The price of one usage type in one region; `price` is per `per` units of `unit`. */
export interface PriceEntry {
  unit: string
  per: string
  tiers: PriceTier[]
  /** Only the listed bands were sourced: usage above the last `upto` is unpriced, never extrapolated. */
  tiers_incomplete?: boolean
  source: string
  confidence: Confidence
  as_of: string
  note?: string
}

/** A monthly allowance shared by the listed usage types, allocated in the listed order. */
export interface FreeTierOffer {
  usage_types: string[]
  quantity: string
  unit: string
  note: string
  source: string
  /**
   * AWS's 12-month free tier of accounts created before 15 July 2025: applied only when a scenario asks for
   * it (`legacy_free_tier`), never by the always-free switch alone.
   */
  legacy_12_month?: boolean
}

/** An offer's id, for switching it off per scenario: `<service>:<first usage type>` (`lambda:lambda.requests`). */
export function freeTierOfferId(service: string, offer: FreeTierOffer): string {
  return `${service}:${offer.usage_types[0] ?? ''}`
}

/** Offers as the API publishes them: with their id and whether they are legacy 12-month offers. */
export function publishedFreeTier(service: string, offers: FreeTierOffer[]) {
  return offers.map((offer) => ({
    ...offer,
    id: freeTierOfferId(service, offer),
    legacy_12_month: offer.legacy_12_month === true,
  }))
}

/** Every free tier offer id of the catalog, in catalog order. */
export function freeTierOfferIds(catalog: Catalog): string[] {
  return Object.entries(catalog.services).flatMap(([service, entry]) =>
    entry.free_tier.map((offer) => freeTierOfferId(service, offer)),
  )
}

export interface ServiceEntry {
  name: string
  /** Unit per usage type; a key ending in `.*` matches any last segment (`ec2.instance_hours.*`). */
  units: Record<string, string>
  free_tier: FreeTierOffer[]
  models?: Record<string, { name: string; provider: string }>
}

/** One AWS Price List regional offer file as last synced. */
export interface PriceListVersion {
  version_url: string
  publication_date: string
}

/**
 * A sourced statement that AWS does not sell a usage type in a region (the AWS Regional Services list, a
 * service's supported-Regions page, Bedrock's model-by-Region table). Costs still report such usage unpriced,
 * never $0, with that reason; coverage does not count it as a missing price.
 */
export interface NotOfferedClaim {
  /** A `meta.sources` key: the AWS page that says so, and where it was read. */
  source: string
  as_of: string
  note?: string
}

export interface Catalog {
  meta: {
    as_of: string
    currency: string
    description: string
    sources: Record<string, { url: string; note: string }>
    /** Offer files applied by `mockupaws pricing sync`, by `<offer code>/<region>`: what a re-run compares. */
    price_list?: Record<string, PriceListVersion>
  }
  regions: Record<string, { name: string }>
  services: Record<string, ServiceEntry>
  prices: Record<string, Record<string, PriceEntry>>
  /**
   * What AWS does not offer, by region and usage type pattern: an exact usage type, `<prefix>.*` for every
   * usage type under the prefix (`apprunner.*`, `s3.storage_gb_month.express_one_zone`), or `*` standing for
   * one dot-free segment before the end (`bedrock.*.meta.llama3-8b-instruct`: every kind of that model).
   */
  not_offered?: Record<string, Record<string, NotOfferedClaim>>
}

type Sources = Catalog['meta']['sources']

/** One service's part of the bundled catalog: `services/<id>/catalog.json`. */
export interface ServiceCatalogFile {
  service: ServiceEntry
  /** The sources only this service cites; sources several services cite are in the shared `catalog.json`. */
  sources: Sources
  prices: Catalog['prices']
  not_offered: NonNullable<Catalog['not_offered']>
}

/** The shared part: `meta` (with the sources several services cite) and the Regions. */
type SharedCatalogFile = Pick<Catalog, 'meta' | 'regions'>

/**
 * The bundled catalog from its files: the shared part and each service's file, in the registry's order. A
 * source id defined twice is a broken catalog, refused at start.
 */
export function assembleCatalog(
  shared: SharedCatalogFile,
  files: Readonly<Record<string, ServiceCatalogFile>>,
): Catalog {
  const sources: Sources = { ...shared.meta.sources }
  const catalog: Catalog = {
    meta: { ...shared.meta, sources },
    regions: shared.regions,
    services: {},
    prices: {},
    not_offered: {},
  }
  const byRegion = (target: Record<string, Record<string, unknown>>, from: Record<string, object>) => {
    for (const [region, entries] of Object.entries(from))
      target[region] = Object.assign(target[region] ?? {}, entries)
  }
  for (const [id, file] of Object.entries(files)) {
    for (const [sourceId, source] of Object.entries(file.sources)) {
      if (sources[sourceId]) throw new Error(`catalog: source ${sourceId} is defined twice (${id})`)
      sources[sourceId] = source
    }
    catalog.services[id] = file.service
    byRegion(catalog.prices, file.prices)
    byRegion(catalog.not_offered as Record<string, Record<string, unknown>>, file.not_offered)
  }
  return catalog
}

/** The catalog shipped in the repository: `catalog.json` beside this file and `services/<id>/catalog.json`. */
export const bundledCatalog: Catalog = assembleCatalog(
  sharedCatalogJson as SharedCatalogFile,
  SERVICE_CATALOG_FILES,
)

/** The price of `usageType` in `region`, or undefined when the catalog has none there. */
export function findPrice(catalog: Catalog, region: string, usageType: string): PriceEntry | undefined {
  return catalog.prices[region]?.[usageType]
}

/**
 * The unit of a usage type from its service's unit table, or undefined for an unknown usage type. A wildcard
 * key covers every suffix, dots included (`ec2.instance_hours.*` matches `ec2.instance_hours.m5.large`).
 */
export function unitOfUsageType(catalog: Catalog, usageType: string): string | undefined {
  const units = catalog.services[serviceOfUsageType(usageType)]?.units
  if (!units) return undefined
  const exact = units[usageType]
  if (exact) return exact
  const wildcard = Object.keys(units).find(
    (key) =>
      key.endsWith('.*') && usageType.startsWith(key.slice(0, -1)) && usageType.length > key.length - 1,
  )
  return wildcard ? units[wildcard] : undefined
}

/**
 * Whether a `not_offered` pattern covers a usage type: segment by segment, a `*` in the middle is one segment,
 * a trailing `*` one or more (dots included), anything else itself.
 */
export function notOfferedPatternMatches(pattern: string, usageType: string): boolean {
  const want = pattern.split('.')
  const have = usageType.split('.')
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i]
    const last = i === want.length - 1
    if (segment === '*' && last) return have.length > i && have.slice(i).every((part) => part !== '')
    if (i >= have.length) return false
    if (segment === '*') {
      if (have[i] === '') return false
    } else if (segment !== have[i]) return false
  }
  return want.length === have.length
}

/** The claim that AWS does not offer `usageType` in `region`, with its pattern, or undefined. */
export function findNotOffered(
  catalog: Catalog,
  region: string,
  usageType: string,
): (NotOfferedClaim & { pattern: string }) | undefined {
  const claims = catalog.not_offered?.[region]
  if (!claims) return undefined
  const exact = claims[usageType]
  if (exact) return { pattern: usageType, ...exact }
  for (const [pattern, claim] of Object.entries(claims)) {
    if (notOfferedPatternMatches(pattern, usageType)) return { pattern, ...claim }
  }
  return undefined
}

/**
 * What is wrong with a catalog's `not_offered` claims: an unknown region or service, a pattern no known unit
 * matches, a source missing from `meta.sources`, an `as_of` that is not a date, or a usage type both priced
 * and claimed not offered in the same region (a price is evidence of an offer; the claim must go).
 */
export function notOfferedProblems(catalog: Catalog): string[] {
  const problems: string[] = []
  for (const [region, claims] of Object.entries(catalog.not_offered ?? {})) {
    if (!catalog.regions[region]) problems.push(`not_offered.${region}: not a region of the catalog`)
    const priced = Object.keys(catalog.prices[region] ?? {})
    for (const [pattern, claim] of Object.entries(claims)) {
      const at = `not_offered.${region}.${pattern}`
      const service = serviceOfUsageType(pattern)
      if (!catalog.services[service]) problems.push(`${at}: ${service} is not a service of the catalog`)
      else if (!patternNamesUnits(catalog, pattern))
        problems.push(`${at}: matches no usage type of ${service}`)
      if (!catalog.meta.sources[claim.source])
        problems.push(`${at}: source ${claim.source} is not in meta.sources`)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(claim.as_of)) problems.push(`${at}: as_of ${claim.as_of} is not a date`)
      for (const usageType of priced) {
        if (notOfferedPatternMatches(pattern, usageType)) {
          problems.push(`${at}: ${usageType} is priced in ${region}`)
        }
      }
    }
  }
  return problems
}

/**
 * Whether a pattern can name usage types of its service: the whole service (`<prefix>.*`), an exact usage
 * type with a unit, or a pattern some usage type of the unit table fits.
 */
function patternNamesUnits(catalog: Catalog, pattern: string): boolean {
  if (/^[^.*]+\.\*$/.test(pattern)) return true
  if (!pattern.includes('*')) return unitOfUsageType(catalog, pattern) !== undefined
  // A sample usage type per unit key: each `*` takes that key's segment there (`x` past it or at its `*`).
  return Object.keys(catalog.services[serviceOfUsageType(pattern)]?.units ?? {}).some((key) => {
    const segments = key.split('.')
    const sample = pattern
      .split('.')
      .map((part, i) => (part !== '*' ? part : segments[i] && segments[i] !== '*' ? segments[i] : 'x'))
      .join('.')
    return notOfferedPatternMatches(pattern, sample) && unitOfUsageType(catalog, sample) !== undefined
  })
}

/**
 * Drops the `not_offered` claims of `region` that cover `usageType`, in place: a price AWS publishes there
 * (an offer import, a Price List sync) wins over the claim. Answers the patterns dropped.
 */
export function dropNotOffered(catalog: Catalog, region: string, usageType: string): string[] {
  const claims = catalog.not_offered?.[region]
  if (!claims) return []
  const dropped = Object.keys(claims).filter((pattern) => notOfferedPatternMatches(pattern, usageType))
  for (const pattern of dropped) delete claims[pattern]
  if (catalog.not_offered && Object.keys(claims).length === 0) delete catalog.not_offered[region]
  return dropped
}

/** Regions of the catalog, sorted by code, for `GET /pricing/regions`. */
export function listRegions(catalog: Catalog = bundledCatalog): { code: string; name: string }[] {
  return Object.entries(catalog.regions)
    .map(([code, { name }]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code))
}

export interface ServiceSummary {
  id: string
  name: string
  display_name: string
  category: ServiceCategory
  description: string
  help: string
  usage_types: string[]
  params_schema: TObject
  ranged_params: string[]
  choices: Record<string, string[]>
  choice_labels: Record<string, Record<string, string>>
  free_tier: ReturnType<typeof publishedFreeTier>
  models?: { id: string; name: string; provider: string }[]
}

/**
 * Services with their descriptor (params schema, category, description), free tier and the catalog values
 * their params may take, in SERVICE_IDS order, for `GET /pricing/services`.
 */
export function listServices(catalog: Catalog = bundledCatalog): ServiceSummary[] {
  return SERVICE_LIST.flatMap((descriptor) => {
    const { id } = descriptor
    const service = catalog.services[id]
    if (!service) return []
    const summary: ServiceSummary = {
      id,
      name: service.name,
      display_name: descriptor.name,
      category: descriptor.category,
      description: descriptor.description,
      help: descriptor.help,
      usage_types: [
        ...new Set(
          Object.values(catalog.prices).flatMap((prices) =>
            Object.keys(prices).filter((usageType) => serviceOfUsageType(usageType) === id),
          ),
        ),
      ].sort(),
      params_schema: publishedParamsSchema(descriptor),
      ranged_params: [...descriptor.rangedParams],
      choices: Object.fromEntries(descriptor.catalogValues.map((rule) => [rule.param, rule.known(catalog)])),
      choice_labels: Object.fromEntries(
        descriptor.catalogValues.flatMap((rule) => (rule.names ? [[rule.param, rule.names(catalog)]] : [])),
      ),
      free_tier: publishedFreeTier(id, service.free_tier),
    }
    if (service.models) {
      summary.models = Object.entries(service.models).map(([modelId, model]) => ({ id: modelId, ...model }))
    }
    return [summary]
  })
}

export interface ServicePrices {
  region: string
  service: string
  as_of: string
  currency: string
  prices: ({ usage_type: string } & PriceEntry)[]
}

/**
 * Prices of one service in one region for `GET /pricing/:region/:service`, sorted by usage type.
 * Returns undefined when the region or the service is not in the catalog (the route answers 404).
 */
export function getServicePrices(
  region: string,
  service: string,
  catalog: Catalog = bundledCatalog,
): ServicePrices | undefined {
  if (!catalog.regions[region] || !catalog.services[service]) return undefined
  const prices = Object.entries(catalog.prices[region] ?? {})
    .filter(([usageType]) => serviceOfUsageType(usageType) === service)
    .map(([usageType, entry]) => ({ usage_type: usageType, ...entry }))
    .sort((a, b) => a.usage_type.localeCompare(b.usage_type))
  return { region, service, as_of: catalog.meta.as_of, currency: catalog.meta.currency, prices }
}
