import { describe, expect, it } from 'vitest'
import type { Costs, Scenario } from '../api/scenarios-api'
import { summarizeCosts } from './use-portfolio-costs'

const scenario = (id: string) => ({ id, name: id }) as Scenario
const costs = (total: string, services: Record<string, string>) =>
  ({
    currency: 'USD',
    total_monthly: {
      total,
      by_service: Object.entries(services).map(([service, cost]) => ({ service, cost, by_usage_type: [] })),
      unpriced: [],
    },
  }) as unknown as Costs

describe('summarizeCosts', () => {
  it('adds totals and services across scenarios and ranks the most expensive first', () => {
    const summary = summarizeCosts([
      { scenario: scenario('a'), costs: costs('3.5', { lambda: '1.5', s3: '2' }) },
      { scenario: scenario('b'), costs: costs('10', { lambda: '10' }) },
      { scenario: scenario('c'), costs: costs('0', {}) },
      { scenario: scenario('d'), costs: undefined },
    ])
    expect(summary.total).toBe(13.5)
    expect(summary.byService).toEqual([
      { service: 'lambda', cost: 11.5 },
      { service: 's3', cost: 2 },
    ])
    expect(summary.top.map((t) => t.scenario.id)).toEqual(['b', 'a'])
    expect(summary.priced).toBe(3)
  })
})
