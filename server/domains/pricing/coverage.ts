import { type Catalog, findPrice, listRegions } from './catalog.js'
import { SERVICE_LIST, serviceOfUsageType } from './services/registry.js'

export type CoverageStatus = 'complete' | 'partial' | 'none'

export interface ServiceCoverage {
  service: string
  name: string
  status: CoverageStatus
  usage_types_priced: number
  usage_types_total: number
  unpriced_usage_types: string[]
  /** Priced, but only up to a band: usage above it is reported unpriced. */
  incomplete_tier_usage_types: string[]
}

export interface RegionCoverage {
  code: string
  name: string
  status: CoverageStatus
  services_complete: number
  services_total: number
  usage_types_priced: number
  usage_types_total: number
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

function statusOf(priced: number, total: number, incomplete: number): CoverageStatus {
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
  const incomplete: string[] = []
  for (const usageType of known) {
    const price = findPrice(catalog, region, usageType)
    if (!price) unpriced.push(usageType)
    else if (price.tiers_incomplete) incomplete.push(usageType)
  }
  const priced = known.length - unpriced.length
  return {
    service,
    name: catalog.services[service]?.name ?? SERVICE_LIST.find((s) => s.id === service)?.name ?? service,
    status: statusOf(priced, known.length, incomplete.length),
    usage_types_priced: priced,
    usage_types_total: known.length,
    unpriced_usage_types: unpriced,
    incomplete_tier_usage_types: incomplete,
  }
}

/**
 * How complete the catalog's prices are, per region (sorted by code) and service (in registry order): the
 * usage types priced there of those the service bills. A service is `complete` when every one is priced with
 * all its bands, `none` when none is, `partial` otherwise; a region likewise over its services.
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
    const complete = services.filter((s) => s.status === 'complete').length
    const none = services.filter((s) => s.status === 'none').length
    return {
      code,
      name,
      status: complete === services.length ? 'complete' : none === services.length ? 'none' : 'partial',
      services_complete: complete,
      services_total: services.length,
      usage_types_priced: services.reduce((sum, s) => sum + s.usage_types_priced, 0),
      usage_types_total: services.reduce((sum, s) => sum + s.usage_types_total, 0),
      services,
    }
  })
}
