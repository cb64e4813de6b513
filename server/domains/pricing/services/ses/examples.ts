import type { WorkedExample } from '../service-descriptor.js'

/** AWS Messaging Blog, 24 March 2026 (Bruno Giorgini), "Cost considerations". */
const MESSAGING_API_BLOG =
  'https://aws.amazon.com/blogs/messaging-and-targeting/building-a-scalable-messaging-api-with-aws-end-user-messaging-and-ses/'

export const sesExamples: WorkedExample[] = [
  {
    // "For 1 million messages per month estimated costs are: [...] Amazon SES | 1M emails | $100.00", that is
    // 1,000,000 emails at $0.10 per 1,000 (one recipient each, no attachments).
    name: 'SES: messaging API, 1M emails sent in a month',
    source: MESSAGING_API_BLOG,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'ses', params: { emails_sent: 1_000_000 } }],
    printedTotal: '100.00',
  },
]
