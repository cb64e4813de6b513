import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Solutions Library, "Guidance for Connected Mobility on AWS", README "Sample Cost Table" (US East (N.
 * Virginia), one month, default parameters; the table is marked as October 2024 pricing).
 */
const CONNECTED_MOBILITY_GUIDANCE =
  'https://github.com/aws-solutions-library-samples/guidance-for-connected-mobility-on-aws'

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
]
