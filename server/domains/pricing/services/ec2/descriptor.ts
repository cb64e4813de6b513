import { Type } from '@sinclair/typebox'
import type { Decimal } from 'decimal.js'
import { listInstanceTypes } from '../catalog-values.js'
import { catalogName, DEFAULT_HOURS, d, hours, instanceCount, MAX_HOURS, pointOf, strict } from '../params.js'
import { asNumber, asString, firstBlock } from '../plan-values.js'
import type { PriceListRule, RangePoint, UsageSink, ValidationDetail } from '../service-descriptor.js'
import { defineService } from '../service-descriptor.js'
import { ec2Examples } from './examples.js'

const VOLUME_TYPES = ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const
type VolumeType = (typeof VOLUME_TYPES)[number]

/** gp3 includes 3,000 IOPS and 125 MB/s; only provisioning above that baseline is billed. */
const GP3_FREE_IOPS = 3000
const GP3_FREE_THROUGHPUT_MBPS = 125
/** io2 IOPS are priced in per-volume bands; the catalog has the first (up to 32,000 IOPS). */
const IO2_FIRST_BAND_IOPS = 32_000
/** Per-volume maxima AWS accepts: io2 Block Express 256,000 IOPS, gp3 2,000 MB/s, 64 TiB. */
const MAX_VOLUME_IOPS = 256_000
const MAX_VOLUME_THROUGHPUT_MBPS = 2000
const MAX_VOLUME_GB = 65_536

type Ranged = number | { min: number; typical: number; max: number }

const OPERATING_SYSTEMS = ['linux', 'windows', 'rhel', 'suse'] as const
type OperatingSystem = (typeof OPERATING_SYSTEMS)[number]
const TENANCIES = ['shared', 'dedicated'] as const
type Tenancy = (typeof TENANCIES)[number]

/**
 * The instance-hours usage type family of an operating system and tenancy. Linux in shared tenancy keeps
 * `ec2.instance_hours` (the usage type items had before these params), the others add their segment:
 * `ec2.instance_hours_windows`, `ec2.instance_hours_dedicated`, `ec2.instance_hours_rhel_dedicated`.
 */
function instanceFamily(os: OperatingSystem, tenancy: Tenancy): string {
  const segments = [os === 'linux' ? '' : `_${os}`, tenancy === 'dedicated' ? '_dedicated' : ''].join('')
  return `ec2.instance_hours${segments}`
}
/** The same segments for the offers of a commitment: none for Linux shared, `windows.`, `dedicated.` … */
function offerVariant(os: OperatingSystem, tenancy: Tenancy): string {
  const segments = [os === 'linux' ? '' : os, tenancy === 'dedicated' ? 'dedicated' : ''].filter(Boolean)
  return segments.length ? `${segments.join('_')}.` : ''
}
/** How AWS's Price List names each operating system, and the operation code of its instance-hours. */
const PRICE_LIST_OS: Record<OperatingSystem, { operatingSystem: string; operation: string }> = {
  linux: { operatingSystem: 'Linux', operation: 'RunInstances' },
  windows: { operatingSystem: 'Windows', operation: 'RunInstances:0002' },
  rhel: { operatingSystem: 'RHEL', operation: 'RunInstances:0010' },
  suse: { operatingSystem: 'SUSE', operation: 'RunInstances:000g' },
}

/**
 * The Price List rule of one operating system and tenancy: its on-demand instance-hours, Reserved Instances and
 * Savings Plans. The operation code tells them apart where a Savings Plans rate states nothing else (Windows
 * with licence, no pre-installed software, is `RunInstances:0002`; bring-your-own-licence and SQL Server have
 * codes of their own and map to nothing).
 */
function instanceRule(os: OperatingSystem, tenancy: Tenancy): PriceListRule {
  const variant = offerVariant(os, tenancy)
  return {
    offerCode: 'AmazonEC2',
    awsUsageType: tenancy === 'dedicated' ? /^DedicatedUsage:(.+)$/ : /^BoxUsage:(.+)$/,
    usageType: `${instanceFamily(os, tenancy)}.$1`,
    unit: 'instance-hours',
    requires: {
      ...PRICE_LIST_OS[os],
      tenancy: tenancy === 'dedicated' ? 'Dedicated' : 'Shared',
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
    },
    reserved: {
      hourly: `ec2.reserved_hours.{class}_{term}_{payment}.${variant}$1`,
      upfront: `ec2.reserved_upfront.{class}_{term}_{payment}.${variant}$1`,
    },
    savingsPlans: {
      hourly: `ec2.savings_plan_hours.{plan}_{term}_{payment}.${variant}$1`,
      upfront: `ec2.savings_plan_upfront.{plan}_{term}_{payment}.${variant}$1`,
    },
  }
}

/** SUSE instances bill each partial instance-hour as a full hour; the others per second (60-second minimum). */
const billedHoursOf = (os: OperatingSystem, hoursPerInstance: number) =>
  os === 'suse' ? Math.ceil(hoursPerInstance) : hoursPerInstance

/** The params with every optional one at the value it takes when left out. */
interface Ec2Params {
  instance_type: string
  count: Ranged
  hours: Ranged
  ebs_volume_type: VolumeType
  ebs_volume_gb: number
  ebs_iops: number
  ebs_throughput_mbps: number
  ebs_hours: number
  ebs_io_requests: number
  ebs_snapshot_gb: number
  ebs_snapshot_archive_gb: number
  ebs_snapshot_archive_retrieval_gb: number
  ebs_fast_snapshot_restore_dsu_hours: number
  ebs_direct_list_requests: number
  ebs_direct_get_units: number
  ebs_direct_put_units: number
  public_ipv4_addresses: number
  cpu_credit_vcpu_hours: number
  operating_system: OperatingSystem
  tenancy: Tenancy
}
type Ec2Input = Partial<Ec2Params> & Pick<Ec2Params, 'instance_type' | 'count' | 'hours'>

function withDefaults(p: Ec2Input): Ec2Params {
  return {
    ebs_volume_type: 'gp3',
    ebs_volume_gb: 0,
    ebs_iops: 0,
    ebs_throughput_mbps: 0,
    ebs_hours: DEFAULT_HOURS,
    ebs_io_requests: 0,
    ebs_snapshot_gb: 0,
    ebs_snapshot_archive_gb: 0,
    ebs_snapshot_archive_retrieval_gb: 0,
    ebs_fast_snapshot_restore_dsu_hours: 0,
    ebs_direct_list_requests: 0,
    ebs_direct_get_units: 0,
    ebs_direct_put_units: 0,
    public_ipv4_addresses: 0,
    cpu_credit_vcpu_hours: 0,
    operating_system: 'linux',
    tenancy: 'shared',
    ...p,
  }
}

const optionalNumber = (maximum: number, title: string, description: string, integer = false) =>
  Type.Optional(
    (integer ? Type.Integer : Type.Number)({
      minimum: 0,
      maximum,
      title,
      description: `${description} 0 when left out.`,
    }),
  )

/** Provisioned IOPS billed for one volume: gp3 above its free baseline; io1/io2 all; other types none. */
function billedIops(p: Ec2Params): number {
  if (p.ebs_volume_type === 'gp3') return Math.max(0, p.ebs_iops - GP3_FREE_IOPS)
  return p.ebs_volume_type === 'io1' || p.ebs_volume_type === 'io2' ? p.ebs_iops : 0
}

/**
 * EBS volumes (one per instance, held `ebs_hours` of the month, billed per GB-month, IOPS-month and
 * MB/s-month), snapshots and public IPv4 addresses. A month is 730 hours, as in AWS's calculator. The snapshot
 * features (Archive tier, fast snapshot restore, EBS direct APIs) are entered for the whole item.
 */
function ebsUsage(p: Ec2Params, instances: Decimal, sink: UsageSink): void {
  const volumeMonths = instances.times(p.ebs_hours).dividedBy(DEFAULT_HOURS)
  const type = p.ebs_volume_type
  sink(`ec2.ebs_gb_month.${type}`, volumeMonths.times(p.ebs_volume_gb))
  sink(`ec2.ebs_iops_month.${type}`, volumeMonths.times(billedIops(p)))
  if (type === 'gp3')
    sink(
      'ec2.ebs_throughput_mbps_month.gp3',
      volumeMonths.times(Math.max(0, p.ebs_throughput_mbps - GP3_FREE_THROUGHPUT_MBPS)),
    )
  if (type === 'standard') sink('ec2.ebs_io_requests.standard', instances.times(p.ebs_io_requests))
  sink('ec2.ebs_snapshot_gb_month', instances.times(p.ebs_snapshot_gb))
  sink('ec2.ebs_snapshot_archive_gb_month', d(p.ebs_snapshot_archive_gb))
  sink('ec2.ebs_snapshot_archive_retrieval_gb', d(p.ebs_snapshot_archive_retrieval_gb))
  sink('ec2.ebs_fast_snapshot_restore_dsu_hours', d(p.ebs_fast_snapshot_restore_dsu_hours))
  sink('ec2.ebs_direct_api_requests.list', d(p.ebs_direct_list_requests))
  sink('ec2.ebs_direct_api_units.get', d(p.ebs_direct_get_units))
  sink('ec2.ebs_direct_api_units.put', d(p.ebs_direct_put_units))
}

function toEc2Usage(p: Ec2Params, at: RangePoint, sink: UsageSink): void {
  const instances = d(pointOf(p.count, at))
  const instanceHours = instances.times(pointOf(p.hours, at))
  const billedHours = instances.times(billedHoursOf(p.operating_system, pointOf(p.hours, at)))
  sink(`${instanceFamily(p.operating_system, p.tenancy)}.${p.instance_type}`, billedHours)
  sink('ec2.public_ipv4_hours', instanceHours.times(p.public_ipv4_addresses))
  sink(`${creditFamily(p.operating_system)}.${familyOf(p.instance_type)}`, d(p.cpu_credit_vcpu_hours))
  ebsUsage(p, instances, sink)
}

/** Surplus credits cost more on Windows (its licence); Linux, RHEL and SUSE share one rate (EC2 On-Demand page). */
const creditFamily = (os: OperatingSystem) =>
  os === 'windows' ? 'ec2.cpu_credit_vcpu_hours_windows' : 'ec2.cpu_credit_vcpu_hours'

/** The instance family of a type: `t3` of `t3.micro`. */
const familyOf = (instanceType: string) => instanceType.split('.')[0] ?? instanceType

/** Burstable families, whose unlimited mode bills surplus CPU credits. */
const isBurstable = (instanceType: string) => /^t\d/.test(familyOf(instanceType))

function checkEc2Params(input: Ec2Input): ValidationDetail[] {
  const p = withDefaults(input)
  const details: ValidationDetail[] = []
  const refuse = (field: string, reason: string) => details.push({ field: `params.${field}`, reason })
  const type = p.ebs_volume_type
  const iopsTypes: VolumeType[] = ['gp3', 'io1', 'io2']
  if (p.ebs_iops > 0 && !iopsTypes.includes(type))
    refuse('ebs_iops', `${type} volumes have no provisioned IOPS (gp3, io1 and io2 do)`)
  if (type === 'io2' && p.ebs_iops > IO2_FIRST_BAND_IOPS)
    refuse('ebs_iops', `io2 IOPS above ${IO2_FIRST_BAND_IOPS} per volume are priced in bands not sourced`)
  if ((type === 'io1' || type === 'io2') && p.ebs_volume_gb > 0 && p.ebs_iops === 0)
    refuse('ebs_iops', `${type} volumes are provisioned with IOPS: give ebs_iops`)
  if (p.ebs_throughput_mbps > 0 && type !== 'gp3')
    refuse('ebs_throughput_mbps', 'only gp3 volumes are provisioned with throughput')
  if (p.ebs_io_requests > 0 && type !== 'standard')
    refuse('ebs_io_requests', 'only magnetic (standard) volumes bill I/O requests')
  if (p.cpu_credit_vcpu_hours > 0 && !isBurstable(p.instance_type))
    refuse('cpu_credit_vcpu_hours', 'only burstable (T family) instances in unlimited mode bill CPU credits')
  return details
}

export const ec2 = defineService({
  id: 'ec2',
  usageTypePrefix: 'ec2',
  name: 'Amazon EC2',
  category: 'compute',
  description: 'Virtual servers, billed per instance-hour, with EBS volumes and public IPv4 addresses.',
  help:
    'On-demand instances: instances × hours per month of one instance type; per instance ' +
    'an EBS volume (gp2, gp3 with IOPS above 3,000 and throughput above 125 MB/s, io1/io2 with IOPS, st1, sc1, ' +
    'magnetic), its snapshots, public IPv4 addresses and the surplus CPU credits of T instances in unlimited ' +
    'mode; snapshot archive, fast snapshot restore and EBS direct APIs for the whole item. Operating system ' +
    '(Linux, Windows, RHEL, SUSE) and tenancy (shared, dedicated instance) pick the instance rate; few of those ' +
    'rates are sourced yet, the others show as unpriced. Detailed monitoring and Dedicated Hosts are not priced.',
  params: Type.Object(
    {
      instance_type: catalogName({
        title: 'Instance type',
        description: 'An EC2 instance type of the catalog.',
      }),
      count: instanceCount(100_000, {
        title: 'Instances',
        description: 'Number of instances, or {min, typical, max}.',
      }),
      hours,
      ebs_volume_type: Type.Optional(
        Type.Union(
          VOLUME_TYPES.map((name) => Type.Literal(name)),
          {
            title: 'EBS volume type',
            description:
              'gp3, gp2, io1, io2, st1, sc1 or standard (magnetic) for the volume of each instance; gp3 when left out.',
          },
        ),
      ),
      ebs_volume_gb: optionalNumber(
        MAX_VOLUME_GB,
        'EBS volume size (GB)',
        'Provisioned GB of each instance’s volume (0 = none), billed per GB-month.',
        true,
      ),
      ebs_iops: optionalNumber(
        MAX_VOLUME_IOPS,
        'EBS provisioned IOPS',
        'IOPS provisioned per volume: gp3 bills those above the free 3,000; io1 and io2 bill all (io2 up to 32,000).',
        true,
      ),
      ebs_throughput_mbps: optionalNumber(
        MAX_VOLUME_THROUGHPUT_MBPS,
        'EBS throughput (MB/s)',
        'gp3 only: MB/s provisioned per volume; those above the free 125 MB/s are billed per MB/s-month.',
        true,
      ),
      ebs_hours: Type.Optional(
        Type.Number({
          minimum: 0,
          maximum: MAX_HOURS,
          title: 'EBS hours per month',
          description:
            'Hours the volumes are provisioned (730 = all month; a stopped instance’s volume still bills); 730 when left out.',
        }),
      ),
      ebs_io_requests: optionalNumber(
        1e15,
        'EBS I/O requests per month',
        'Magnetic (standard) volumes only: I/O requests per volume per month, billed per million.',
        true,
      ),
      ebs_snapshot_gb: optionalNumber(
        1e9,
        'EBS snapshots (GB)',
        'GB-months of snapshot data per instance (snapshots are incremental: the changed blocks stored).',
      ),
      ebs_snapshot_archive_gb: optionalNumber(
        1e9,
        'EBS snapshots in the Archive tier (GB-months)',
        'GB-months of snapshots in the EBS Snapshots Archive tier, for the whole item (full copies; an archived ' +
          'snapshot deleted before 90 days is billed for the rest of the 90 days: add those GB-months).',
      ),
      ebs_snapshot_archive_retrieval_gb: optionalNumber(
        1e9,
        'EBS snapshot archive retrievals (GB)',
        'GB restored from the Archive tier per month, for the whole item (the restored copy bills as snapshot storage).',
      ),
      ebs_fast_snapshot_restore_dsu_hours: optionalNumber(
        1e9,
        'EBS fast snapshot restore (DSU-hours)',
        'Snapshots × Availability Zones × hours fast snapshot restore is enabled, each enablement at least one hour, for the whole item.',
      ),
      ebs_direct_list_requests: optionalNumber(
        1e15,
        'EBS direct API list requests',
        'ListChangedBlocks and ListSnapshotBlocks requests per month, for the whole item.',
        true,
      ),
      ebs_direct_get_units: optionalNumber(
        1e15,
        'EBS direct API GetSnapshotBlock units',
        'SnapshotAPIUnits read per month (one per 512 KiB GetSnapshotBlock request), for the whole item.',
        true,
      ),
      ebs_direct_put_units: optionalNumber(
        1e15,
        'EBS direct API PutSnapshotBlock units',
        'SnapshotAPIUnits written per month (one per 512 KiB PutSnapshotBlock request), for the whole item.',
        true,
      ),
      public_ipv4_addresses: optionalNumber(
        64,
        'Public IPv4 addresses',
        'Public IPv4 addresses per instance, billed per address-hour while the instance runs.',
        true,
      ),
      operating_system: Type.Optional(
        Type.Union(
          OPERATING_SYSTEMS.map((os) => Type.Literal(os)),
          {
            title: 'Operating system',
            description:
              'linux, windows (Windows Server, licence included), rhel (Red Hat Enterprise Linux) or suse (SUSE ' +
              'Linux Enterprise Server), each with its own instance rate. SUSE bills every started instance-hour ' +
              'in full (the hours are rounded up), the others per second. linux when left out.',
          },
        ),
      ),
      tenancy: Type.Optional(
        Type.Union(
          TENANCIES.map((tenancy) => Type.Literal(tenancy)),
          {
            title: 'Tenancy',
            description:
              'shared, or dedicated (Dedicated Instances, on hardware of this account only, at their own ' +
              'instance rates; the per-Region Dedicated fee is not modelled). shared when left out.',
          },
        ),
      ),
      cpu_credit_vcpu_hours: optionalNumber(
        1e9,
        'Surplus CPU credits (vCPU-hours)',
        'T instances in unlimited mode: CPU credits spent above the baseline and not earned back, in vCPU-hours ' +
          'per month for the whole item (one credit = one vCPU-minute, 60 credits = 1 vCPU-hour); 0 when left out.',
      ),
    },
    strict,
  ),
  rangedParams: ['count', 'hours'],
  catalogValues: [{ param: 'instance_type', what: 'EC2 instance type', known: listInstanceTypes }],
  checkParams: checkEc2Params,
  toUsage(input, at, sink) {
    toEc2Usage(withDefaults(input), at, sink)
  },
  usageTypes: [
    {
      match: 'ec2.instance_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'Linux, shared tenancy, per instance type.',
    },
    ...OPERATING_SYSTEMS.flatMap((os) =>
      TENANCIES.filter((tenancy) => os !== 'linux' || tenancy !== 'shared').map((tenancy) => ({
        match: `${instanceFamily(os, tenancy)}.*`,
        unit: 'instance-hours',
        kind: 'flow' as const,
        description: `${os}, ${tenancy} tenancy, per instance type.`,
      })),
    ),
    {
      match: 'ec2.cpu_credit_vcpu_hours.*',
      unit: 'vCPU-hours',
      kind: 'flow',
      description:
        'Surplus CPU credits of T instances in unlimited mode (Linux, RHEL, SUSE), per instance family.',
    },
    {
      match: 'ec2.cpu_credit_vcpu_hours_windows.*',
      unit: 'vCPU-hours',
      kind: 'flow',
      description: 'Surplus CPU credits of Windows T instances in unlimited mode, per instance family.',
    },
    {
      match: 'ec2.reserved_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description:
        'Reserved Instance hourly fee: <class>_<term>_<payment>.<type>, billed every hour of the term ' +
        '(purchase-option comparisons read it; line items never emit it).',
    },
    {
      match: 'ec2.reserved_upfront.*',
      unit: 'reservations',
      kind: 'flow',
      description: 'Reserved Instance upfront fee per reservation, same suffix as the hourly fee.',
    },
    {
      match: 'ec2.savings_plan_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description:
        'Savings Plans hourly part: <compute|ec2_instance>_<term>_<payment>.<variant><type>, what is billed every ' +
        'hour of the term once the upfront part is paid (the whole rate with No Upfront, 0 with All Upfront).',
    },
    {
      match: 'ec2.savings_plan_upfront.*',
      unit: 'reservations',
      kind: 'flow',
      description:
        'Savings Plans upfront part per instance covered, same suffix as the hourly part (Partial and All Upfront).',
    },
    { match: 'ec2.ebs_gb_month.*', unit: 'GB-months', kind: 'stock', description: 'EBS storage, per type.' },
    {
      match: 'ec2.ebs_iops_month.*',
      unit: 'IOPS-months',
      kind: 'stock',
      description: 'Provisioned IOPS (gp3 above 3,000), per type.',
    },
    {
      match: 'ec2.ebs_throughput_mbps_month.*',
      unit: 'MB/s-months',
      kind: 'stock',
      description: 'gp3 throughput above 125 MB/s.',
    },
    {
      match: 'ec2.ebs_io_requests.*',
      unit: 'requests',
      kind: 'flow',
      description: 'I/O requests of magnetic volumes.',
    },
    {
      match: 'ec2.ebs_snapshot_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      description: 'EBS snapshot storage (standard tier).',
    },
    {
      match: 'ec2.ebs_snapshot_archive_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      description: 'EBS snapshots in the Archive tier.',
    },
    {
      match: 'ec2.ebs_snapshot_archive_retrieval_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'EBS snapshots restored from the Archive tier.',
    },
    {
      match: 'ec2.ebs_fast_snapshot_restore_dsu_hours',
      unit: 'DSU-hours',
      kind: 'flow',
      description: 'EBS fast snapshot restore: snapshots × Availability Zones × hours enabled.',
    },
    {
      match: 'ec2.ebs_direct_api_requests.*',
      unit: 'requests',
      kind: 'flow',
      description: 'EBS direct API list requests (ListChangedBlocks, ListSnapshotBlocks).',
    },
    {
      match: 'ec2.ebs_direct_api_units.*',
      unit: 'SnapshotAPIUnits',
      kind: 'flow',
      description: 'EBS direct API block reads (get) and writes (put), one unit per 512 KiB block.',
    },
    {
      match: 'ec2.public_ipv4_hours',
      unit: 'address-hours',
      kind: 'flow',
      description: 'Public IPv4 address-hours.',
    },
  ],
  ingest: {},
  sdk: [],
  priceList: OPERATING_SYSTEMS.flatMap((os) => TENANCIES.map((tenancy) => instanceRule(os, tenancy))),
  terraform: {
    aws_instance: ({ values }) => {
      const instanceType = asString(values.instance_type)
      if (!instanceType) return { skip: 'instance_type is not known until apply' }
      if (values.tenancy === 'host') return { skip: 'Dedicated Hosts are billed per host, not modelled' }
      return {
        params: {
          instance_type: instanceType,
          count: 1,
          hours: 730,
          ...rootVolumeOf(values),
          ...(values.tenancy === 'dedicated' ? { tenancy: 'dedicated' as const } : {}),
        },
      }
    },
  },
  examples: ec2Examples,
  commitments(p) {
    const type = p.instance_type
    const os = p.operating_system ?? 'linux'
    const tenancy = p.tenancy ?? 'shared'
    // Offers of another OS or tenancy are their own usage types (`…<offer>.windows.<type>`): unpriced until sourced.
    const variant = offerVariant(os, tenancy)
    return {
      usageType: `${instanceFamily(os, tenancy)}.${type}`,
      held: { instances: pointOf(p.count), hours: billedHoursOf(os, pointOf(p.hours)) },
      // The user's Spot discount applies to the Linux shared-tenancy rate it was stated against.
      spot: variant === '',
      offer: ({ commitment, term, payment, offeringClass }) => {
        if (commitment === 'reserved_instances') {
          const offer = `${offeringClass}_${term}_${payment}`
          return {
            hourly: `ec2.reserved_hours.${offer}.${variant}${type}`,
            upfront: `ec2.reserved_upfront.${offer}.${variant}${type}`,
          }
        }
        if (commitment === 'spot') return undefined
        const plan = commitment === 'compute_savings_plan' ? 'compute' : 'ec2_instance'
        const offer = `${plan}_${term}_${payment}`
        return {
          hourly: `ec2.savings_plan_hours.${offer}.${variant}${type}`,
          upfront: `ec2.savings_plan_upfront.${offer}.${variant}${type}`,
        }
      },
    }
  },
})

/** The root EBS volume a planned instance declares, when its type, size (and IOPS where billed) are known. */
function rootVolumeOf(values: Readonly<Record<string, unknown>>): Partial<Ec2Params> {
  const root = firstBlock(values.root_block_device)
  const type = asString(root.volume_type)
  const size = asNumber(root.volume_size)
  if (!type || !(VOLUME_TYPES as readonly string[]).includes(type) || size === undefined) return {}
  const volume: Partial<Ec2Params> = { ebs_volume_type: type as VolumeType, ebs_volume_gb: Math.trunc(size) }
  const iops = asNumber(root.iops)
  if (type === 'io1' || type === 'io2') return iops ? { ...volume, ebs_iops: Math.trunc(iops) } : {}
  if (type !== 'gp3') return volume
  const throughput = asNumber(root.throughput)
  return {
    ...volume,
    ...(iops ? { ebs_iops: Math.trunc(iops) } : {}),
    ...(throughput ? { ebs_throughput_mbps: Math.trunc(throughput) } : {}),
  }
}
