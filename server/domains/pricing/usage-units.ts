import type { Decimal } from 'decimal.js'
import { ExactDecimal, type UsageMap } from './cost-engine.js'

/** 1 GB = 2^30 bytes, as AWS bills it. */
const BYTES_PER_GB = '1073741824'
/** 1 GB-second = 1,024 MB × 1,000 ms, so Lambda duration metered in MB·ms stays an integer. */
const MB_MS_PER_GB_SECOND = '1024000'

/**
 * Base unit → price unit divisors (docs/usage-types.md). Metering stores integers in base units (bytes,
 * MB·ms, half read request units); the catalog prices GB, GB-seconds and read request units. Keys are exact
 * usage types or a prefix ending in `.` for a family (`lambda.gb_seconds.` covers both architectures).
 * Every usage type not listed is stored in its price unit already (divisor 1).
 */
const DIVISORS: [match: string, divisor: string][] = [
  ['lambda.gb_seconds.', MB_MS_PER_GB_SECOND],
  ['lambda.ephemeral_gb_seconds', MB_MS_PER_GB_SECOND],
  ['s3.storage_gb_month', BYTES_PER_GB],
  // An eventually consistent 4 KB read is half a read request unit: metering counts halves.
  ['dynamodb.read_request_units', '2'],
  ['dynamodb.storage_gb_month', BYTES_PER_GB],
  ['cloudwatch_logs.ingested_gb', BYTES_PER_GB],
  ['cloudwatch_logs.stored_gb_month', BYTES_PER_GB],
  ['data_transfer.out_gb', BYTES_PER_GB],
]

/**
 * Usage types whose total is a level (how much is stored), not a rate (how much happened): S3 and DynamoDB
 * storage and archived logs. Projecting a window to a month must not multiply them by 30 days / window.
 */
const LEVEL_USAGE_TYPES = new Set([
  's3.storage_gb_month',
  'dynamodb.storage_gb_month',
  'cloudwatch_logs.stored_gb_month',
])

function matches(usageType: string, match: string): boolean {
  return match.endsWith('.') ? usageType.startsWith(match) : usageType === match
}

/** The exact number of base units in one price unit of `usageType` (1 when both are the same). */
export function baseUnitDivisor(usageType: string): Decimal {
  const found = DIVISORS.find(([match]) => matches(usageType, match))
  return new ExactDecimal(found?.[1] ?? '1')
}

/** True for storage levels, which a projection keeps as they are. */
export function isLevelUsageType(usageType: string): boolean {
  return LEVEL_USAGE_TYPES.has(usageType)
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
