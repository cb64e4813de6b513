import type { WorkedExample } from '../service-descriptor.js'

/**
 * Guidance for Real-Time Text Search Using Amazon OpenSearch Service (aws-solutions-library-samples), README,
 * "Sample Cost Table" (US East (N. Virginia), one month, as of June 2024).
 */
const TEXT_SEARCH_GUIDANCE_COST =
  'https://github.com/aws-solutions-library-samples/guidance-for-real-time-text-search-using-amazon-opensearch-service/blob/main/README.md'

export const secretsManagerExamples: WorkedExample[] = [
  {
    // "Secrets Manager | $0.40 per secret per month | $0.40 | monthly": one secret all month, no API calls stated.
    name: 'Secrets Manager: one secret stored all month',
    source: TEXT_SEARCH_GUIDANCE_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'secretsmanager', params: { secrets: 1 } }],
    printedTotal: '0.40',
  },
]
