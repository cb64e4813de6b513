import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { paths } from '@/lib/api-schema.generated'
import type { WhatIfParams } from '../what-if-params'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type CostsWithWhatIf = Json<paths['/api/v1/scenarios/{id}/costs']['get']['responses'][200]>
export type WhatIfMonth = NonNullable<CostsWithWhatIf['what_if']>[number]
export type CostRange = NonNullable<CostsWithWhatIf['range']>

/**
 * Keys under the scenario's costs key (['scenarios', 'one', id, 'costs']), so a line-item change, which
 * invalidates the costs, refetches the projection too (only while the what-if tab shows it).
 */
const whatIfKeys = {
  projection: (id: string, params: WhatIfParams | null) =>
    ['scenarios', 'one', id, 'costs', 'what-if', params] as const,
}

/** The month-by-month projection; keeps the previous table while new inputs are priced. */
export function useWhatIf(scenarioId: string, params: WhatIfParams | null) {
  return useQuery({
    queryKey: whatIfKeys.projection(scenarioId, params),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scenarios/{id}/costs', {
          params: { path: { id: scenarioId }, query: params ?? undefined },
        }),
      ),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  })
}
