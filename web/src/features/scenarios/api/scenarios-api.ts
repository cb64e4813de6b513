import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { paths } from '@/lib/api-schema.generated'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type ScenarioPage = Json<paths['/api/v1/scenarios']['get']['responses'][200]>
export type Scenario = ScenarioPage['items'][number]
export type ScenarioStatus = Scenario['status']
export type CreateScenarioInput = Json<NonNullable<paths['/api/v1/scenarios']['post']['requestBody']>>
export type UpdateScenarioInput = Json<NonNullable<paths['/api/v1/scenarios/{id}']['patch']['requestBody']>>
export type Costs = Json<paths['/api/v1/scenarios/{id}/costs']['get']['responses'][200]>
export type CostBlock = Costs['modelled_monthly']
export type ItemPage = Json<paths['/api/v1/scenarios/{id}/items']['get']['responses'][200]>
export type LineItem = ItemPage['items'][number]
export type ItemInput = Json<NonNullable<paths['/api/v1/scenarios/{id}/items']['post']['requestBody']>>
/** The ids of the priced services, from the contract's line-item union. */
export type LineItemService = ItemInput['service']
export type ItemPreview = Json<paths['/api/v1/scenarios/{id}/items/preview']['post']['responses'][200]>
export type Metrics = Json<paths['/api/v1/scenarios/{id}/metrics']['get']['responses'][200]>
export type PricingServices = Json<paths['/api/v1/pricing/services']['get']['responses'][200]>
export type PricingRegions = Json<paths['/api/v1/pricing/regions']['get']['responses'][200]>
export type Portfolio = Json<paths['/api/v1/portfolio']['get']['responses'][200]>
export type ScenarioTemplate = Json<
  paths['/api/v1/scenario-templates']['get']['responses'][200]
>['templates'][number]

export type ScenarioFilters = { status?: ScenarioStatus; region?: string; q?: string; tag?: string }

export const scenarioKeys = {
  all: ['scenarios'] as const,
  list: (filters: ScenarioFilters, page: number, pageSize: number) =>
    ['scenarios', 'list', filters, page, pageSize] as const,
  one: (id: string) => ['scenarios', 'one', id] as const,
  costs: (id: string) => ['scenarios', 'one', id, 'costs'] as const,
  items: (id: string) => ['scenarios', 'one', id, 'items'] as const,
  metrics: (id: string) => ['scenarios', 'one', id, 'metrics'] as const,
  portfolio: ['scenarios', 'portfolio'] as const,
}

export function useScenarios(filters: ScenarioFilters, page = 1, pageSize = 20) {
  return useQuery({
    queryKey: scenarioKeys.list(filters, page, pageSize),
    queryFn: () =>
      unwrap(api.GET('/api/v1/scenarios', { params: { query: { ...filters, page, page_size: pageSize } } })),
    placeholderData: keepPreviousData,
  })
}

/** Every scenario's monthly total and the sums per tag, priced by the server in exact decimals. */
export function usePortfolio() {
  return useQuery({
    queryKey: scenarioKeys.portfolio,
    queryFn: () => unwrap(api.GET('/api/v1/portfolio')),
  })
}

/**
 * The monthly total of each of the newest 100 scenarios, archived ones too, and every tag in use (the groups):
 * one request for the whole list page, instead of a costs request per row.
 */
export function useScenarioTotals() {
  return useQuery({
    queryKey: [...scenarioKeys.portfolio, 'with-archived'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/portfolio', { params: { query: { include_archived: true } } })),
  })
}

/** The starting points of the create dialog; fixed for a server version, so fetched once. */
export function useScenarioTemplates() {
  return useQuery({
    queryKey: ['scenario-templates'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/scenario-templates')),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useScenario(id: string) {
  return useQuery({
    queryKey: scenarioKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/scenarios/{id}', { params: { path: { id } } })),
  })
}

/**
 * The scenario's costs, with the p50/p90 `range`: the one costs answer of a scenario view, under one key,
 * read by every panel (summary, range, line items, chart), so a page load or an item change costs one request.
 */
export function useScenarioCosts(id: string, options: { refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: scenarioKeys.costs(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/scenarios/{id}/costs', { params: { path: { id }, query: { range: true } } })),
    refetchInterval: options.refetchInterval ?? false,
  })
}

export function useScenarioItems(id: string) {
  return useQuery({
    queryKey: scenarioKeys.items(id),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scenarios/{id}/items', {
          params: { path: { id }, query: { page: 1, page_size: 100 } },
        }),
      ),
  })
}

/**
 * The cost of an item as typed, priced by the server without storing it (`itemId`: the item being edited).
 * `body` is the serialized item (stable as a query key), null while the form is invalid: no request then.
 * Kept under the items key, so saving or deleting an item refreshes the totals it compares against.
 */
export function useItemPreview(scenarioId: string, body: string | null, itemId?: string) {
  return useQuery({
    queryKey: [...scenarioKeys.items(scenarioId), 'preview', itemId ?? null, body] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/api/v1/scenarios/{id}/items/preview', {
          params: { path: { id: scenarioId }, query: itemId ? { item_id: itemId } : {} },
          body: JSON.parse(body ?? '{}') as ItemInput,
          signal,
        }),
      ),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  })
}

/** Live counters: polled every few seconds while the scenario is running. */
export function useScenarioMetrics(id: string, options: { poll: boolean }) {
  return useQuery({
    queryKey: scenarioKeys.metrics(id),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scenarios/{id}/metrics', { params: { path: { id }, query: { bucket: 'minute' } } }),
      ),
    refetchInterval: options.poll ? 3000 : false,
  })
}

export function usePricingRegions() {
  return useQuery({
    queryKey: ['pricing', 'regions'],
    queryFn: () => unwrap(api.GET('/api/v1/pricing/regions')),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function usePricingServices() {
  return useQuery({
    queryKey: ['pricing', 'services'],
    queryFn: () => unwrap(api.GET('/api/v1/pricing/services')),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useCreateScenario() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateScenarioInput) => unwrap(api.POST('/api/v1/scenarios', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scenarioKeys.all }),
  })
}

export function useUpdateScenario(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpdateScenarioInput) =>
      unwrap(api.PATCH('/api/v1/scenarios/{id}', { params: { path: { id } }, body })),
    onSuccess: (scenario) => {
      queryClient.setQueryData(scenarioKeys.one(id), scenario)
      return queryClient.invalidateQueries({ queryKey: scenarioKeys.all })
    },
  })
}

/** A copy of the scenario and its line items ("<name> (copy)", draft), answered as the new scenario. */
export function useCloneScenario() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/scenarios/{id}/clone', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scenarios', 'list'] }),
  })
}

export function useDeleteScenario() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/scenarios/{id}', { params: { path: { id } } })),
    // Only the lists: refetching the deleted scenario itself would swap its page for a 404 mid-navigation.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scenarios', 'list'] }),
  })
}

/** Any item change moves the modelled cost, so the costs are fetched again at once. */
function useItemMutation<V>(scenarioId: string, mutationFn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: scenarioKeys.items(scenarioId) }),
        queryClient.invalidateQueries({ queryKey: scenarioKeys.costs(scenarioId) }),
        // Marks the list's totals stale (no request while the list is not shown).
        queryClient.invalidateQueries({ queryKey: scenarioKeys.portfolio }),
      ]),
  })
}

export function useCreateItem(scenarioId: string) {
  return useItemMutation(scenarioId, (body: ItemInput) =>
    unwrap(api.POST('/api/v1/scenarios/{id}/items', { params: { path: { id: scenarioId } }, body })),
  )
}

export function useUpdateItem(scenarioId: string) {
  return useItemMutation(scenarioId, ({ itemId, body }: { itemId: string; body: ItemInput }) =>
    unwrap(
      api.PATCH('/api/v1/scenarios/{id}/items/{item_id}', {
        params: { path: { id: scenarioId, item_id: itemId } },
        body,
      }),
    ),
  )
}

export function useDeleteItem(scenarioId: string) {
  return useItemMutation(scenarioId, (itemId: string) =>
    unwrap(
      api.DELETE('/api/v1/scenarios/{id}/items/{item_id}', {
        params: { path: { id: scenarioId, item_id: itemId } },
      }),
    ),
  )
}

/** The moves of docs/scenarios.md's lifecycle, as buttons. */
export const STATUS_ACTIONS: Record<ScenarioStatus, { to: ScenarioStatus; label: string }[]> = {
  draft: [
    { to: 'running', label: 'Start' },
    { to: 'archived', label: 'Archive' },
  ],
  running: [{ to: 'completed', label: 'Complete' }],
  completed: [
    { to: 'running', label: 'Resume' },
    { to: 'archived', label: 'Archive' },
  ],
  archived: [{ to: 'completed', label: 'Restore' }],
}

export const STATUS_COLOR: Record<ScenarioStatus, string> = {
  draft: 'gray',
  running: 'green',
  completed: 'blue',
  archived: 'dark',
}
