import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Solutions Library, "Guidance for Connected Mobility on AWS", README "Sample Cost Table" (US East (N.
 * Virginia), one month, default parameters; the table is marked as October 2024 pricing).
 */
const CONNECTED_MOBILITY_GUIDANCE =
  'https://github.com/aws-solutions-library-samples/guidance-for-connected-mobility-on-aws'

/**
 * AWS Solutions Library, "Guidance for Building Ultra-Low-Latency Online Feature Store using Amazon ElastiCache
 * for Redis", README "Cost" (US East (N. Virginia), as of 24 May 2024).
 */
const FEATURE_STORE_GUIDANCE =
  'https://github.com/aws-solutions-library-samples/guidance-for-building-ultra-low-latency-online-feature-store-using-amazon-elasticache-for-redis'

export const elasticacheExamples: WorkedExample[] = [
  {
    // "Amazon ElastiCache for Redis | cache.t3.micro node | $12.41": one On-Demand Redis OSS cache.t3.micro
    // node for a 730-hour month at $0.017 per node-hour. The table takes no free tier.
    name: 'ElastiCache: Connected Mobility guidance, one cache.t3.micro Redis OSS node for a month',
    source: CONNECTED_MOBILITY_GUIDANCE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'elasticache',
        params: {
          deployment: 'node_based',
          engine: 'redis',
          node_type: 'cache.t3.micro',
          nodes: 1,
          hours: 730,
        },
      },
    ],
    printedTotal: '12.41',
  },
  {
    // "Amazon ElastiCache Serverless | 730000 requests per month @ $0.0034 per million Redis ECPUs and 1GB Cache
    // size @ $0.125 per GB-hour for Redis data storage | $91.25": 1 GB for 730 hours ($91.25) plus 730,000 ECPUs
    // (one per request) at $0.0034 per million ($0.0025).
    name: 'ElastiCache: feature-store guidance, Serverless Redis OSS, 1 GB and 730,000 ECPUs for a month',
    source: FEATURE_STORE_GUIDANCE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'elasticache',
        params: { deployment: 'serverless', engine: 'redis', data_stored_gb: 1, ecpus: 730_000, hours: 730 },
      },
    ],
    printedTotal: '91.25',
  },
]
