import type { WorkedExample } from '../service-descriptor.js'

/** AWS Messaging Blog, 24 March 2026 (Bruno Giorgini), "Cost considerations". */
const MESSAGING_API_BLOG =
  'https://aws.amazon.com/blogs/messaging-and-targeting/building-a-scalable-messaging-api-with-aws-end-user-messaging-and-ses/'

export const sqsExamples: WorkedExample[] = [
  {
    // "For 1 million messages per month estimated costs are: [...] Amazon SQS | 1M messages | $0.40". The post
    // prices the million messages as a million Standard-queue requests at $0.40 per million and leaves out the
    // always-free first million requests, so the example runs without the free tier.
    name: 'SQS: messaging API, 1M messages a month as 1M Standard requests (no free tier)',
    source: MESSAGING_API_BLOG,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'sqs', params: { requests: 1_000_000, queue_type: 'standard' } }],
    printedTotal: '0.40',
  },
]
