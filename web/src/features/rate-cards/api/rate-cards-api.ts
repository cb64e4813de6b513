import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { paths } from '@/lib/api-schema.generated'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never

export type RateCard = Json<paths['/api/v1/rate-card']['get']['responses'][200]>
export type RateCardRule = RateCard['rules'][number]
export type RuleKind = RateCardRule['kind']
export type SnapshotPage = Json<paths['/api/v1/pricing/snapshots']['get']['responses'][200]>
export type Snapshot = SnapshotPage['items'][number]
export type SnapshotDiff = Json<paths['/api/v1/pricing/snapshots/diff']['get']['responses'][200]>

const keys = {
  card: ['rate-card'] as const,
  snapshots: ['pricing-snapshots'] as const,
  diff: (from: string, to: string, page: number) => ['pricing-snapshots', 'diff', from, to, page] as const,
}

export function useRateCard() {
  return useQuery({
    queryKey: keys.card,
    queryFn: () => unwrap(api.GET('/api/v1/rate-card')),
  })
}

/** Saving the card changes every scenario's costs, so cached costs are refetched. */
export function useSaveRateCard() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (rules: RateCardRule[]) => unwrap(api.PUT('/api/v1/rate-card', { body: { rules } })),
    onSuccess: async (card) => {
      queryClient.setQueryData(keys.card, card)
      await queryClient.invalidateQueries({ queryKey: ['scenarios'] })
    },
  })
}

export function useSnapshots() {
  return useQuery({
    queryKey: keys.snapshots,
    queryFn: () =>
      unwrap(api.GET('/api/v1/pricing/snapshots', { params: { query: { page: 1, page_size: 100 } } })),
  })
}

export const DIFF_PAGE_SIZE = 50

export function useSnapshotDiff(from: string | null, to: string | null, page: number) {
  return useQuery({
    queryKey: keys.diff(from ?? '', to ?? '', page),
    enabled: Boolean(from && to),
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/pricing/snapshots/diff', {
          params: { query: { from: from ?? '', to: to ?? '', page, page_size: DIFF_PAGE_SIZE } },
        }),
      ),
  })
}
