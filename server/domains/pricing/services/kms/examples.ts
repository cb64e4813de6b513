import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Solutions Library, "Guidance for Building Ultra-Low-Latency Online Feature Store using Amazon ElastiCache
 * for Redis", README "Cost": "As of 05/24/2024, the cost for running this guidance with the default settings in
 * the US East (N. Virginia) is approximately $310.06 per month".
 */
const FEATURE_STORE_GUIDANCE =
  'https://github.com/aws-solutions-library-samples/guidance-for-building-ultra-low-latency-online-feature-store-using-amazon-elasticache-for-redis'

/**
 * Automated Security Response on AWS implementation guide, "Cost", "Pricing examples (monthly)" (AWS Solutions
 * documentation; read from a Markdown copy of the page). The examples count one customer managed key per account
 * and Region and the Encrypt/Decrypt requests left after the solution's KMS caching, with no free tier.
 */
const ASR_COST = 'https://docs.aws.amazon.com/solutions/latest/automated-security-response-on-aws/cost.html'

/**
 * Landing Zone Accelerator on AWS implementation guide, "Cost", "Sample cost table" (AWS Solutions
 * documentation, US East (N. Virginia), the sample configuration "with no activity, for one month"; read from a
 * Markdown copy of the page).
 */
const LZA_COST = 'https://docs.aws.amazon.com/solutions/latest/landing-zone-accelerator-on-aws/cost.html'

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
  {
    // "Example 1: 300 remediations per month [...] AWS Key Management Service | 1 key * 10 accounts * 1 Region *
    // $1 = $10 [...] With AWS KMS caching: 20,600 * 0.30 = 6,180 requests; $0.03 per 10,000 requests [...] |
    // $10.02": 10 keys and 6,180 symmetric requests ($0.01854).
    name: 'KMS: Automated Security Response, 300 remediations a month, 10 keys and 6,180 requests (no free tier)',
    source: ASR_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'kms', params: { keys: 10, symmetric_requests: 6_180 } }],
    printedTotal: '10.02',
  },
  {
    // "Example 4: 30,000 remediations per month [...] (1 key) $1 * 1,000 accounts * 10 Region = $10,000 [...]
    // 6,018,000 requests; $0.03 * (6,018,000 / 10,000) = $18.05 | $10,018.05": 10,000 keys and 6,018,000
    // symmetric requests ($18.054). The deployment spans 10 Regions; the guide prices them all at the same $1 and
    // $0.03, as the example does with the US East (N. Virginia) rates.
    name: 'KMS: Automated Security Response, 30,000 remediations a month, 10,000 keys and 6,018,000 requests',
    source: ASR_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'kms', params: { keys: 10_000, symmetric_requests: 6_018_000 } }],
    printedTotal: '10018.05',
  },
  {
    // "AWS KMS | + 43 customer managed keys (CMKs) + 521,288 symmetric requests | $44.56": $43 for the keys and
    // 521,288 requests × $0.03 per 10,000 = $1.5639, with no free tier (with the 20,000 free requests the row
    // would be $44.50).
    name: 'KMS: Landing Zone Accelerator, 43 keys and 521,288 symmetric requests (no free tier)',
    source: LZA_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'kms', params: { keys: 43, symmetric_requests: 521_288 } }],
    printedTotal: '44.56',
  },
]
