import type { Catalog } from '../../catalog.js'
import type { WorkedExample } from '../service-descriptor.js'

const EBS_PAGE_IO1 =
  'https://aws.amazon.com/ebs/pricing/ (earlier version: Provisioned IOPS SSD (io1) example, in a Region that charges $0.10 per provisioned IOPS-month)'

/** The page's hypothetical $0.10 per provisioned IOPS-month in place of us-east-1's $0.065. */
function withIo1IopsAtTenCents(bundled: Catalog): Catalog {
  const catalog = structuredClone(bundled)
  const entry = catalog.prices['us-east-1']?.['ec2.ebs_iops_month.io1']
  if (!entry) throw new Error('no price for ec2.ebs_iops_month.io1')
  entry.tiers = [{ upto: null, price: '0.1' }]
  return catalog
}

export const ec2Examples: WorkedExample[] = [
  {
    name: 'EBS io1: 1,000 IOPS kept 15 days of a 30-day month at $0.10 per IOPS-month',
    source: EBS_PAGE_IO1,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'ec2',
        // Half a month of volume: 365 of the 730 hours the month is counted as.
        params: {
          instance_type: 't3.micro',
          count: 1,
          hours: 0,
          ebs_volume_type: 'io1',
          ebs_iops: 1000,
          ebs_hours: 365,
        },
      },
    ],
    printedTotal: '50.00',
    catalog: withIo1IopsAtTenCents,
  },
]
