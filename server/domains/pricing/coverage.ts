import { type Catalog, findNotOffered, findPrice, listRegions } from './catalog.js'
import { SERVICE_LIST, serviceOfUsageType } from './services/registry.js'

/**
 * The ten main Regions, which the catalog aims to price for every service (docs/pricing.md, "Coverage and
 * gaps"): the ones `mockupaws pricing coverage` shows by default and docs/pricing.md's first tables are
 * generated for (coverage-table.ts).
 */
export const MAIN_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'ap-southeast-1',
  'ap-northeast-1',
  'ap-south-1',
  'sa-east-1',
] as const

/** `not_offered`: AWS does not sell any usage type of the service in the region (a sourced claim, not a gap). */
export type CoverageStatus = 'complete' | 'partial' | 'none' | 'not_offered'
export type RegionCoverageStatus = 'complete' | 'partial' | 'none'

export interface ServiceCoverage {
  service: string
  name: string
  status: CoverageStatus
  usage_types_priced: number
  /** Usage types the service bills that AWS offers in the region (those not offered are left out). */
  usage_types_total: number
  usage_types_not_offered: number
  unpriced_usage_types: string[]
  /** Claimed not offered in the region (`not_offered` in the catalog): not a missing price. */
  not_offered_usage_types: string[]
  /** Priced, but only up to a band: usage above it is reported unpriced. */
  incomplete_tier_usage_types: string[]
}

export interface RegionCoverage {
  code: string
  name: string
  status: RegionCoverageStatus
  services_complete: number
  /** Services offered in the region (at least one usage type not claimed not offered). */
  services_total: number
  services_not_offered: number
  usage_types_priced: number
  usage_types_total: number
  usage_types_not_offered: number
  services: ServiceCoverage[]
}

/**
 * Every usage type each service bills that the catalog can name: its descriptor's exact usage types, plus the
 * members of its families (`ec2.instance_hours.*`) priced in some region or named in the unit table. Worked
 * out in one pass over the catalog and kept per catalog object: catalogs are never changed once built (an
 * import makes a new one), and a pass over tens of thousands of prices per service made each coverage answer
 * cost a tenth of a second of the event loop.
 */
const usageTypesByCatalog = new WeakMap<Catalog, Map<string, string[]>>()

function usageTypesByService(catalog: Catalog): Map<string, string[]> {
  const cached = usageTypesByCatalog.get(catalog)
  if (cached) return cached
  const known = new Map<string, Set<string>>(SERVICE_LIST.map((s) => [s.id, new Set<string>()]))
  const add = (service: string, usageType: string) => {
    if (!usageType.endsWith('.*')) known.get(service)?.add(usageType)
  }
  for (const descriptor of SERVICE_LIST)
    for (const spec of descriptor.usageTypes) add(descriptor.id, spec.match)
  for (const regionPrices of Object.values(catalog.prices)) {
    for (const usageType of Object.keys(regionPrices)) add(serviceOfUsageType(usageType), usageType)
  }
  for (const [service, entry] of Object.entries(catalog.services)) {
    for (const usageType of Object.keys(entry.units)) add(service, usageType)
  }
  const sorted = new Map([...known].map(([service, usageTypes]) => [service, [...usageTypes].sort()]))
  usageTypesByCatalog.set(catalog, sorted)
  return sorted
}

/** Every usage type `service` bills that the catalog can name (see usageTypesByService). */
export function knownUsageTypes(catalog: Catalog, service: string): string[] {
  return usageTypesByService(catalog).get(service) ?? []
}

function statusOf(priced: number, total: number, incomplete: number, notOffered: number): CoverageStatus {
  if (total === 0 && notOffered > 0) return 'not_offered'
  if (priced === 0) return 'none'
  return priced === total && incomplete === 0 ? 'complete' : 'partial'
}

function serviceCoverage(
  catalog: Catalog,
  region: string,
  service: string,
  known: string[],
): ServiceCoverage {
  const unpriced: string[] = []
  const notOffered: string[] = []
  const incomplete: string[] = []
  for (const usageType of known) {
    const price = findPrice(catalog, region, usageType)
    if (price?.tiers_incomplete) incomplete.push(usageType)
    else if (price) continue
    else if (findNotOffered(catalog, region, usageType)) notOffered.push(usageType)
    else unpriced.push(usageType)
  }
  const offered = known.length - notOffered.length
  const priced = offered - unpriced.length
  return {
    service,
    name: catalog.services[service]?.name ?? SERVICE_LIST.find((s) => s.id === service)?.name ?? service,
    status: statusOf(priced, offered, incomplete.length, notOffered.length),
    usage_types_priced: priced,
    usage_types_total: offered,
    usage_types_not_offered: notOffered.length,
    unpriced_usage_types: unpriced,
    not_offered_usage_types: notOffered,
    incomplete_tier_usage_types: incomplete,
  }
}

/**
 * How complete the catalog's prices are, per region (sorted by code) and service (in registry order): the
 * usage types priced there of those the service bills and AWS offers there. Usage types the catalog claims
 * not offered in the region (`not_offered`, sourced) are counted apart, never as missing. A service is
 * `complete` when every offered usage type is priced with all its bands, `none` when none is, `partial`
 * otherwise, and `not_offered` when AWS offers none of its usage types there; a region is `complete` when
 * every service it offers is, `none` when none of them has a price, `partial` otherwise.
 */
export function catalogCoverage(catalog: Catalog, regions?: string[]): RegionCoverage[] {
  const all = coverageByCatalog.get(catalog) ?? regionCoverages(catalog)
  coverageByCatalog.set(catalog, all)
  return regions ? all.filter((region) => regions.includes(region.code)) : all
}

/** Every region's coverage, kept per catalog object like the usage types (catalogs never change once built). */
const coverageByCatalog = new WeakMap<Catalog, RegionCoverage[]>()

function regionCoverages(catalog: Catalog): RegionCoverage[] {
  return listRegions(catalog).map(({ code, name }) => {
    const services = SERVICE_LIST.map((s) =>
      serviceCoverage(catalog, code, s.id, knownUsageTypes(catalog, s.id)),
    )
    const offered = services.filter((s) => s.status !== 'not_offered')
    const complete = offered.filter((s) => s.status === 'complete').length
    const none = offered.filter((s) => s.status === 'none').length
    const status: RegionCoverageStatus =
      complete === offered.length ? 'complete' : none === offered.length ? 'none' : 'partial'
    return {
      code,
      name,
      status,
      services_complete: complete,
      services_total: offered.length,
      services_not_offered: services.length - offered.length,
      usage_types_priced: services.reduce((sum, s) => sum + s.usage_types_priced, 0),
      usage_types_total: services.reduce((sum, s) => sum + s.usage_types_total, 0),
      usage_types_not_offered: services.reduce((sum, s) => sum + s.usage_types_not_offered, 0),
      services,
    }
  })
}
