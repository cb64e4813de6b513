import type { Comparison } from './api/compare-api'
import { SERVICE_LABELS } from './service-fields'

export type CostDriver = { key: string; label: string; delta: string }

/** "Amazon Bedrock" → "Bedrock": the driver list reads as a sentence. */
function shortService(service: string): string {
  return (SERVICE_LABELS[service] ?? service).replace(/^(Amazon|AWS) /, '')
}

/**
 * A usage type in words: "bedrock.output_tokens.<model>" → "Bedrock output tokens (<model>)",
 * "sqs.requests.standard" → "SQS requests (standard)", "lambda.requests" → "Lambda requests".
 */
export function driverLabel(service: string, usageType: string): string {
  const [, kind = usageType, ...rest] = usageType.split('.')
  const variant = rest.length > 0 ? ` (${rest.join('.')})` : ''
  return `${shortService(service)} ${kind.replaceAll('_', ' ')}${variant}`
}

/**
 * What moved one scenario's month against the base: its usage-type deltas that are not zero, largest
 * absolute first (the server's order), at most `limit`.
 */
export function costDrivers(delta: Comparison['deltas'][number], limit = 8): CostDriver[] {
  return delta.by_usage_type
    .filter((d) => Number(d.delta) !== 0)
    .slice(0, limit)
    .map((d) => ({
      key: `${d.service}:${d.usage_type}`,
      label: driverLabel(d.service, d.usage_type),
      delta: d.delta,
    }))
}
