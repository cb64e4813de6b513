import type { WorkedExample } from '../service-descriptor.js'

/**
 * Keycloak on AWS implementation guide (aws-samples), "Cost Estimation", "Example 1" (Aurora MySQL-Compatible,
 * Multi-AZ, On-Demand, US East (N. Virginia), as of June 2022).
 */
const KEYCLOAK_COST =
  'https://github.com/aws-samples/keycloak-on-aws/blob/main/docs/en/implementation-guide/cost.md'

export const auroraExamples: WorkedExample[] = [
  {
    // "Amazon Aurora MySQL-Compatible | 1. Use db.t3.medium (2 vCPU, 4 GB memory). 2. A Multi-AZ DB cluster has a
    // writer DB instance and a reader DB instances [...] 3. Pricing model is OnDemand. 4. 50GB General Purpose SSD
    // (gp2) storage. 5. 30 Baseline IO rate per second, 100 Peak IO rate per second, and 60 Duration of peak IO
    // activity hours per month. | $ 143.51": 2 × 730 h × $0.082 = $119.72, 50 GB × $0.10 = $5.00, and
    // 30 I/O per second for the other 670 hours plus 100 for the 60 peak hours = 93,960,000 I/Os × $0.20 per
    // million = $18.792 (the same count as 30 per second all month plus 70 more in the peak hours).
    name: 'Aurora: Keycloak on AWS example 1, 2 × db.t3.medium MySQL, 50 GB, 93.96M I/Os',
    source: KEYCLOAK_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'aurora',
        params: {
          engine: 'mysql',
          storage_configuration: 'standard',
          instance_class: 'db.t3.medium',
          count: 2,
          hours: 730,
          storage_gb: 50,
          io_requests: 30 * 3600 * 670 + 100 * 3600 * 60,
        },
      },
    ],
    printedTotal: '143.51',
  },
]
