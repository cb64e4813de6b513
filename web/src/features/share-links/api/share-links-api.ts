import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { paths } from '@/lib/api-schema.generated'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type ShareLinkList = Json<paths['/api/v1/scenarios/{id}/share-links']['get']['responses'][200]>
export type ShareLink = ShareLinkList['items'][number]
export type CreatedShareLink = Json<paths['/api/v1/scenarios/{id}/share-links']['post']['responses'][201]>
export type SharedScenario = Json<paths['/api/v1/shared/{token}']['get']['responses'][200]>
export type SharedPrices = ShareLink['prices']

const shareLinkKeys = {
  list: (scenarioId: string) => ['share-links', scenarioId] as const,
  shared: (token: string) => ['shared', token] as const,
}

export function useShareLinks(scenarioId: string) {
  return useQuery({
    queryKey: shareLinkKeys.list(scenarioId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/scenarios/{id}/share-links', { params: { path: { id: scenarioId } } })),
  })
}

export function useCreateShareLink(scenarioId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { expires_days: number; prices: SharedPrices }) =>
      unwrap(
        api.POST('/api/v1/scenarios/{id}/share-links', {
          params: { path: { id: scenarioId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareLinkKeys.list(scenarioId) }),
  })
}

export function useRevokeShareLink(scenarioId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (linkId: string) =>
      unwrap(
        api.DELETE('/api/v1/scenarios/{id}/share-links/{link_id}', {
          params: { path: { id: scenarioId, link_id: linkId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareLinkKeys.list(scenarioId) }),
  })
}

/**
 * The public view of a link: no sign-in, the token is the credential. A 404 (unknown, revoked or expired
 * link) is final, so it is not retried.
 */
export function useSharedScenario(token: string) {
  return useQuery({
    queryKey: shareLinkKeys.shared(token),
    queryFn: () => unwrap(api.GET('/api/v1/shared/{token}', { params: { path: { token } } })),
    retry: false,
  })
}
