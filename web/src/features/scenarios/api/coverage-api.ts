import { useQuery } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { paths } from '@/lib/api-schema.generated'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type Coverage = Json<paths['/api/v1/pricing/coverage']['get']['responses'][200]>
export type RegionCoverage = Coverage['regions'][number]
export type ServiceCoverage = RegionCoverage['services'][number]

/** How complete the catalog's prices are per region and service (GET /pricing/coverage), all regions. */
export function usePricingCoverage() {
  return useQuery({
    queryKey: ['pricing', 'coverage'],
    queryFn: () => unwrap(api.GET('/api/v1/pricing/coverage')),
    staleTime: 5 * 60_000,
  })
}

/**
 * "all prices", "12 of 14 services fully priced" or "no prices": one region's coverage in words. Services AWS
 * does not sell in the region are not counted as gaps; the words say how many there are.
 */
export function coverageWords(region: RegionCoverage): string {
  const notOffered = region.services_not_offered
  const aside =
    notOffered > 0 ? ` · ${notOffered} service${notOffered === 1 ? '' : 's'} not offered here` : ''
  if (region.status === 'complete') return `all prices${aside}`
  if (region.status === 'none') return `no prices${aside}`
  return `${region.services_complete} of ${region.services_total} services fully priced${aside}`
}

/** What the catalog lacks for a service in a region: usage types AWS does not offer there, and missing prices. */
export interface PriceGaps {
  /** AWS does not offer them in the region (sourced claims of the catalog). */
  notOffered: string[]
  /** Offered, but the catalog has no price for them in the region. */
  missing: string[]
  /** AWS offers none of the service's usage types in the region. */
  serviceNotOffered: boolean
}

/**
 * The usage types of `service` in `region` that AWS does not offer or that have no price, limited to those
 * `relevant` keeps (the item's model or instance type: another model's gaps are not this item's).
 */
export function coverageGaps(
  coverage: Coverage | undefined,
  region: string,
  service: string,
  relevant: (usageType: string) => boolean = () => true,
): PriceGaps {
  const entry = coverage?.regions.find((r) => r.code === region)?.services.find((s) => s.service === service)
  if (!entry) return { notOffered: [], missing: [], serviceNotOffered: false }
  return {
    notOffered: entry.not_offered_usage_types.filter(relevant),
    missing: entry.unpriced_usage_types.filter(relevant),
    serviceNotOffered: entry.status === 'not_offered',
  }
}

/**
 * Whether a usage type concerns the item as typed: one named after a catalog choice of a param (a Bedrock
 * model, an instance type: `bedrock.input_tokens.<model>`) does only when the param has that value; others
 * always do.
 */
export function relevantToItem(
  choices: Record<string, readonly string[]>,
  params: Record<string, unknown>,
): (usageType: string) => boolean {
  const named = Object.entries(choices).flatMap(([param, values]) =>
    values.map((value) => ({ param, value })),
  )
  return (usageType) => {
    const about = named.filter(({ value }) => usageType.endsWith(`.${value}`))
    if (about.length === 0) return true
    return about.some(({ param, value }) => params[param] === value)
  }
}

/**
 * The param value every one of `usageTypes` is named after (the chosen model, `deepseek.r1`), when there is
 * one: then that is what AWS does not offer, rather than a list of its usage types.
 */
export function chosenAbout(
  usageTypes: string[],
  choices: Record<string, readonly string[]>,
  params: Record<string, unknown>,
): string | undefined {
  for (const [param, values] of Object.entries(choices)) {
    const value = params[param]
    if (typeof value !== 'string' || !values.includes(value)) continue
    if (usageTypes.every((usageType) => usageType.endsWith(`.${value}`))) return value
  }
  return undefined
}
