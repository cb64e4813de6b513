import type { WorkedExample } from '../service-descriptor.js'

const S3_FAQ = 'https://aws.amazon.com/s3/faqs/ (billing examples; also https://aws.amazon.com/s3/pricing/)'

export const s3Examples: WorkedExample[] = [
  {
    name: 'S3 storage: 100 GB for 15 days and 100 TB for 16 days of March = 52,900 GB-months',
    source: S3_FAQ,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 's3', params: { storage_gb: 52_900, put_requests: 0, get_requests: 0 } }],
    printedTotal: '1215.00',
  },
  {
    name: 'S3 requests: 310,000 PUT and 620,000 GET in March (DELETE is free)',
    source: S3_FAQ,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 's3', params: { storage_gb: 0, put_requests: 310_000, get_requests: 620_000 } }],
    printedTotal: '1.80',
  },
]
