import { useQueries } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import { type Costs, type Scenario, scenarioKeys } from '../api/scenarios-api'

export type PortfolioCosts = {
  currency: string
  /** Sum of total_monthly of the scenarios priced so far. */
  total: number
  byService: { service: string; cost: number }[]
  top: { scenario: Scenario; cost: number }[]
  priced: number
}

/** Adds up total_monthly across scenarios: the whole, per service, and the most expensive first. */
export function summarizeCosts(entries: { scenario: Scenario; costs: Costs | undefined }[], topN = 5) {
  const byService = new Map<string, number>()
  const priced: { scenario: Scenario; cost: number }[] = []
  let currency = 'USD'
  for (const { scenario, costs } of entries) {
    if (!costs) continue
    currency = costs.currency
    priced.push({ scenario, cost: Number(costs.total_monthly.total) })
    for (const s of costs.total_monthly.by_service)
      byService.set(s.service, (byService.get(s.service) ?? 0) + Number(s.cost))
  }
  return {
    currency,
    total: priced.reduce((sum, p) => sum + p.cost, 0),
    byService: [...byService]
      .map(([service, cost]) => ({ service, cost }))
      .sort((a, b) => b.cost - a.cost || a.service.localeCompare(b.service)),
    top: [...priced]
      .filter((p) => p.cost > 0)
      .sort((a, b) => b.cost - a.cost)
      .slice(0, topN),
    priced: priced.length,
  } satisfies PortfolioCosts
}

/**
 * Prices the given scenarios (one GET /scenarios/:id/costs each, shared with the scenario pages' cache).
 * The caller bounds the list (the dashboard passes the 20 most recent), so the requests stay bounded.
 */
export function usePortfolioCosts(scenarios: Scenario[]) {
  return useQueries({
    queries: scenarios.map((scenario) => ({
      queryKey: scenarioKeys.costs(scenario.id),
      queryFn: () =>
        unwrap(api.GET('/api/v1/scenarios/{id}/costs', { params: { path: { id: scenario.id } } })),
      staleTime: 30_000,
    })),
    combine: (results) => ({
      summary: summarizeCosts(scenarios.map((scenario, i) => ({ scenario, costs: results[i]?.data }))),
      isPending: results.some((r) => r.isPending),
      failed: results.filter((r) => r.isError).length,
    }),
  })
}
