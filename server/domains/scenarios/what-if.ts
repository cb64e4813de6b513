import type { Decimal } from 'decimal.js'
import {
  ExactDecimal,
  mergeUsage,
  type PricedUsage,
  scaleUsage,
  type UsageMap,
} from '../pricing/cost-engine.js'
import { baseToPriceUnits, isLevelUsageType } from '../pricing/usage-units.js'

const HOUR_MS = 3_600_000
/** At most this many of the most recent observed hours feed the range: one 31-day month. */
export const MAX_RANGE_HOURS = 744

export type WhatIfInput = {
  /** Multiplier of the observed traffic, > 0 and ≤ 1000. */
  scale: Decimal
  /** Compound growth per month in percent, −50..500. */
  growthPct: Decimal
  months: number
}

export type WhatIfMonth = {
  month: number
  usage_factor: string
  total: string
  by_service: { service: string; cost: string }[]
}

/** scale × (1 + growth/100)^(month − 1), exact to ExactDecimal's 60 significant digits. */
export function usageFactor(input: WhatIfInput, month: number): Decimal {
  const growth = new ExactDecimal(1).plus(new ExactDecimal(input.growthPct).dividedBy(100))
  return new ExactDecimal(input.scale).times(growth.pow(month - 1))
}

/**
 * Month-by-month what-if: the projected 30-day month of observed usage (rates scaled to 30 days, storage
 * levels as they are) is multiplied by the month's usage factor, storage included (ten times the traffic
 * stores ten times the bytes), merged with the line items, which are capacity the user chose and are not
 * scaled, and priced once per month, so tiers and the free tier are re-applied to the scaled usage.
 */
export function whatIfMonths(
  projected: UsageMap,
  modelled: UsageMap,
  input: WhatIfInput,
  price: (usage: UsageMap) => PricedUsage,
): WhatIfMonth[] {
  const months: WhatIfMonth[] = []
  for (let month = 1; month <= input.months; month += 1) {
    const factor = usageFactor(input, month)
    const priced = price(mergeUsage(modelled, scaleUsage(projected, factor)))
    months.push({
      month,
      usage_factor: factor.toDecimalPlaces(6).toFixed(),
      total: priced.total,
      by_service: priced.by_service.map((s) => ({ service: s.service, cost: s.cost })),
    })
  }
  return months
}

export type HourlyUsageRow = { hourStartMs: number; usageType: string; quantity: string }

/**
 * One 30-day month of rate usage per observed hour: each hour's usage (base units, summed per usage type)
 * divided by the minutes of that hour inside the observation window and multiplied by 43,200, so a partial
 * first or last hour is not read as a quiet one. Hours of the window without any rollup are months of zero
 * usage. Levels (storage) are left out: the caller adds the projected level to every hour.
 */
export function hourlyMonths(
  rows: HourlyUsageRow[],
  window: { start: Date; end: Date },
  monthMinutes: number,
): UsageMap[] {
  const endMs = window.end.getTime()
  const fromMs = Math.max(window.start.getTime(), endMs - MAX_RANGE_HOURS * HOUR_MS)
  const firstHourMs = Math.floor(fromMs / HOUR_MS) * HOUR_MS
  const byHour = new Map<number, { usageType: string; quantity: string }[]>()
  for (const row of rows) {
    if (isLevelUsageType(row.usageType)) continue
    byHour.set(row.hourStartMs, [...(byHour.get(row.hourStartMs) ?? []), row])
  }
  const months: UsageMap[] = []
  for (let hourMs = firstHourMs; hourMs < endMs; hourMs += HOUR_MS) {
    const covered = (Math.min(hourMs + HOUR_MS, endMs) - Math.max(hourMs, fromMs)) / 60_000
    if (covered <= 0) continue
    const usage = baseToPriceUnits(byHour.get(hourMs) ?? [])
    months.push(scaleUsage(usage, new ExactDecimal(monthMinutes).dividedBy(covered)))
  }
  return months
}

/** Nearest-rank percentile (p in 0..100) of ascending values: the smallest value with p% at or below it. */
export function percentile(sorted: Decimal[], p: number): Decimal {
  if (sorted.length === 0) throw new RangeError('percentile of no values')
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] as Decimal
}

/** p50 and p90 of the month's cost priced once per observed hour (see hourlyMonths). */
export function costRange(
  hourMonths: UsageMap[],
  base: UsageMap,
  price: (usage: UsageMap) => PricedUsage,
): { p50: string; p90: string; hours: number } {
  const totals = hourMonths
    .map((usage) => new ExactDecimal(price(mergeUsage(base, usage)).total))
    .sort((a, b) => a.comparedTo(b))
  return {
    p50: percentile(totals, 50).toFixed(),
    p90: percentile(totals, 90).toFixed(),
    hours: totals.length,
  }
}
