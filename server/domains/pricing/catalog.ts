import type { TObject } from '@sinclair/typebox'
import catalogJson from './catalog.json' with { type: 'json' }
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
}

/** The catalog shipped in the repository (server/domains/pricing/catalog.json). */
export const bundledCatalog: Catalog = catalogJson as Catalog

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
