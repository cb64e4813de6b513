import type { Comparison } from './api/compare-api'

export type CostDriver = { key: string; label: string; delta: string }

/**
 * A usage type in words, after its service's display name without "Amazon"/"AWS" (so the list reads as a
 * sentence): "bedrock.output_tokens.<model>" → "Bedrock output tokens (<model>)",
 * "sqs.requests.standard" → "SQS requests (standard)", "lambda.requests" → "Lambda requests".
 */
export function driverLabel(serviceName: string, usageType: string): string {
  const [, kind = usageType, ...rest] = usageType.split('.')
  const variant = rest.length > 0 ? ` (${rest.join('.')})` : ''
  return `${serviceName.replace(/^(Amazon|AWS) /, '')} ${kind.replaceAll('_', ' ')}${variant}`
}

/**
 * What moved one scenario's month against the base: its usage-type deltas that are not zero, largest
 * absolute first (the server's order), at most `limit`.
 */
export function costDrivers(
  delta: Comparison['deltas'][number],
  serviceLabel: (service: string) => string,
  limit = 8,
): CostDriver[] {
  return delta.by_usage_type
    .filter((d) => Number(d.delta) !== 0)
    .slice(0, limit)
    .map((d) => ({
      key: `${d.service}:${d.usage_type}`,
      label: driverLabel(serviceLabel(d.service), d.usage_type),
      delta: d.delta,
    }))
}
