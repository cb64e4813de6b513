import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { paths } from '@/lib/api-schema.generated'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type Budget = Json<paths['/api/v1/scenarios/{id}/budget']['get']['responses'][200]>
export type RulePage = Json<paths['/api/v1/scenarios/{id}/alert-rules']['get']['responses'][200]>
export type AlertRule = RulePage['items'][number]
export type RuleInput = Json<NonNullable<paths['/api/v1/scenarios/{id}/alert-rules']['post']['requestBody']>>
export type SavedRule = Json<paths['/api/v1/scenarios/{id}/alert-rules']['post']['responses'][201]>
export type AlertPage = Json<paths['/api/v1/scenarios/{id}/alerts']['get']['responses'][200]>
export type BudgetAlert = AlertPage['items'][number]
export type AlertDelivery = BudgetAlert['deliveries'][number]

export const budgetKeys = {
  all: (scenarioId: string) => ['budgets', scenarioId] as const,
  budget: (scenarioId: string) => ['budgets', scenarioId, 'budget'] as const,
  rules: (scenarioId: string) => ['budgets', scenarioId, 'rules'] as const,
  alerts: (scenarioId: string, page: number) => ['budgets', scenarioId, 'alerts', page] as const,
}

/** While a delivery is pending its history is polled, so sent / failed appears by itself. */
const DELIVERY_POLL_MS = 2000

export function useBudget(scenarioId: string) {
  return useQuery({
    queryKey: budgetKeys.budget(scenarioId),
    queryFn: () => unwrap(api.GET('/api/v1/scenarios/{id}/budget', { params: { path: { id: scenarioId } } })),
  })
}

export function useAlertRules(scenarioId: string) {
  return useQuery({
    queryKey: budgetKeys.rules(scenarioId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scenarios/{id}/alert-rules', {
          params: { path: { id: scenarioId }, query: { page: 1, page_size: 100 } },
        }),
      ),
  })
}

export function useAlerts(scenarioId: string, page = 1, pageSize = 10) {
  return useQuery({
    queryKey: budgetKeys.alerts(scenarioId, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scenarios/{id}/alerts', {
          params: { path: { id: scenarioId }, query: { page, page_size: pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((a) => a.deliveries.some((d) => d.status === 'pending'))
        ? DELIVERY_POLL_MS
        : false,
  })
}

/** Every change can move rule states and record alerts: the whole budget area is refetched after it. */
function useBudgetMutation<V, R>(scenarioId: string, mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetKeys.all(scenarioId) }),
  })
}

export function useSetBudget(scenarioId: string) {
  return useBudgetMutation(scenarioId, (monthlyBudget: string) =>
    unwrap(
      api.PUT('/api/v1/scenarios/{id}/budget', {
        params: { path: { id: scenarioId } },
        body: { monthly_budget: monthlyBudget },
      }),
    ),
  )
}

export function useRemoveBudget(scenarioId: string) {
  return useBudgetMutation(scenarioId, () =>
    unwrap(api.DELETE('/api/v1/scenarios/{id}/budget', { params: { path: { id: scenarioId } } })),
  )
}

export function useCreateRule(scenarioId: string) {
  return useBudgetMutation(scenarioId, (body: RuleInput) =>
    unwrap(api.POST('/api/v1/scenarios/{id}/alert-rules', { params: { path: { id: scenarioId } }, body })),
  )
}

export function useSetRuleEnabled(scenarioId: string) {
  return useBudgetMutation(scenarioId, ({ id, enabled }: { id: string; enabled: boolean }) =>
    unwrap(api.PATCH('/api/v1/alert-rules/{id}', { params: { path: { id } }, body: { enabled } })),
  )
}

export function useDeleteRule(scenarioId: string) {
  return useBudgetMutation(scenarioId, (id: string) =>
    unwrap(api.DELETE('/api/v1/alert-rules/{id}', { params: { path: { id } } })),
  )
}
