import { Type } from '@sinclair/typebox'
import { listAuroraInstanceClasses } from '../catalog-values.js'
import {
  catalogName,
  count,
  DEFAULT_HOURS,
  d,
  gigabytes,
  instanceCount,
  optional,
  optionalHours,
  pointOf,
  strict,
} from '../params.js'
import { asString } from '../plan-values.js'
import { defineService, exactUsageTypes, type ValidationDetail } from '../service-descriptor.js'
import { auroraExamples } from './examples.js'

type AuroraEngine = 'postgresql' | 'mysql'

/** Terraform's engine names: `aurora` is the original MySQL-compatible engine. */
const TERRAFORM_ENGINES: Record<string, AuroraEngine> = {
  'aurora-postgresql': 'postgresql',
  'aurora-mysql': 'mysql',
  aurora: 'mysql',
}

/** The Aurora engine of a Terraform cluster or cluster instance, or why it is not Aurora. */
function terraformEngine(values: Record<string, unknown>): AuroraEngine | { skip: string } {
  const engine = String(values.engine ?? 'aurora')
  return TERRAFORM_ENGINES[engine] ?? { skip: `the ${engine} engine is not Aurora` }
}

/**
 * Amazon Aurora bills a cluster, not an instance with its own disk: its provisioned instances per
 * instance-hour (or Serverless v2 capacity per ACU-hour), the cluster volume per GB-month, and, in the Standard
 * configuration, every storage I/O request. I/O-Optimized includes the I/O and charges more for instances,
 * ACUs and storage. Backup storage beyond the free allowance (the cluster's size) and Aurora MySQL Backtrack
 * change records are billed on top.
 */
export const aurora = defineService({
  id: 'aurora',
  usageTypePrefix: 'aurora',
  name: 'Amazon Aurora',
  category: 'database',
  description:
    'MySQL- and PostgreSQL-compatible clusters, billed per instance-hour or ACU-hour, GB-month and I/O request.',
  help:
    'One cluster: PostgreSQL or MySQL, Standard or I/O-Optimized; provisioned instances × hours of one class ' +
    'and/or Serverless v2 ACU-hours, the cluster volume (GB-months), I/O requests (Standard only), backup ' +
    'storage beyond the free allowance, Backtrack change records (MySQL) and CloudWatch Database Insights ' +
    'Advanced mode.',
  params: Type.Object(
    {
      engine: Type.Union([Type.Literal('postgresql'), Type.Literal('mysql')], {
        default: 'postgresql',
        title: 'Engine',
        description: 'Aurora PostgreSQL-Compatible or Aurora MySQL-Compatible Edition.',
      }),
      storage_configuration: optional(
        Type.Union([Type.Literal('standard'), Type.Literal('io_optimized')], {
          title: 'Cluster storage configuration',
          description:
            'Standard (I/O requests billed) or I/O-Optimized (I/O included, higher instance, ACU and storage ' +
            'rates); standard when left out.',
        }),
      ),
      instance_class: optional(
        catalogName({
          title: 'Instance class',
          description:
            'The class of the provisioned instances (writer and readers); none for a Serverless v2 or ' +
            'storage-only item.',
        }),
      ),
      count: optional(
        instanceCount(100, {
          title: 'Instances',
          description: 'Provisioned instances of that class, or {min, typical, max}; 1 when left out.',
        }),
      ),
      hours: optionalHours,
      serverless_acu_hours: optional(
        Type.Number({
          minimum: 0,
          maximum: 1e9,
          title: 'Serverless v2 capacity (ACU-hours per month)',
          description:
            'Aurora Capacity Unit-hours of all Serverless v2 instances of the cluster (capacity is metered per ' +
            'second); 0 when left out.',
        }),
      ),
      storage_gb: gigabytes({
        title: 'Cluster volume (GB-months)',
        description: 'Average GB stored in the cluster volume over the month.',
      }),
      io_requests: optional(
        count({
          title: 'I/O requests per month',
          description: 'Storage read and write I/Os of a Standard cluster; 0 when left out.',
        }),
      ),
      backup_storage_gb: optional(
        gigabytes({
          title: 'Backup storage beyond the free allowance (GB-months)',
          description:
            'Automated backups and snapshots above the free allowance (up to the cluster volume size); 0 when ' +
            'left out.',
        }),
      ),
      backtrack_change_records: optional(
        count({
          title: 'Backtrack change records per month',
          description: 'Aurora MySQL only: change records stored for Backtrack; 0 when left out.',
        }),
      ),
      database_insights: optional(
        Type.Union([Type.Literal('standard'), Type.Literal('advanced')], {
          title: 'CloudWatch Database Insights mode',
          description:
            'Standard (free, 7 days of performance history) or Advanced (15 months, execution plans and ' +
            'on-demand analysis; billed by CloudWatch per vCPU-hour of the provisioned instances, which needs ' +
            'vcpus, and per ACU-hour of Serverless v2 capacity); standard when left out.',
        }),
      ),
      vcpus: optional(
        Type.Integer({
          minimum: 1,
          maximum: 1_024,
          title: 'vCPUs per instance',
          description:
            'The instance class vCPUs, for Database Insights Advanced mode of provisioned instances.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: ['count', 'hours'],
  catalogValues: [
    { param: 'instance_class', what: 'Aurora instance class', known: listAuroraInstanceClasses },
  ],
  checkParams(p) {
    const details: ValidationDetail[] = []
    if (p.count !== undefined && p.instance_class === undefined) {
      details.push({ field: 'params.count', reason: 'instances need their instance_class' })
    }
    if ((p.io_requests ?? 0) > 0 && p.storage_configuration === 'io_optimized') {
      details.push({
        field: 'params.io_requests',
        reason: 'I/O-Optimized clusters include their I/O: leave io_requests out',
      })
    }
    if ((p.backtrack_change_records ?? 0) > 0 && p.engine !== 'mysql') {
      details.push({
        field: 'params.backtrack_change_records',
        reason: 'Backtrack is an Aurora MySQL feature',
      })
    }
    if (p.database_insights === 'advanced' && p.instance_class !== undefined && p.vcpus === undefined) {
      details.push({
        field: 'params.vcpus',
        reason: 'Database Insights Advanced mode bills provisioned instances per vCPU-hour: give vcpus',
      })
    }
    if (p.vcpus !== undefined && p.database_insights !== 'advanced') {
      details.push({
        field: 'params.vcpus',
        reason: 'vcpus is only used by Database Insights Advanced mode: leave it out',
      })
    }
    return details
  },
  toUsage(p, at, sink) {
    const configuration = p.storage_configuration ?? 'standard'
    const ioOptimized = configuration === 'io_optimized' ? '_io_optimized' : ''
    const advanced = p.database_insights === 'advanced'
    if (p.instance_class !== undefined) {
      const instanceHours = d(pointOf(p.count ?? 1, at)).times(pointOf(p.hours ?? DEFAULT_HOURS, at))
      sink(`aurora.instance_hours${ioOptimized}.${p.engine}.${p.instance_class}`, instanceHours)
      if (advanced && p.vcpus !== undefined) {
        sink('aurora.database_insights_vcpu_hours', instanceHours.times(p.vcpus))
      }
    }
    sink(`aurora.acu_hours.${configuration}`, d(p.serverless_acu_hours ?? 0))
    if (advanced) sink('aurora.database_insights_acu_hours', d(p.serverless_acu_hours ?? 0))
    sink(`aurora.storage_gb_month.${configuration}`, d(p.storage_gb))
    sink('aurora.io_requests', d(p.io_requests ?? 0))
    sink('aurora.backup_gb_month', d(p.backup_storage_gb ?? 0))
    sink('aurora.backtrack_change_records', d(p.backtrack_change_records ?? 0))
  },
  usageTypes: [
    {
      match: 'aurora.instance_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'Standard configuration, per engine and instance class (<engine>.<class>).',
    },
    {
      match: 'aurora.instance_hours_io_optimized.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'I/O-Optimized configuration, per engine and instance class (<engine>.<class>).',
    },
    {
      match: 'aurora.acu_hours.*',
      unit: 'ACU-hours',
      kind: 'flow',
      description: 'Serverless v2 capacity, per configuration (standard, io_optimized).',
    },
    {
      match: 'aurora.storage_gb_month.*',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Cluster volume, per configuration (standard, io_optimized).',
    },
    {
      match: 'aurora.io_requests',
      unit: 'requests',
      kind: 'flow',
      description: 'Storage I/O requests of Standard clusters.',
    },
    {
      match: 'aurora.backup_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Backup storage beyond the free allowance.',
    },
    {
      match: 'aurora.backtrack_change_records',
      unit: 'change records',
      kind: 'flow',
      description: 'Aurora MySQL Backtrack change records.',
    },
    {
      match: 'aurora.database_insights_vcpu_hours',
      unit: 'vCPU-hours',
      kind: 'flow',
      description:
        'CloudWatch Database Insights Advanced mode of provisioned instances, per vCPU-hour (billed by ' +
        'CloudWatch as DatabaseInsights-vCPU-Hours).',
    },
    {
      match: 'aurora.database_insights_acu_hours',
      unit: 'ACU-hours',
      kind: 'flow',
      description:
        'CloudWatch Database Insights Advanced mode of Serverless v2 capacity, per ACU-hour (billed by ' +
        'CloudWatch as DatabaseInsights-ACU-Hours).',
    },
  ],
  ingest: {},
  sdk: [],
  // AmazonRDS products of the Aurora engines. The usagetype abbreviates long classes (`InstanceUsage:db.r6g.xl`),
  // so the class is read from `instanceType`. The cluster-wide rates are the same for both engines and are
  // listed once per engine: Aurora PostgreSQL's are taken (Backtrack exists for Aurora MySQL only).
  priceList: [
    ...(
      [
        ['postgresql', 'Aurora PostgreSQL'],
        ['mysql', 'Aurora MySQL'],
      ] as const
    ).flatMap(([engine, databaseEngine]) => [
      {
        offerCode: 'AmazonRDS',
        awsUsageType: /^InstanceUsage:db\./,
        usageType: `aurora.instance_hours.${engine}.{instanceType}`,
        unit: 'instance-hours',
        requires: { databaseEngine },
      },
      {
        offerCode: 'AmazonRDS',
        awsUsageType: /^InstanceUsageIOOptimized:db\./,
        usageType: `aurora.instance_hours_io_optimized.${engine}.{instanceType}`,
        unit: 'instance-hours',
        requires: { databaseEngine },
      },
    ]),
    ...exactUsageTypes(
      'AmazonRDS',
      [
        ['Aurora:ServerlessV2Usage', 'aurora.acu_hours.standard', 'ACU-hours'],
        ['Aurora:ServerlessV2IOOptimizedUsage', 'aurora.acu_hours.io_optimized', 'ACU-hours'],
        ['Aurora:StorageUsage', 'aurora.storage_gb_month.standard', 'GB-months'],
        ['Aurora:IO-OptimizedStorageUsage', 'aurora.storage_gb_month.io_optimized', 'GB-months'],
        ['Aurora:StorageIOUsage', 'aurora.io_requests', 'requests'],
        ['Aurora:BackupUsage', 'aurora.backup_gb_month', 'GB-months'],
      ],
      { databaseEngine: 'Aurora PostgreSQL' },
    ),
    {
      offerCode: 'AmazonRDS',
      awsUsageType: /^Aurora:BacktrackUsage$/,
      usageType: 'aurora.backtrack_change_records',
      unit: 'change records',
    },
    // Database Insights is billed by CloudWatch (AmazonCloudWatch `DatabaseInsights-vCPU-Hours` and
    // `-ACU-Hours`) and not mapped: a rule on that offer would make every Aurora sync download CloudWatch's.
  ],
  terraform: {
    // The cluster carries the volume and its configuration; its usage (GB, I/Os) starts at 0.
    aws_rds_cluster: ({ values }) => {
      const engine = terraformEngine(values)
      if (typeof engine !== 'string') return engine
      if (values.engine_mode === 'serverless') return { skip: 'Aurora Serverless v1 is not modelled' }
      return {
        params: {
          engine,
          ...(values.storage_type === 'aurora-iopt1'
            ? { storage_configuration: 'io_optimized' as const }
            : {}),
          storage_gb: 0,
        },
      }
    },
    // An instance of a cluster: a provisioned class runs all month; db.serverless bills the ACU-hours it uses.
    aws_rds_cluster_instance: ({ values }) => {
      const engine = terraformEngine(values)
      if (typeof engine !== 'string') return engine
      const instanceClass = asString(values.instance_class)
      if (!instanceClass) return { skip: 'instance_class is not known until apply' }
      if (instanceClass === 'db.serverless') {
        return { params: { engine, serverless_acu_hours: 0, storage_gb: 0 } }
      }
      return { params: { engine, instance_class: instanceClass, count: 1, hours: 730, storage_gb: 0 } }
    },
  },
  examples: auroraExamples,
})
