import type { WorkedExample } from '../service-descriptor.js'

/**
 * Workload Discovery on AWS implementation guide, "Cost", "Option 1: Single instance deployment (default)" (AWS
 * Solutions documentation, US East (N. Virginia); read from a Markdown copy of the page).
 */
const WORKLOAD_DISCOVERY_COST =
  'https://docs.aws.amazon.com/solutions/latest/workload-discovery-on-aws/cost.html'

/**
 * Sensitive Data Protection on AWS implementation guide (awslabs), "Cost", US East (N. Virginia) table "for one
 * month (calculated as 30 days)"; the rates are quoted from the table as it read before commit 8c041ea.
 */
const SDP_COST =
  'https://github.com/awslabs/sensitive-data-protection-on-aws/blob/main/docs/en/plan-deployment/cost.md'

export const natGatewayExamples: WorkedExample[] = [
  {
    // "Amazon VPC (NAT Gateway) | N/A | $0.090 | $65.70": $0.090 an hour is two gateways at $0.045, for a
    // 730-hour month ($65.70). The row prices no data processing.
    name: 'NAT gateway: Workload Discovery, two gateways for a month, no data processed',
    source: WORKLOAD_DISCOVERY_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'nat_gateway', params: { gateways: 2, hours: 730, data_processed_gb: 0 } }],
    printedTotal: '65.70',
  },
  {
    // "Amazon Elastic Compute Cloud NatGateway | USD 0.045 per GB Data Processed by NAT Gateways | 30 GB-Mo |
    // 1.35 [...] USD 0.045 per NAT Gateway Hour | 720 Hrs | 32.4": one gateway for 720 hours and 30 GB
    // processed, $33.75.
    name: 'NAT gateway: Sensitive Data Protection, one gateway for 720 hours, 30 GB processed',
    source: SDP_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'nat_gateway', params: { gateways: 1, hours: 720, data_processed_gb: 30 } }],
    printedTotal: '33.75',
  },
]
