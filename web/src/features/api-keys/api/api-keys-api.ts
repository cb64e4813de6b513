import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { components, paths } from '@/lib/api-schema.generated'

type CreateBody = NonNullable<paths['/api/v1/api-keys']['post']['requestBody']>['content']['application/json']
export type ApiKeyScope = CreateBody['scopes'][number]
export type CreateApiKeyInput = CreateBody
export type ApiKeyList = paths['/api/v1/api-keys']['get']['responses'][200]['content']['application/json']
export type ApiKey = ApiKeyList['items'][number]
export type CreatedApiKey = paths['/api/v1/api-keys']['post']['responses'][201]['content']['application/json']
// Keeps the generated module referenced for readers looking for the component schemas.
export type ApiSchemas = components['schemas']

export const API_KEY_SCOPES: { value: ApiKeyScope; label: string }[] = [
  { value: 'read:scenarios', label: 'Read scenarios' },
  { value: 'write:scenarios', label: 'Write scenarios' },
  { value: 'write:ingest', label: 'Send usage events (ingest)' },
  { value: 'read:reports', label: 'Read reports' },
  { value: 'write:reports', label: 'Create reports' },
  { value: 'read:schedules', label: 'Read report schedules' },
  { value: 'write:schedules', label: 'Manage report schedules' },
]

const keys = {
  all: ['api-keys'] as const,
  page: (page: number, pageSize: number) => ['api-keys', page, pageSize] as const,
}

export function useApiKeys(page = 1, pageSize = 20) {
  return useQuery({
    queryKey: keys.page(page, pageSize),
    queryFn: () => unwrap(api.GET('/api/v1/api-keys', { params: { query: { page, page_size: pageSize } } })),
    placeholderData: keepPreviousData,
  })
}

export function useCreateApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateApiKeyInput) => unwrap(api.POST('/api/v1/api-keys', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export function useRotateApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/api-keys/{id}/rotate', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export function keyState(key: ApiKey, now = Date.now()): 'active' | 'revoked' | 'expired' {
  if (key.revoked_at) return 'revoked'
  if (key.expires_at && new Date(key.expires_at).getTime() <= now) return 'expired'
  return 'active'
}
