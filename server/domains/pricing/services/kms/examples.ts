import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Solutions Library, "Guidance for Building Ultra-Low-Latency Online Feature Store using Amazon ElastiCache
 * for Redis", README "Cost": "As of 05/24/2024, the cost for running this guidance with the default settings in
 * the US East (N. Virginia) is approximately $310.06 per month".
 */
const FEATURE_STORE_GUIDANCE =
  'https://github.com/aws-solutions-library-samples/guidance-for-building-ultra-low-latency-online-feature-store-using-amazon-elasticache-for-redis'

export const kmsExamples: WorkedExample[] = [
  {
    // "AWS Key Management Service | 1 CMK, 1 million symmetric requests x 0.000003 USD | $4.00": $1 for the key
    // plus 1,000,000 requests at $0.03 per 10,000 ($3.00). The row takes no free tier (with it, 980,000 billed
    // requests would come to $2.94).
    name: 'KMS: ElastiCache feature-store guidance, 1 key and 1M symmetric requests (no free tier)',
    source: FEATURE_STORE_GUIDANCE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'kms', params: { keys: 1, symmetric_requests: 1_000_000 } }],
    printedTotal: '4.00',
  },
]
