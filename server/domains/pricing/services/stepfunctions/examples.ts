import type { Catalog } from '../../catalog.js'
import type { WorkedExample } from '../service-descriptor.js'

const STEP_FUNCTIONS_PAGE = 'https://aws.amazon.com/step-functions/pricing/'

/**
 * The page computes Express duration at its rounded per-GB-hour rates ($0.06, $0.03, $0.01642) where the Price
 * List bills $0.00001667, $0.00000833 and $0.00000456 per GB-second ($0.060012, $0.029988, $0.016416 an hour).
 */
function withPageGbHourRates(bundled: Catalog): Catalog {
  const catalog = structuredClone(bundled)
  const entry = catalog.prices['us-east-1']?.['stepfunctions.express_gb_seconds']
  if (!entry) throw new Error('no price for stepfunctions.express_gb_seconds')
  const pageRates = ['0.06', '0.03', '0.01642']
  entry.per = '3600'
  entry.tiers = entry.tiers.map((tier, i) => ({ ...tier, price: pageRates[i] ?? tier.price }))
  return catalog
}

export const stepFunctionsExamples: WorkedExample[] = [
  {
    name: 'Step Functions Express: 100M workflows a month × 10 s at 64 MB (62.5M GB-seconds in three bands)',
    source: STEP_FUNCTIONS_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'stepfunctions',
        params: { workflow_type: 'express', requests: 100_000_000, avg_duration_ms: 10_000, memory_mb: 64 },
      },
    ],
    // $100.00 requests + $60.00 + $120.00 + $202.97 duration.
    printedTotal: '482.97',
    catalog: withPageGbHourRates,
  },
]
