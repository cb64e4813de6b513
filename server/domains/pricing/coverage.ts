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
 * Every usage type a service bills that the catalog can name: its descriptor's exact usage types, plus the
 * members of its families (`ec2.instance_hours.*`) priced in some region or named in the unit table.
 */
export function knownUsageTypes(catalog: Catalog, service: string): string[] {
  const known = new Set<string>()
  const descriptor = SERVICE_LIST.find((s) => s.id === service)
  for (const spec of descriptor?.usageTypes ?? []) if (!spec.match.endsWith('.*')) known.add(spec.match)
  for (const regionPrices of Object.values(catalog.prices)) {
    for (const usageType of Object.keys(regionPrices)) {
      if (serviceOfUsageType(usageType) === service) known.add(usageType)
    }
  }
  for (const usageType of Object.keys(catalog.services[service]?.units ?? {})) {
    if (!usageType.endsWith('.*')) known.add(usageType)
  }
  return [...known].sort()
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
  const known = new Map(SERVICE_LIST.map((s) => [s.id, knownUsageTypes(catalog, s.id)]))
  return listRegions(catalog)
    .filter((region) => !regions || regions.includes(region.code))
    .map(({ code, name }) => {
      const services = SERVICE_LIST.map((s) => serviceCoverage(catalog, code, s.id, known.get(s.id) ?? []))
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
