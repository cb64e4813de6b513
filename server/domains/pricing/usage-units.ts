import type { Decimal } from 'decimal.js'
import type { UsageMap } from './cost-engine.js'
import { ExactDecimal } from './exact-decimal.js'
import { usageTypeSpec } from './services/registry.js'

/**
 * The exact number of base units in one price unit of `usageType` (1 when both are the same), from the
 * service descriptor's usage types (docs/usage-types.md). Metering stores integers in base units (bytes,
 * MB·ms, half read request units); the catalog prices GB, GB-seconds and read request units.
 */
export function baseUnitDivisor(usageType: string): Decimal {
  return new ExactDecimal(usageTypeSpec(usageType)?.baseUnitsPerUnit ?? '1')
}

/**
 * True for stocks (how much is stored), not flows (how much happened): projecting a window to a month must
 * not multiply them by 30 days / window.
 */
export function isLevelUsageType(usageType: string): boolean {
  return usageTypeSpec(usageType)?.kind === 'stock'
}

/**
 * Converts stored totals (base units, as decimal strings) to price units, exactly. A negative net (S3 bytes
 * deleted that were stored before the scenario's first event) is floored at zero: storage is never negative.
 */
export function baseToPriceUnits(totals: Iterable<{ usageType: string; quantity: string }>): UsageMap {
  const usage: UsageMap = new Map()
  for (const { usageType, quantity } of totals) {
    const value = new ExactDecimal(quantity).dividedBy(baseUnitDivisor(usageType))
    if (value.greaterThan(0)) usage.set(usageType, value)
  }
  return usage
}

/**
 * Scales observed usage to a month: rates are multiplied by `monthLength / windowLength` (30 days / observed
 * window, in any one unit), levels (storage) are kept, since bytes stored at the end of the window stay stored
 * for the month. Each quantity is multiplied before it is divided, so a whole-number ratio stays exact.
 */
export function projectUsage(
  usage: UsageMap,
  monthLength: Decimal | number,
  windowLength: Decimal | number,
): UsageMap {
  if (!new ExactDecimal(windowLength).greaterThan(0)) throw new RangeError('the window must be longer than 0')
  const projected: UsageMap = new Map()
  for (const [usageType, quantity] of usage) {
    const value = isLevelUsageType(usageType) ? quantity : quantity.times(monthLength).dividedBy(windowLength)
    if (value.greaterThan(0)) projected.set(usageType, value)
  }
  return projected
}
