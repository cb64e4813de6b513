import type { WorkedExample } from '../service-descriptor.js'

/**
 * CloudFront Extensions implementation guide (awslabs), "Cost", "Real time monitoring with CloudFront real-time
 * logs" (US East (N. Virginia), as of March 2023, free tier excluded).
 */
const CLOUDFRONT_EXTENSIONS_COST =
  'https://github.com/awslabs/aws-cloudfront-extensions/blob/main/docs-ig/en/cost.md'

export const kinesisExamples: WorkedExample[] = [
  {
    // "Amazon Kinesis Data Stream | 1 shard, 60 records(2KB)/second, 168 hours data retention | $27.76":
    // 730 shard-hours × $0.015 = $10.95, retention beyond 24 hours 730 × $0.02 = $14.60, and
    // 60 × 3,600 × 730 = 157,680,000 records of one 25 KB PUT payload unit each × $0.014 per million = $2.21.
    name: 'Kinesis Data Streams: 1 provisioned shard, 60 records of 2 KB a second, 7-day retention',
    source: CLOUDFRONT_EXTENSIONS_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'kinesis',
        params: {
          capacity_mode: 'provisioned',
          shards: 1,
          records: 60 * 3600 * 730,
          avg_record_kb: 2,
          extended_retention: true,
        },
      },
    ],
    printedTotal: '27.76',
  },
]
