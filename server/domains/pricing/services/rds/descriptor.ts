import { Type } from '@sinclair/typebox'
import { listInstanceClasses } from '../catalog-values.js'
import { catalogName, DEFAULT_HOURS, d, hours, instanceCount, optional, pointOf, strict } from '../params.js'
import { asNumber, asString } from '../plan-values.js'
import { defineService, exactUsageTypes, type ValidationDetail } from '../service-descriptor.js'
import { rdsExamples } from './examples.js'

export const RDS_ENGINES = [
  'postgresql',
  'mysql',
  'mariadb',
  'sqlserver_ex',
  'sqlserver_web',
  'sqlserver_se',
  'sqlserver_ee',
  'oracle_se2',
] as const
export type RdsEngine = (typeof RDS_ENGINES)[number]
export type RdsDeployment = 'single_az' | 'multi_az'

/** Licence-included commercial engines: the instance rate carries the SQL Server or Oracle licence. */
const LICENCE_INCLUDED: readonly RdsEngine[] = [
  'sqlserver_ex',
  'sqlserver_web',
  'sqlserver_se',
  'sqlserver_ee',
  'oracle_se2',
]
const isLicenceIncluded = (engine: RdsEngine) => LICENCE_INCLUDED.includes(engine)

/** Terraform's engine names of the engines the catalog prices (Oracle SE2 only with its licence included). */
const TERRAFORM_ENGINES: Record<string, RdsEngine> = {
  postgres: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mariadb',
  'sqlserver-ex': 'sqlserver_ex',
  'sqlserver-web': 'sqlserver_web',
  'sqlserver-se': 'sqlserver_se',
  'sqlserver-ee': 'sqlserver_ee',
  'oracle-se2': 'oracle_se2',
}

/** The Price List attributes of each engine's instance products (AmazonRDS `databaseEngine`, edition, licence). */
const PRICE_LIST_ENGINES: Record<RdsEngine, Readonly<Record<string, string>>> = {
  postgresql: { databaseEngine: 'PostgreSQL', licenseModel: 'No license required' },
  mysql: { databaseEngine: 'MySQL', licenseModel: 'No license required' },
  mariadb: { databaseEngine: 'MariaDB', licenseModel: 'No license required' },
  sqlserver_ex: {
    databaseEngine: 'SQL Server',
    databaseEdition: 'Express',
    licenseModel: 'License included',
  },
  sqlserver_web: { databaseEngine: 'SQL Server', databaseEdition: 'Web', licenseModel: 'License included' },
  sqlserver_se: {
    databaseEngine: 'SQL Server',
    databaseEdition: 'Standard',
    licenseModel: 'License included',
  },
  sqlserver_ee: {
    databaseEngine: 'SQL Server',
    databaseEdition: 'Enterprise',
    licenseModel: 'License included',
  },
  oracle_se2: { databaseEngine: 'Oracle', databaseEdition: 'Standard Two', licenseModel: 'License included' },
}

/**
 * The instance-hours usage type of an engine and deployment. PostgreSQL Single-AZ keeps the usage type it had
 * before engines existed (`rds.instance_hours.<class>`), so stored items and the catalog's figures still match.
 */
export function rdsInstanceFamily(engine: RdsEngine, deployment: RdsDeployment): string {
  const engineSegment = engine === 'postgresql' ? 'instance_hours' : `${engine}_instance_hours`
  return `rds.${engineSegment}${deployment === 'multi_az' ? '_multi_az' : ''}`
}

/**
 * gp3 includes 3,000 IOPS below 400 GB of allocated storage and 12,000 IOPS from 400 GB (MySQL, MariaDB,
 * PostgreSQL); only IOPS above that baseline are billed.
 */
export function gp3BaselineIops(storageGb: number): number {
  return storageGb >= 400 ? 12_000 : 3_000
}

/** RDS bills instance-hours = count × hours; storage is GB-months prorated by hours / 730. */
export const rds = defineService({
  id: 'rds',
  usageTypePrefix: 'rds',
  name: 'Amazon RDS',
  category: 'database',
  description: 'Managed relational databases, billed per instance-hour and GB-month of storage.',
  help:
    'PostgreSQL, MySQL, MariaDB, or licence-included SQL Server (Express, Web, Standard, Enterprise) and Oracle ' +
    'SE2, Single-AZ or Multi-AZ, on-demand: instances × hours of one class, allocated storage (gp2, gp3 with ' +
    'IOPS above the baseline, io1 with provisioned IOPS, magnetic), backup storage beyond the free allowance, ' +
    'Extended Support and CloudWatch Database Insights Advanced mode. Aurora is its own service; Oracle ' +
    'bring-your-own-licence is not modelled.',
  params: Type.Object(
    {
      instance_class: catalogName({
        title: 'Instance class',
        description: 'An RDS instance class of the catalog.',
      }),
      count: instanceCount(10_000, {
        title: 'Instances',
        description: 'Number of instances, or {min, typical, max}.',
      }),
      hours,
      storage_gb: Type.Number({
        minimum: 0,
        maximum: 65_536,
        title: 'Storage per instance (GB)',
        description: 'Allocated storage per instance, in GB.',
      }),
      storage_type: Type.Union(
        [Type.Literal('gp2'), Type.Literal('gp3'), Type.Literal('io1'), Type.Literal('magnetic')],
        {
          default: 'gp3',
          title: 'Storage type',
          description:
            'General Purpose SSD gp2 or gp3, Provisioned IOPS SSD io1, or magnetic (previous generation).',
        },
      ),
      engine: optional(
        Type.Union(
          RDS_ENGINES.map((engine) => Type.Literal(engine)),
          {
            title: 'Engine',
            description:
              'Database engine, each with its own instance rates: postgresql, mysql, mariadb, or licence-included ' +
              'SQL Server Express, Web, Standard or Enterprise (sqlserver_ex, _web, _se, _ee) and Oracle Standard ' +
              'Edition Two (oracle_se2), whose rates include the licence; postgresql when left out.',
          },
        ),
      ),
      deployment: optional(
        Type.Union([Type.Literal('single_az'), Type.Literal('multi_az')], {
          title: 'Deployment',
          description:
            'Single-AZ, or Multi-AZ (one standby instance, billed as one Multi-AZ instance-hour and Multi-AZ ' +
            'storage); single_az when left out.',
        }),
      ),
      provisioned_iops: optional(
        Type.Integer({
          minimum: 0,
          maximum: 256_000,
          title: 'Provisioned IOPS per instance',
          description:
            'io1: the provisioned IOPS (required). gp3: the IOPS configured; only those above the baseline ' +
            '(3,000 below 400 GB, 12,000 from 400 GB) are billed. Refused for gp2 and magnetic.',
        }),
      ),
      io_requests: optional(
        Type.Integer({
          minimum: 0,
          maximum: 1e15,
          title: 'I/O requests per month',
          description: 'Magnetic storage only: I/O requests per month, all instances; 0 when left out.',
        }),
      ),
      backup_storage_gb: optional(
        Type.Number({
          minimum: 0,
          maximum: 1e9,
          title: 'Backup storage beyond the free allowance (GB-months)',
          description:
            'Automated backups and snapshots above the free allowance (backup storage up to the allocated ' +
            'storage of the Region is free), for the whole item; 0 when left out.',
        }),
      ),
      extended_support: optional(
        Type.Union([Type.Literal('year_1'), Type.Literal('year_2'), Type.Literal('year_3')], {
          title: 'Extended Support year',
          description:
            'A major version past its end of standard support is billed per vCPU-hour, by year of Extended ' +
            'Support; needs vcpus. None when left out.',
        }),
      ),
      vcpus: optional(
        Type.Integer({
          minimum: 1,
          maximum: 1_024,
          title: 'vCPUs per instance',
          description: 'The instance class vCPUs, for Extended Support and Database Insights Advanced mode.',
        }),
      ),
      database_insights: optional(
        Type.Union([Type.Literal('standard'), Type.Literal('advanced')], {
          title: 'CloudWatch Database Insights mode',
          description:
            'Standard (free, 7 days of performance history) or Advanced (15 months, execution plans and ' +
            'on-demand analysis; billed by CloudWatch per vCPU-hour of the monitored instances, needs vcpus); ' +
            'standard when left out.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: ['count', 'hours'],
  catalogValues: [{ param: 'instance_class', what: 'RDS instance class', known: listInstanceClasses }],
  checkParams(p) {
    const details: ValidationDetail[] = []
    if (p.provisioned_iops !== undefined && (p.storage_type === 'gp2' || p.storage_type === 'magnetic')) {
      details.push({
        field: 'params.provisioned_iops',
        reason: `${p.storage_type} storage has no provisioned IOPS`,
      })
    }
    if (p.storage_type === 'io1' && p.provisioned_iops === undefined) {
      details.push({ field: 'params.provisioned_iops', reason: 'io1 storage needs its provisioned IOPS' })
    }
    if (p.io_requests !== undefined && p.storage_type !== 'magnetic') {
      details.push({ field: 'params.io_requests', reason: 'only magnetic storage bills I/O requests' })
    }
    if (p.extended_support !== undefined && p.vcpus === undefined) {
      details.push({ field: 'params.vcpus', reason: 'Extended Support is billed per vCPU: give vcpus' })
    }
    const engine = p.engine ?? 'postgresql'
    if (isLicenceIncluded(engine)) {
      if (p.extended_support !== undefined)
        details.push({
          field: 'params.extended_support',
          reason: 'RDS Extended Support is for MySQL and PostgreSQL major versions',
        })
      if (p.storage_type === 'gp3' && p.provisioned_iops !== undefined)
        details.push({
          field: 'params.provisioned_iops',
          reason: 'the gp3 baseline of SQL Server and Oracle is not modelled: leave provisioned_iops out',
        })
    }
    if (p.database_insights === 'advanced' && p.vcpus === undefined) {
      details.push({
        field: 'params.vcpus',
        reason: 'Database Insights Advanced mode is billed per vCPU-hour: give vcpus',
      })
    }
    if (p.database_insights === 'advanced' && p.deployment === 'multi_az') {
      details.push({
        field: 'params.database_insights',
        reason: 'Database Insights Advanced mode of Multi-AZ deployments is not modelled',
      })
    }
    if (p.extended_support !== undefined && p.deployment === 'multi_az') {
      details.push({
        field: 'params.extended_support',
        reason: 'Extended Support of Multi-AZ deployments is not modelled',
      })
    }
    return details
  },
  toUsage(p, at, sink) {
    const count = d(pointOf(p.count, at))
    const runHours = pointOf(p.hours, at)
    const engine = p.engine ?? 'postgresql'
    const deployment = p.deployment ?? 'single_az'
    const multiAz = deployment === 'multi_az' ? '_multi_az' : ''
    const months = count.times(runHours).dividedBy(DEFAULT_HOURS)
    sink(`${rdsInstanceFamily(engine, deployment)}.${p.instance_class}`, count.times(runHours))
    sink(`rds.storage_gb_month${multiAz}.${p.storage_type}`, months.times(p.storage_gb))
    const iops = p.provisioned_iops ?? 0
    if (p.storage_type === 'io1') sink(`rds.iops_month${multiAz}.io1`, months.times(iops))
    if (p.storage_type === 'gp3') {
      const above = Math.max(0, iops - gp3BaselineIops(p.storage_gb))
      sink(`rds.iops_month${multiAz}.gp3`, months.times(above))
    }
    if (p.io_requests !== undefined) sink('rds.io_requests.magnetic', d(p.io_requests))
    if (p.backup_storage_gb !== undefined) sink('rds.backup_gb_month', d(p.backup_storage_gb))
    if (p.extended_support !== undefined && p.vcpus !== undefined) {
      sink(`rds.extended_support_vcpu_hours.${p.extended_support}`, count.times(runHours).times(p.vcpus))
    }
    if (p.database_insights === 'advanced' && p.vcpus !== undefined) {
      sink('rds.database_insights_vcpu_hours', count.times(runHours).times(p.vcpus))
    }
  },
  usageTypes: [
    {
      match: 'rds.instance_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'PostgreSQL Single-AZ, per instance class.',
    },
    {
      match: 'rds.instance_hours_multi_az.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'PostgreSQL Multi-AZ, per instance class.',
    },
    {
      match: 'rds.mysql_instance_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'MySQL Single-AZ, per instance class.',
    },
    {
      match: 'rds.mysql_instance_hours_multi_az.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'MySQL Multi-AZ, per instance class.',
    },
    {
      match: 'rds.mariadb_instance_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'MariaDB Single-AZ, per instance class.',
    },
    {
      match: 'rds.mariadb_instance_hours_multi_az.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'MariaDB Multi-AZ, per instance class.',
    },
    ...LICENCE_INCLUDED.flatMap((engine) => [
      {
        match: `rds.${engine}_instance_hours.*`,
        unit: 'instance-hours',
        kind: 'flow' as const,
        description: `${engine} (licence included) Single-AZ, per instance class.`,
      },
      {
        match: `rds.${engine}_instance_hours_multi_az.*`,
        unit: 'instance-hours',
        kind: 'flow' as const,
        description: `${engine} (licence included) Multi-AZ, per instance class.`,
      },
    ]),
    {
      match: 'rds.storage_gb_month.*',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Single-AZ storage, per storage type.',
    },
    {
      match: 'rds.storage_gb_month_multi_az.*',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Multi-AZ storage, per storage type.',
    },
    {
      match: 'rds.iops_month.*',
      unit: 'IOPS-months',
      kind: 'stock',
      description: 'Single-AZ provisioned IOPS (io1) or IOPS above the gp3 baseline.',
    },
    {
      match: 'rds.iops_month_multi_az.*',
      unit: 'IOPS-months',
      kind: 'stock',
      description: 'Multi-AZ provisioned IOPS (io1) or IOPS above the gp3 baseline.',
    },
    {
      match: 'rds.io_requests.magnetic',
      unit: 'requests',
      kind: 'flow',
      description: 'I/O requests of magnetic storage.',
    },
    {
      match: 'rds.backup_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Backup storage beyond the free allowance.',
    },
    {
      match: 'rds.extended_support_vcpu_hours.*',
      unit: 'vCPU-hours',
      kind: 'flow',
      description: 'Extended Support, per year of Extended Support.',
    },
    {
      match: 'rds.database_insights_vcpu_hours',
      unit: 'vCPU-hours',
      kind: 'flow',
      description:
        'CloudWatch Database Insights Advanced mode, per vCPU-hour of the monitored instances (billed by ' +
        'CloudWatch as DatabaseInsights-vCPU-Hours).',
    },
    {
      match: 'rds.reserved_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description:
        'Reserved Instance hourly fee: <offer>.<engine>_<deployment>.<class>, billed every hour of the term ' +
        '(purchase-option comparisons read it; line items never emit it).',
    },
    {
      match: 'rds.reserved_upfront.*',
      unit: 'reservations',
      kind: 'flow',
      description: 'Reserved Instance upfront fee per reservation, same suffix as the hourly fee.',
    },
  ],
  ingest: {},
  sdk: [],
  // AmazonRDS products of our engines: the usagetype abbreviates long classes (`InstanceUsage:db.r5b.16xl`),
  // so the class is read from `instanceType`. Storage and IOPS products state `databaseEngine` as `Any` or,
  // in newer files, once per engine at one rate: PostgreSQL's is taken.
  priceList: [
    ...RDS_ENGINES.flatMap((engine) =>
      (['single_az', 'multi_az'] as const).map((deployment) => ({
        offerCode: 'AmazonRDS',
        awsUsageType: deployment === 'multi_az' ? /^Multi-AZUsage:db\./ : /^InstanceUsage:db\./,
        usageType: `${rdsInstanceFamily(engine, deployment)}.{instanceType}`,
        unit: 'instance-hours',
        requires: {
          ...PRICE_LIST_ENGINES[engine],
          deploymentOption: deployment === 'multi_az' ? 'Multi-AZ' : 'Single-AZ',
        },
        reserved: {
          hourly: `rds.reserved_hours.{term}_{payment}.${engine}_${deployment}.{instanceType}`,
          upfront: `rds.reserved_upfront.{term}_{payment}.${engine}_${deployment}.{instanceType}`,
        },
      })),
    ),
    ...exactUsageTypes(
      'AmazonRDS',
      [
        ['RDS:GP2-Storage', 'rds.storage_gb_month.gp2', 'GB-months'],
        ['RDS:Multi-AZ-GP2-Storage', 'rds.storage_gb_month_multi_az.gp2', 'GB-months'],
        ['RDS:GP3-Storage', 'rds.storage_gb_month.gp3', 'GB-months'],
        ['RDS:Multi-AZ-GP3-Storage', 'rds.storage_gb_month_multi_az.gp3', 'GB-months'],
        ['RDS:PIOPS-Storage', 'rds.storage_gb_month.io1', 'GB-months'],
        ['RDS:Multi-AZ-PIOPS-Storage', 'rds.storage_gb_month_multi_az.io1', 'GB-months'],
        ['RDS:StorageUsage', 'rds.storage_gb_month.magnetic', 'GB-months'],
        ['RDS:Multi-AZ-StorageUsage', 'rds.storage_gb_month_multi_az.magnetic', 'GB-months'],
        ['RDS:PIOPS', 'rds.iops_month.io1', 'IOPS-months'],
        ['RDS:Multi-AZ-PIOPS', 'rds.iops_month_multi_az.io1', 'IOPS-months'],
        ['RDS:GP3-PIOPS', 'rds.iops_month.gp3', 'IOPS-months'],
        ['RDS:Multi-AZ-GP3-PIOPS', 'rds.iops_month_multi_az.gp3', 'IOPS-months'],
        ['RDS:StorageIOUsage', 'rds.io_requests.magnetic', 'requests'],
        ['RDS:ChargedBackupUsage', 'rds.backup_gb_month', 'GB-months'],
      ],
      { databaseEngine: ['PostgreSQL', 'Any'] },
    ),
  ],
  terraform: {
    aws_db_instance: ({ values }) => {
      const instanceClass = asString(values.instance_class)
      if (!instanceClass) return { skip: 'instance_class is not known until apply' }
      const engine = String(values.engine ?? '')
      if (engine.startsWith('aurora'))
        return { skip: 'Aurora is priced from its aws_rds_cluster and aws_rds_cluster_instance' }
      const known = TERRAFORM_ENGINES
      if (engine !== '' && !known[engine])
        return { skip: `the ${engine} engine is not in the pricing catalog` }
      if (engine === 'oracle-se2' && values.license_model !== 'license-included')
        return { skip: 'Oracle bring-your-own-licence is not in the pricing catalog (set license_model)' }
      const storageType = asString(values.storage_type)
      const iops = asNumber(values.iops)
      const storage: 'gp2' | 'gp3' | 'io1' | 'magnetic' =
        storageType === 'gp2' || storageType === 'io1'
          ? storageType
          : storageType === 'standard'
            ? 'magnetic'
            : 'gp3'
      return {
        params: {
          instance_class: instanceClass,
          count: 1,
          hours: 730,
          storage_gb: asNumber(values.allocated_storage) ?? 20,
          storage_type: storage,
          ...(known[engine] && known[engine] !== 'postgresql' ? { engine: known[engine] } : {}),
          ...(values.multi_az === true ? { deployment: 'multi_az' as const } : {}),
          ...((storageType === 'io1' || storageType === 'gp3') && iops !== undefined
            ? { provisioned_iops: iops }
            : {}),
        },
      }
    },
  },
  examples: rdsExamples,
  commitments(p) {
    const engine = p.engine ?? 'postgresql'
    const deployment = p.deployment ?? 'single_az'
    const suffix = `${engine}_${deployment}.${p.instance_class}`
    return {
      usageType: `${rdsInstanceFamily(engine, deployment)}.${p.instance_class}`,
      held: { instances: pointOf(p.count), hours: pointOf(p.hours) },
      spot: false,
      // RDS has Reserved Instances only (no Savings Plan covers RDS instances, no Spot).
      offer: ({ commitment, term, payment }) =>
        commitment === 'reserved_instances'
          ? {
              hourly: `rds.reserved_hours.${term}_${payment}.${suffix}`,
              upfront: `rds.reserved_upfront.${term}_${payment}.${suffix}`,
            }
          : undefined,
    }
  },
})
