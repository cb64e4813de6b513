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

/** "complete", "12 of 14 services complete" or "no prices": one region's coverage in words. */
export function coverageWords(region: RegionCoverage): string {
  if (region.status === 'complete') return 'all prices'
  if (region.status === 'none') return 'no prices'
  return `${region.services_complete} of ${region.services_total} services fully priced`
}

/** The usage types of `service` without a price in `region` (empty when every one is priced). */
export function missingPrices(coverage: Coverage | undefined, region: string, service: string): string[] {
  const entry = coverage?.regions.find((r) => r.code === region)?.services.find((s) => s.service === service)
  return entry ? [...entry.unpriced_usage_types] : []
}
