import { useQuery } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { paths } from '@/lib/api-schema.generated'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type Comparison = Json<paths['/api/v1/scenarios/compare']['post']['responses'][200]>

export const MIN_COMPARE = 2
export const MAX_COMPARE = 4

/** POST /scenarios/compare reads only; it is a query keyed by the ids, in order (the first is the base). */
export function useComparison(ids: string[]) {
  return useQuery({
    queryKey: ['scenarios', 'compare', ids],
    queryFn: () => unwrap(api.POST('/api/v1/scenarios/compare', { body: { scenario_ids: ids } })),
    enabled: ids.length >= MIN_COMPARE && ids.length <= MAX_COMPARE,
  })
}

export type ComparisonRow = {
  key: string
  service: string
  /** Absent on a service subtotal row. */
  usageType?: string
  /** Cost per month of each scenario, in the order of the comparison; "0" where it has none. */
  costs: string[]
  /** Delta of each scenario after the first against the first. */
  deltas: string[]
  impact: number
}

/**
 * One row per service (its subtotal) followed by its usage types, services and usage types ordered by the
 * largest absolute delta of any scenario (the server sorts each delta list by impact; with three or four
 * scenarios the largest wins).
 */
export function comparisonRows(comparison: Comparison): ComparisonRow[] {
  const { scenarios, deltas } = comparison
  const serviceRows = new Map<string, ComparisonRow>()
  const usageRows = new Map<string, ComparisonRow[]>()
  const blank = () => scenarios.map(() => '0')
  const deltaBlank = () => deltas.map(() => '0')

  scenarios.forEach((scenario, i) => {
    for (const service of scenario.total_monthly.by_service) {
      let row = serviceRows.get(service.service)
      if (!row) {
        row = {
          key: service.service,
          service: service.service,
          costs: blank(),
          deltas: deltaBlank(),
          impact: 0,
        }
        serviceRows.set(service.service, row)
        usageRows.set(service.service, [])
      }
      row.costs[i] = service.cost
      const usages = usageRows.get(service.service) ?? []
      for (const usage of service.by_usage_type) {
        let u = usages.find((r) => r.usageType === usage.usage_type)
        if (!u) {
          u = {
            key: `${service.service}:${usage.usage_type}`,
            service: service.service,
            usageType: usage.usage_type,
            costs: blank(),
            deltas: deltaBlank(),
            impact: 0,
          }
          usages.push(u)
        }
        u.costs[i] = usage.cost
      }
    }
  })

  deltas.forEach((delta, j) => {
    for (const d of delta.by_service) {
      const row = serviceRows.get(d.service)
      if (!row) continue
      row.deltas[j] = d.delta
      row.impact = Math.max(row.impact, Math.abs(Number(d.delta)))
    }
    for (const d of delta.by_usage_type) {
      const row = usageRows.get(d.service)?.find((r) => r.usageType === d.usage_type)
      if (!row) continue
      row.deltas[j] = d.delta
      row.impact = Math.max(row.impact, Math.abs(Number(d.delta)))
    }
  })

  const byImpact = (a: ComparisonRow, b: ComparisonRow) => b.impact - a.impact || a.key.localeCompare(b.key)
  return [...serviceRows.values()]
    .sort(byImpact)
    .flatMap((service) => [service, ...(usageRows.get(service.service) ?? []).sort(byImpact)])
}
