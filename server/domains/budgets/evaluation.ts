import { ExactDecimal } from '../pricing/cost-engine.js'

export type RuleState = 'ok' | 'triggered'
export type Transition = 'triggered' | 'resolved'

export type RuleCondition =
  /** Fires when the projected month cost is above `threshold`, or above the budget when it is null. */
  | { kind: 'projected_above'; threshold: string | null }
  /** Fires when the projection rose more than `jumpPct` percent against the previous UTC day's. */
  | { kind: 'daily_jump_pct'; jumpPct: string }

export type Figures = {
  /** The scenario's projected month cost now (total_monthly). */
  projected: string
  /** The scenario's monthly budget, if one is set. */
  budget: string | null
  /** The last projection stored on the previous UTC day, if any. */
  previousDay: string | null
}

export type Verdict =
  | { outcome: 'unknown'; reason: string }
  | { outcome: 'ok' | 'triggered'; limit: string; changePct: string | null }

const PCT_DECIMALS = 4

/**
 * Judges one rule against the figures. `unknown` (no budget to compare with, no previous day, a previous day
 * of zero) leaves the rule's state as it is: a missing figure is not evidence that costs are fine.
 */
export function evaluateRule(rule: RuleCondition, figures: Figures): Verdict {
  const projected = new ExactDecimal(figures.projected)
  if (rule.kind === 'projected_above') {
    const limit = rule.threshold ?? figures.budget
    if (limit === null) return { outcome: 'unknown', reason: 'no threshold and no budget' }
    return {
      outcome: projected.greaterThan(limit) ? 'triggered' : 'ok',
      limit: new ExactDecimal(limit).toFixed(),
      changePct: null,
    }
  }
  if (figures.previousDay === null) return { outcome: 'unknown', reason: 'no projection on the previous day' }
  const baseline = new ExactDecimal(figures.previousDay)
  // A rise from zero has no percentage; the projected_above rule covers a first cost.
  if (baseline.isZero()) return { outcome: 'unknown', reason: 'the previous day projected zero' }
  const change = projected.minus(baseline).dividedBy(baseline).times(100)
  return {
    outcome: change.greaterThan(rule.jumpPct) ? 'triggered' : 'ok',
    limit: baseline.toFixed(),
    changePct: change.toDecimalPlaces(PCT_DECIMALS).toFixed(),
  }
}

/** The state change a verdict causes from `current`, or null: only a change is alerted, never a repeat. */
export function transitionOf(current: RuleState, verdict: Verdict): Transition | null {
  if (verdict.outcome === 'unknown' || verdict.outcome === current) return null
  return verdict.outcome === 'triggered' ? 'triggered' : 'resolved'
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`: projections are kept one per scenario per day. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}

/** The UTC day before `day`. */
export function previousUtcDay(day: string): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000))
}
