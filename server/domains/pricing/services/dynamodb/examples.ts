import type { WorkedExample } from '../service-descriptor.js'

/**
 * Amazon CloudFront Extensions Implementation Guide (awslabs), "Cost": per-feature tables "As of March 2023 [...]
 * in the US East (N. Virginia) Region (excludes free tier)".
 */
const CLOUDFRONT_EXTENSIONS_COST =
  'https://github.com/awslabs/aws-cloudfront-extensions/blob/main/docs-ig/en/cost.md'

export const dynamodbExamples: WorkedExample[] = [
  {
    // "CloudFront configuration snapshot [...] Amazon DynamoDB | 2GB data storage | $0.50": 2 GB-months of
    // Standard table storage at $0.25 per GB-month, without the 25 GB free tier.
    name: 'DynamoDB: CloudFront Extensions configuration snapshots, 2 GB stored (no free tier)',
    source: CLOUDFRONT_EXTENSIONS_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'dynamodb',
        params: { storage_gb: 2, write_request_units: 0, read_request_units: 0, capacity_mode: 'on_demand' },
      },
    ],
    printedTotal: '0.50',
  },
  {
    // "Pre-warming, Example 2 [...] Amazon DynamoDB | 1GB data storage, 2K writes, 200 reads | $0.25": $0.25
    // for the GB-month plus 2,000 on-demand write and 200 read request units. The guide priced the requests at
    // the March 2023 rates ($1.25 and $0.25 per million: $0.0025 and $0.00005); the catalog's current rates
    // ($0.625 and $0.125 per million) give $0.00125 and $0.000025. Both round to the printed $0.25.
    name: 'DynamoDB: CloudFront Extensions pre-warming, 1 GB stored, 2K writes, 200 reads (no free tier)',
    source: CLOUDFRONT_EXTENSIONS_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'dynamodb',
        params: {
          storage_gb: 1,
          write_request_units: 2_000,
          read_request_units: 200,
          capacity_mode: 'on_demand',
        },
      },
    ],
    printedTotal: '0.25',
  },
]
