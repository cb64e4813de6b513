import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { paths } from '@/lib/api-schema.generated'

type Route = paths['/api/v1/scenarios/{id}/costs/purchase-options']['get']
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type PurchaseOptionsQuery = Route['parameters']['query']
export type PurchaseOptions = Json<Route['responses'][200]>
export type Commitment = PurchaseOptionsQuery['commitment']

/**
 * Under the scenario's costs key (['scenarios', 'one', id, 'costs']), so a line-item or settings change, which
 * invalidates the costs, prices the comparison again.
 */
export function usePurchaseOptions(scenarioId: string, query: PurchaseOptionsQuery | null) {
  return useQuery({
    queryKey: ['scenarios', 'one', scenarioId, 'costs', 'purchase-options', query] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scenarios/{id}/costs/purchase-options', {
          params: { path: { id: scenarioId }, query: query as PurchaseOptionsQuery },
        }),
      ),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  })
}
