import type { WorkedExample } from '../service-descriptor.js'

/**
 * Keycloak on AWS implementation guide (aws-samples), "Cost Estimation", examples 1–3 (US East (N. Virginia), as
 * of June 2022); the load balancer row is the same in all three.
 */
const KEYCLOAK_COST =
  'https://github.com/aws-samples/keycloak-on-aws/blob/main/docs/en/implementation-guide/cost.md'

/**
 * Centralized Logging with OpenSearch implementation guide (aws-solutions), "Cost Estimation", "Additional
 * Features Cost", "Access Proxy" (us-east-1, as of October 2022).
 */
const CENTRALIZED_LOGGING_COST =
  'https://github.com/aws-solutions/centralized-logging-with-opensearch/blob/main/docs/en/implementation-guide/cost.md'

export const elbExamples: WorkedExample[] = [
  {
    // "Application Load Balancer | 1. 100 GB per month for EC2 Instances and IP addresses as targets. 2. Average
    // 40 new connections per second. | $ 25.77": 730 h × $0.0225 = $16.425, and 40 new connections per second
    // are 1.6 LCU (25 per LCU), the largest dimension (100 GB / 730 h is 0.14 LCU), so 1.6 × 730 h × $0.008 =
    // $9.344. The row states no active connections or rules.
    name: 'ELB: Keycloak on AWS, 1 ALB for a month, 40 new connections/s and 100 GB processed',
    source: KEYCLOAK_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'elb',
        params: {
          load_balancer_type: 'application',
          load_balancers: 1,
          hours: 730,
          new_connections_per_second: 40,
          processed_gb_per_hour: 100 / 730,
        },
      },
    ],
    printedTotal: '25.77',
  },
  {
    // "Elastic Load Balancer Cost = $0.0225 per ALB-hour x 720 hours/month = $16.2/month": the hourly charge of
    // one ALB for a 720-hour month, with no LCUs in the figure.
    name: 'ELB: Centralized Logging access proxy, 1 ALB for 720 hours, no LCUs',
    source: CENTRALIZED_LOGGING_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'elb', params: { load_balancer_type: 'application', load_balancers: 1, hours: 720 } }],
    printedTotal: '16.20',
  },
]
