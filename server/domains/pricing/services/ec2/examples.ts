import type { Catalog } from '../../catalog.js'
import type { WorkedExample } from '../service-descriptor.js'

const EBS_PAGE = 'https://aws.amazon.com/ebs/pricing/'
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

/** The page's hypothetical $0.06 per provisioned gp3 MB/s-month in place of us-east-1's $0.04. */
function withGp3ThroughputAtSixCents(bundled: Catalog): Catalog {
  const catalog = structuredClone(bundled)
  const entry = catalog.prices['us-east-1']?.['ec2.ebs_throughput_mbps_month.gp3']
  if (!entry) throw new Error('no price for ec2.ebs_throughput_mbps_month.gp3')
  entry.tiers = [{ upto: null, price: '0.06' }]
  return catalog
}

/**
 * The EBS page's examples hold a volume 12 hours (43,200 s) of a 30-day month, 1/60 of that month; the same
 * share of the 730 hours this product counts a month as.
 */
const TWELVE_HOURS_OF_A_30_DAY_MONTH = 730 / 60

/** One 2,000 GB volume of the page's examples, on an instance that is not running (its hours are not priced). */
const pageVolume = (volume: Record<string, unknown>) => ({
  service: 'ec2',
  params: {
    instance_type: 't3.micro',
    count: 1,
    hours: 0,
    ebs_volume_gb: 2000,
    ebs_hours: TWELVE_HOURS_OF_A_30_DAY_MONTH,
    ...volume,
  },
})

export const ec2Examples: WorkedExample[] = [
  {
    // $0.08 × 2,000 GB / 60 = $2.667; $0.005 × (10,000 − 3,000) IOPS / 60 = $0.583;
    // $0.06 × (500 − 125) MB/s / 60 = $0.375; "Total: $3.625 per 30-day month" ($3.63 to the cent).
    name: 'EBS example 1: gp3 2,000 GB with 10,000 IOPS and 500 MB/s for 12 hours, at $0.06 per MB/s-month',
    source: EBS_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [pageVolume({ ebs_volume_type: 'gp3', ebs_iops: 10_000, ebs_throughput_mbps: 500 })],
    printedTotal: '3.63',
    catalog: withGp3ThroughputAtSixCents,
  },
  {
    // $0.10 per GB-month × 2,000 GB × 43,200 s / (86,400 s × 30) = "Total: $3.33 per 30-day month".
    name: 'EBS example 2: gp2 2,000 GB for 12 hours of a 30-day month',
    source: EBS_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [pageVolume({ ebs_volume_type: 'gp2' })],
    printedTotal: '3.33',
  },
  {
    // $0.125 × 2,000 GB / 60 = $4.167 and $0.065 × 1,000 IOPS / 60 = $1.083: "$5.25 ($4.167 + $1.083)".
    name: 'EBS example 4: io1 2,000 GB with 1,000 IOPS for 12 hours of a 30-day month',
    source: EBS_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [pageVolume({ ebs_volume_type: 'io1', ebs_iops: 1000 })],
    printedTotal: '5.25',
  },
  {
    // $0.045 per GB-month × 2,000 GB / 60: "you would be charged $1.50 for the volume".
    name: 'EBS example 5: st1 2,000 GB for 12 hours of a 30-day month',
    source: EBS_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [pageVolume({ ebs_volume_type: 'st1' })],
    printedTotal: '1.50',
  },
  {
    // $0.015 per GB-month × 2,000 GB / 60: "you would be charged $0.50 for the volume".
    name: 'EBS example 6: sc1 2,000 GB for 12 hours of a 30-day month',
    source: EBS_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [pageVolume({ ebs_volume_type: 'sc1' })],
    printedTotal: '0.50',
  },
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
