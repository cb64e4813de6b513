import type { WorkedExample } from '../service-descriptor.js'

/**
 * Network Orchestration for AWS Transit Gateway implementation guide, "Cost", "Sample cost table" (AWS Solutions
 * documentation, US East (N. Virginia), one month; read from a Markdown copy of the page): "Two VPCs are
 * managed, each attached to one transit gateway".
 */
const NETWORK_ORCHESTRATION_COST =
  'https://docs.aws.amazon.com/solutions/latest/network-orchestration-aws-transit-gateway/cost.html'

/**
 * Landing Zone Accelerator on AWS implementation guide, "Cost", "Sample cost table" (AWS Solutions
 * documentation, US East (N. Virginia), the sample configuration "with no activity, for one month"; read from a
 * Markdown copy of the page).
 */
const LZA_COST = 'https://docs.aws.amazon.com/solutions/latest/landing-zone-accelerator-on-aws/cost.html'

export const transitGatewayExamples: WorkedExample[] = [
  {
    // "Transit Gateway | Hourly charge (containing two VPC attachments) | $72.00": 2 attachments × $0.05 per
    // attachment-hour for a 720-hour (30-day) month. The table's data-processing row ("data transfer of 1 GB
    // from two attached VPCs | $0.60") does not follow from the $0.02 per GB rate and is not reproduced.
    name: 'Transit Gateway: Network Orchestration, two VPC attachments for 720 hours',
    source: NETWORK_ORCHESTRATION_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'transit_gateway', params: { attachments: 2, hours: 720, data_processed_gb: 0 } }],
    printedTotal: '72.00',
  },
  {
    // "Amazon VPC | + 2 Transit Gateway attachments with 3 GB each month ($73.12) [...]": 2 attachments × 730 h ×
    // $0.05 = $73.00, and 3 GB through each attachment, 6 GB × $0.02 = $0.12.
    name: 'Transit Gateway: Landing Zone Accelerator, 2 attachments × 730 h with 3 GB each',
    source: LZA_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'transit_gateway', params: { attachments: 2, hours: 730, data_processed_gb: 6 } }],
    printedTotal: '73.12',
  },
]
