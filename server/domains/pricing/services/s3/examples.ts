import type { WorkedExample } from '../service-descriptor.js'

const S3_FAQ = 'https://aws.amazon.com/s3/faqs/ (billing examples; also https://aws.amazon.com/s3/pricing/)'
const S3_FAQ_EXPRESS = 'https://aws.amazon.com/s3/faqs/ (S3 Express One Zone, billing example 1)'
const REPOST_GLACIER_RETRIEVAL = 'https://repost.aws/knowledge-center/s3-manage-data-retrieval'

/** KB per GB: the FAQ converts request sizes in KB to GB by dividing by 1,048,576. */
const KB_PER_GB = 1_048_576

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
  {
    name: 'S3 Express One Zone: 10 GB, 1M PUT and 9M GET of 10 KB (upload and retrieval per GB), 1M DELETE free',
    source: S3_FAQ_EXPRESS,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 's3',
        params: {
          storage_class: 'express_one_zone',
          storage_gb: 10,
          put_requests: 1_000_000,
          get_requests: 9_000_000,
          upload_gb: (10 * 1_000_000) / KB_PER_GB,
          retrieval_gb: (10 * 9_000_000) / KB_PER_GB,
        },
      },
    ],
    printedTotal: '2.58',
  },
  {
    name: 'S3 Glacier Flexible Retrieval: Standard restore of 15,000,000 objects, 102,400 GB',
    source: REPOST_GLACIER_RETRIEVAL,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 's3',
        params: {
          storage_class: 'glacier_flexible',
          storage_gb: 0,
          put_requests: 0,
          get_requests: 0,
          retrieval_tier: 'standard',
          restore_requests: 15_000_000,
          retrieval_gb: 102_400,
        },
      },
    ],
    printedTotal: '1774.00',
  },
]
