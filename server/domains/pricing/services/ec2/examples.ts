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

/** Snapshot-level charges of the EBS page's examples 8–10, entered on an item with no instance-hours. */
const snapshotItem = (snapshot: Record<string, number>) => [
  { service: 'ec2', params: { instance_type: 't3.micro', count: 1, hours: 0, ...snapshot } },
]

function snapshotExamples(): WorkedExample[] {
  const example = (name: string, snapshot: Record<string, number>, printedTotal: string): WorkedExample => ({
    name,
    source: EBS_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: snapshotItem(snapshot),
    printedTotal,
  })
  return [
    // "1 snapshot * 3 AZs * 1.5 DSU-hours at $0.75 per DSU-Hour or $3.375" ($3.38 to the cent).
    example(
      'EBS example 8a: fast snapshot restore, 1 snapshot in 3 AZs for 90 minutes',
      { ebs_fast_snapshot_restore_dsu_hours: 4.5 },
      '3.38',
    ),
    // 45 minutes in 1 AZ, one-hour minimum: "1 snapshot * 1 AZ * one DSU-Hour at $0.75 per DSU-Hour or $0.75".
    example(
      'EBS example 8b: fast snapshot restore, 1 snapshot in 1 AZ for 45 minutes (one-hour minimum)',
      { ebs_fast_snapshot_restore_dsu_hours: 1 },
      '0.75',
    ),
    // "3 snapshots * 2 AZs * 2.5 DSU-hours at $0.75 per FSR DSU-Hour or $11.25".
    example(
      'EBS example 8c: fast snapshot restore, 3 snapshots in 2 AZs for 2.5 hours',
      { ebs_fast_snapshot_restore_dsu_hours: 15 },
      '11.25',
    ),
    // "$0.60 ($0.0006 per thousand requests * 1 million requests)".
    example(
      'EBS example 9a: 1M ListSnapshotBlocks requests of the EBS direct APIs',
      { ebs_direct_list_requests: 1_000_000 },
      '0.60',
    ),
    // "$0.30 ($0.003 per thousand SnapshotAPIUnits * 100,000 SnapshotAPIUnits)".
    example(
      'EBS example 9b: 100,000 GetSnapshotBlock calls of 512 KiB',
      { ebs_direct_get_units: 100_000 },
      '0.30',
    ),
    // "$0.60 ($0.006 per thousand SnapshotAPIUnits * 100,000 SnapshotAPIUnits)".
    example(
      'EBS example 9c: 100,000 PutSnapshotBlock calls of 512 KiB',
      { ebs_direct_put_units: 100_000 },
      '0.60',
    ),
    // "$2.50 in storage charges for the snapshot archive in a 30-day month ($0.0125 per GB-month * 200 GB)".
    example(
      'EBS example 10a: a 200 GB snapshot in the Archive tier for a month',
      { ebs_snapshot_archive_gb: 200 },
      '2.50',
    ),
    // Restored from the archive for 15 days: "a one-time retrieval fee of $6 ($0.03 per GB *200 GB)".
    example(
      'EBS example 10b: retrieving the 200 GB archived snapshot',
      { ebs_snapshot_archive_retrieval_gb: 200 },
      '6.00',
    ),
    // "the restored snapshot incurs charges of $5 for the period of 15 days ($0.05 per GB-month * 200 GB* 15
    // days/30 days)": 100 GB-months in the standard tier.
    example(
      'EBS example 10c: the restored 200 GB copy kept 15 days in the standard tier',
      { ebs_snapshot_gb: 100 },
      '5.00',
    ),
    // Deleted after 70 days, 11 h 5 min: the remaining 19 days 12 hours of the 90-day minimum,
    // "$0.0125 per GB-month * 200 GB * (19 days * 24 hours + 12 hours)/ (24 hours/day * 30-day month)" = $1.625
    // ($1.63 to the cent): 200 GB × 468/720 = 130 GB-months.
    example(
      'EBS example 10d: the archived 200 GB snapshot deleted 19.5 days before its 90-day minimum',
      { ebs_snapshot_archive_gb: 130 },
      '1.63',
    ),
  ]
}

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
  ...snapshotExamples(),
]
