import { describe, expect, it } from 'vitest'
import { evaluateRule, type Figures, previousUtcDay, transitionOf, utcDay } from './evaluation.js'

const figures = (overrides: Partial<Figures> = {}): Figures => ({
  projected: '120',
  budget: null,
  previousDay: null,
  ...overrides,
})

describe('projected_above', () => {
  it('triggers above its own threshold and is ok at or below it', () => {
    const rule = { kind: 'projected_above', threshold: '100' } as const
    expect(evaluateRule(rule, figures({ projected: '100.000001' }))).toEqual({
      outcome: 'triggered',
      limit: '100',
      changePct: null,
    })
    expect(evaluateRule(rule, figures({ projected: '100' })).outcome).toBe('ok')
    expect(evaluateRule(rule, figures({ projected: '0' })).outcome).toBe('ok')
  })

  it('compares with the budget when it has no threshold, and ignores the budget when it has one', () => {
    const byBudget = { kind: 'projected_above', threshold: null } as const
    expect(evaluateRule(byBudget, figures({ budget: '150.000000' }))).toEqual({
      outcome: 'ok',
      limit: '150',
      changePct: null,
    })
    expect(evaluateRule(byBudget, figures({ budget: '119.99' })).outcome).toBe('triggered')
    const own = { kind: 'projected_above', threshold: '200' } as const
    expect(evaluateRule(own, figures({ budget: '50' })).outcome).toBe('ok')
  })

  it('is unknown without a threshold and without a budget', () => {
    expect(evaluateRule({ kind: 'projected_above', threshold: null }, figures()).outcome).toBe('unknown')
  })

  it('compares exact decimals, not floats', () => {
    const rule = { kind: 'projected_above', threshold: '0.3' } as const
    // 0.1 + 0.2 as a float is 0.30000000000000004; the decimal string is exactly 0.3.
    expect(evaluateRule(rule, figures({ projected: '0.3' })).outcome).toBe('ok')
  })
})

describe('daily_jump_pct', () => {
  const rule = { kind: 'daily_jump_pct', jumpPct: '25' } as const

  it('triggers when the projection rose more than the percentage against the previous day', () => {
    expect(evaluateRule(rule, figures({ projected: '126', previousDay: '100' }))).toEqual({
      outcome: 'triggered',
      limit: '100',
      changePct: '26',
    })
    expect(evaluateRule(rule, figures({ projected: '125', previousDay: '100' })).outcome).toBe('ok')
    expect(evaluateRule(rule, figures({ projected: '50', previousDay: '100' }))).toEqual({
      outcome: 'ok',
      limit: '100',
      changePct: '-50',
    })
  })

  it('rounds the change to 4 decimals', () => {
    expect(evaluateRule(rule, figures({ projected: '4', previousDay: '3' })).outcome).toBe('triggered')
    expect(evaluateRule(rule, figures({ projected: '4', previousDay: '3' }))).toMatchObject({
      changePct: '33.3333',
    })
  })

  it('is unknown without a previous day, or from a previous day of zero', () => {
    expect(evaluateRule(rule, figures({ previousDay: null })).outcome).toBe('unknown')
    expect(evaluateRule(rule, figures({ previousDay: '0' })).outcome).toBe('unknown')
  })
})

describe('transitionOf', () => {
  it('alerts only on a change of state', () => {
    const triggered = { outcome: 'triggered', limit: '1', changePct: null } as const
    const ok = { outcome: 'ok', limit: '1', changePct: null } as const
    const unknown = { outcome: 'unknown', reason: 'no budget' } as const
    expect(transitionOf('ok', triggered)).toBe('triggered')
    expect(transitionOf('triggered', triggered)).toBeNull()
    expect(transitionOf('triggered', ok)).toBe('resolved')
    expect(transitionOf('ok', ok)).toBeNull()
    expect(transitionOf('ok', unknown)).toBeNull()
    expect(transitionOf('triggered', unknown)).toBeNull()
  })
})

describe('UTC days', () => {
  it('names the UTC calendar day and the one before, across months and years', () => {
    expect(utcDay(new Date('2026-03-01T00:30:00+02:00'))).toBe('2026-02-28')
    expect(previousUtcDay('2026-03-01')).toBe('2026-02-28')
    expect(previousUtcDay('2024-03-01')).toBe('2024-02-29')
    expect(previousUtcDay('2026-01-01')).toBe('2025-12-31')
  })
})
