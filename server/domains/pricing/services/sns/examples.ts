import type { WorkedExample } from '../service-descriptor.js'

/**
 * Automated Security Response on AWS implementation guide, "Cost", "Pricing examples (monthly)" (AWS Solutions
 * documentation; read from a Markdown copy of the page). Its component table prices SNS at "$0.50 per 1 million
 * requests" after a free first million, but the examples apply no free tier.
 */
const ASR_COST = 'https://docs.aws.amazon.com/solutions/latest/automated-security-response-on-aws/cost.html'

export const snsExamples: WorkedExample[] = [
  {
    // "Example 3: 3,000 remediations per month [...] Amazon SNS | $0.50 * 1,000,000 notifications = $0.50 |
    // $0.50": a million requests at the Standard-topic publish rate; the notifications go to the solution's own
    // subscribers (Lambda, SQS), whose deliveries are free.
    name: 'SNS: Automated Security Response, 3,000 remediations a month, 1M publishes (no free tier)',
    source: ASR_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'sns', params: { publishes: 1_000_000, topic_type: 'standard' } }],
    printedTotal: '0.50',
  },
]
