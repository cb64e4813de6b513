import type { WorkedExample } from '../service-descriptor.js'

/**
 * Landing Zone Accelerator on AWS implementation guide, "Cost", "Sample cost table": the sample configuration in
 * US East (N. Virginia), "with no activity, for one month" (AWS Solutions documentation; read from a Markdown
 * copy of the page).
 */
const LZA_COST = 'https://docs.aws.amazon.com/solutions/latest/landing-zone-accelerator-on-aws/cost.html'

export const route53Examples: WorkedExample[] = [
  {
    // "Amazon Route 53 | 6 hosted zones | $3.00": 6 hosted zones at $0.50 a month (within the first 25), with
    // no queries ("no activity").
    name: 'Route 53: Landing Zone Accelerator sample configuration, 6 hosted zones',
    source: LZA_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'route53', params: { hosted_zones: 6 } }],
    printedTotal: '3.00',
  },
]
