import type { Catalog } from '../../catalog.js'
import type { WorkedExample } from '../service-descriptor.js'

const S3_FAQ = 'https://aws.amazon.com/s3/faqs/ (billing examples; also https://aws.amazon.com/s3/pricing/)'

/** The free allowance of 1 GB the FAQ example was written under, in place of today's 100 GB. */
function withRetiredAllowance(bundled: Catalog): Catalog {
  const catalog = structuredClone(bundled)
  const offer = catalog.services.data_transfer?.free_tier[0]
  if (!offer) throw new Error('no free tier for data_transfer')
  offer.quantity = '1'
  return catalog
}

/** 1 TB per day for 31 days from S3 plus the same from EC2: 62 TB = 63,488 GB aggregated (S3 FAQ). */
export const AGGREGATE_DTO_GB = 62 * 1024

export const dataTransferExamples: WorkedExample[] = [
  {
    name: 'Data transfer out: 31 TB from S3 + 31 TB from EC2, with the retired 1 GB free allowance',
    source: S3_FAQ,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      { service: 'data_transfer', params: { gb_out: 31 * 1024 } },
      { service: 'data_transfer', params: { gb_out: AGGREGATE_DTO_GB - 31 * 1024 } },
    ],
    printedTotal: '5263.27',
    catalog: withRetiredAllowance,
  },
]
