import type { WorkedExample } from '../service-descriptor.js'

const ATHENA_PAGE = 'https://aws.amazon.com/athena/pricing/'

export const athenaExamples: WorkedExample[] = [
  {
    // A 3 TB table of uncompressed text: reading one of its four columns still scans the whole 3 TB,
    // 3 × $5 = $15.
    name: 'Athena example 1: one query over a 3 TB uncompressed text table',
    source: ATHENA_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'athena', params: { queries: 1, scanned_gb_per_query: 3072 } }],
    printedTotal: '15.00',
  },
]
