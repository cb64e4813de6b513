import type { WorkedExample } from '../service-descriptor.js'

/**
 * Workload Discovery on AWS implementation guide, "Cost", "Option 1: Single instance deployment (default)" (AWS
 * Solutions documentation, US East (N. Virginia); read from a Markdown copy of the page).
 */
const WORKLOAD_DISCOVERY_COST =
  'https://docs.aws.amazon.com/solutions/latest/workload-discovery-on-aws/cost.html'

export const natGatewayExamples: WorkedExample[] = [
  {
    // "Amazon VPC (NAT Gateway) | N/A | $0.090 | $65.70": $0.090 an hour is two gateways at $0.045, for a
    // 730-hour month ($65.70). The row prices no data processing.
    name: 'NAT gateway: Workload Discovery, two gateways for a month, no data processed',
    source: WORKLOAD_DISCOVERY_COST,
    region: 'us-east-1',
    items: [{ service: 'nat_gateway', params: { gateways: 2, hours: 730, data_processed_gb: 0 } }],
    printedTotal: '65.70',
  },
]
