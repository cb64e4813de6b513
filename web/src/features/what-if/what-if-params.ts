/** The what-if inputs as the form holds them (a NumberInput gives '' when emptied). */
export type WhatIfValues = { scale: number | string; growth: number | string; months: number | string }
export type WhatIfParams = { scale: number; growth_pct_per_month: number; months: number }
export type WhatIfErrors = Partial<Record<keyof WhatIfValues, string>>

/** The ranges of GET /scenarios/:id/costs (docs/what-if-and-sharing.md); the server checks them again. */
export const WHAT_IF_LIMITS = {
  scale: { min: 0, max: 1000 },
  growth: { min: -50, max: 500 },
  months: { min: 1, max: 36 },
} as const

export const DEFAULT_WHAT_IF: WhatIfValues = { scale: 1, growth: 0, months: 12 }

function numberOf(value: number | string): number | null {
  if (value === '') return null
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : null
}

/** A message per invalid input, worded like the server's ranges: scale > 0 and ≤ 1000, growth −50…500, months 1…36. */
export function validateWhatIf(values: WhatIfValues): WhatIfErrors {
  const errors: WhatIfErrors = {}
  const scale = numberOf(values.scale)
  const growth = numberOf(values.growth)
  const months = numberOf(values.months)
  const { scale: s, growth: g, months: m } = WHAT_IF_LIMITS
  if (scale === null) errors.scale = 'Enter a number'
  else if (scale <= s.min || scale > s.max) errors.scale = `Must be above ${s.min} and at most ${s.max}`
  if (growth === null) errors.growth = 'Enter a number'
  else if (growth < g.min || growth > g.max) errors.growth = `Must be from ${g.min} to ${g.max}`
  if (months === null) errors.months = 'Enter a number'
  else if (!Number.isInteger(months)) errors.months = 'Enter a whole number'
  else if (months < m.min || months > m.max) errors.months = `Must be from ${m.min} to ${m.max}`
  return errors
}

/** The costs query of valid inputs, or null while any input is invalid (the last valid table stays). */
export function toWhatIfParams(values: WhatIfValues): WhatIfParams | null {
  if (Object.keys(validateWhatIf(values)).length > 0) return null
  return {
    scale: Number(values.scale),
    growth_pct_per_month: Number(values.growth),
    months: Number(values.months),
  }
}

type ServiceCost = { service: string; cost: string }

/** The month's most expensive services, largest first. */
export function topServices(byService: ServiceCost[], count = 3): ServiceCost[] {
  return [...byService]
    .filter((s) => Number(s.cost) !== 0)
    .sort((a, b) => Number(b.cost) - Number(a.cost) || a.service.localeCompare(b.service))
    .slice(0, count)
}
