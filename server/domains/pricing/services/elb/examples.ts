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

/**
 * Scalable Analytics using Apache Druid on AWS implementation guide, "Cost", "Cost table" (AWS Solutions
 * documentation, US East (N. Virginia), one month; read from a Markdown copy of the page): one ALB per usage
 * profile, "N GB/h processed bytes (EC2 Instances and IP addresses as targets)".
 */
const DRUID_COST =
  'https://docs.aws.amazon.com/solutions/latest/scalable-analytics-using-apache-druid-on-aws/cost.html'

const druidAlb = (gbPerHour: number) => ({
  service: 'elb',
  params: {
    load_balancer_type: 'application',
    load_balancers: 1,
    hours: 730,
    processed_gb_per_hour: gbPerHour,
  },
})

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
  {
    // Small profile: "Amazon ELB | 1 x ALB, 5 GB/h processed bytes [...] | $45.63": $16.425 for 730 hours, and
    // 5 GB an hour is 5 LCU (1 GB per LCU-hour for EC2 and IP targets), 5 × 730 × $0.008 = $29.20; $45.625.
    name: 'ELB: Apache Druid small profile, 1 ALB processing 5 GB an hour',
    source: DRUID_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [druidAlb(5)],
    printedTotal: '45.63',
  },
  {
    // Medium profile: "1 x ALB, 20 GB/h processed bytes [...] | $133.23": $16.425 + 20 × 730 × $0.008 = $133.225.
    name: 'ELB: Apache Druid medium profile, 1 ALB processing 20 GB an hour',
    source: DRUID_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [druidAlb(20)],
    printedTotal: '133.23',
  },
  {
    // Large profile: "1 x ALB, 200 GB/h processed bytes [...] | $1,184.43": $16.425 + 200 × 730 × $0.008 =
    // $1,184.425.
    name: 'ELB: Apache Druid large profile, 1 ALB processing 200 GB an hour',
    source: DRUID_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [druidAlb(200)],
    printedTotal: '1184.43',
  },
]
