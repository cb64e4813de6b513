import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Generative AI CDK Constructs (awslabs), "aws-summarization-appsync-stepfn" README, "Cost": "a sample cost
 * breakdown for deploying this solution with the default parameters in the US East (N. Virginia) Region for one
 * month". The construct and its README were removed in February 2025 (commit 6b54970); read at 5613c3d.
 */
const SUMMARIZATION_README =
  'https://github.com/awslabs/generative-ai-cdk-constructs/blob/5613c3d7c1b49bb9b241c271c313109f217e1296/src/patterns/gen-ai/aws-summarization-appsync-stepfn/README.md'

export const eventbridgeExamples: WorkedExample[] = [
  {
    // "Amazon EventBridge | 15 requests per hour = 10800 custom events per month | 0.01": 10,800 custom events
    // (under 64 KB each) × $1.00 per million = $0.0108. A weak check: any rate from about $0.47 to $1.38 per
    // million prints $0.01, but it is the only AWS-printed EventBridge figure found that is not $0.00.
    name: 'EventBridge: summarization construct, 10,800 custom events a month',
    source: SUMMARIZATION_README,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'eventbridge', params: { custom_events: 10_800, event_size_kb: 1 } }],
    printedTotal: '0.01',
  },
]
