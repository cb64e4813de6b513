import { Type } from '@sinclair/typebox'
import {
  capacityUnits,
  count,
  countHours,
  d,
  gigabytes,
  optional,
  optionalHours,
  pointOf,
  strict,
} from '../params.js'
import { asNumber } from '../plan-values.js'
import type { RangePoint, UsageSink, ValidationDetail } from '../service-descriptor.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'
import { dynamodbExamples } from './examples.js'
import { dynamoDbIngest } from './ingest.js'

const BYTES_PER_GB = '1073741824'
/** More capacity units than one table can be given (the default quota is 40,000 per table; raised on request). */
const MAX_CAPACITY_UNITS = 10_000_000

type TableClass = 'standard' | 'standard_ia'
type Ranged = number | { min: number; typical: number; max: number }

/** The params with every optional one at the value it takes when left out. */
interface DynamoDbParams {
  write_request_units: number
  read_request_units: number
  storage_gb: number
  capacity_mode: 'on_demand' | 'provisioned'
  table_class: TableClass
  provisioned_rcu: Ranged
  provisioned_wcu: Ranged
  hours: Ranged
  global_table_regions: number
  pitr_gb: number
  backup_gb: number
  restore_gb: number
  streams_read_requests: number
}
type DynamoDbInput = Partial<DynamoDbParams> &
  Pick<DynamoDbParams, 'write_request_units' | 'read_request_units' | 'storage_gb'>

function withDefaults(p: DynamoDbInput): DynamoDbParams {
  return {
    capacity_mode: 'on_demand',
    table_class: 'standard',
    provisioned_rcu: 0,
    provisioned_wcu: 0,
    hours: 730,
    global_table_regions: 1,
    pitr_gb: 0,
    backup_gb: 0,
    restore_gb: 0,
    streams_read_requests: 0,
    ...p,
  }
}

const optionalGigabytes = (title: string, description: string) =>
  optional(Type.Number({ minimum: 0, maximum: 1e9, title, description: `${description} 0 when left out.` }))

/** Standard keeps the original, unsuffixed on-demand usage types; Standard-IA has its own. */
const onDemandSuffix = (tableClass: TableClass) => (tableClass === 'standard' ? '' : '.standard_ia')

/**
 * Reads and writes: on-demand request units or provisioned capacity-hours. A global table bills every write
 * as a replicated write (rWRU / rWCU) in each of its Regions; this item prices all of them at its Region's rate.
 */
function throughputUsage(p: DynamoDbParams, at: RangePoint, sink: UsageSink): void {
  const replicated = p.global_table_regions > 1
  if (p.capacity_mode === 'on_demand') {
    const writes = d(p.write_request_units)
    if (replicated)
      sink(`dynamodb.replicated_write_request_units.${p.table_class}`, writes.times(p.global_table_regions))
    else sink(`dynamodb.write_request_units${onDemandSuffix(p.table_class)}`, writes)
    sink(`dynamodb.read_request_units${onDemandSuffix(p.table_class)}`, d(p.read_request_units))
    return
  }
  const wcuHours = countHours(p.provisioned_wcu, p.hours, at)
  if (replicated)
    sink(`dynamodb.replicated_wcu_hours.${p.table_class}`, wcuHours.times(p.global_table_regions))
  else sink(`dynamodb.wcu_hours.${p.table_class}`, wcuHours)
  sink(`dynamodb.rcu_hours.${p.table_class}`, countHours(p.provisioned_rcu, p.hours, at))
}

function checkDynamoDbParams(input: DynamoDbInput): ValidationDetail[] {
  const p = withDefaults(input)
  const details: ValidationDetail[] = []
  const refuse = (field: string, reason: string) => details.push({ field: `params.${field}`, reason })
  if (p.capacity_mode === 'provisioned') {
    if (p.write_request_units > 0)
      refuse('write_request_units', 'on-demand only: a provisioned table is billed per WCU-hour')
    if (p.read_request_units > 0)
      refuse('read_request_units', 'on-demand only: a provisioned table is billed per RCU-hour')
  } else {
    if (pointOf(p.provisioned_wcu, 'max') > 0)
      refuse('provisioned_wcu', 'applies to capacity_mode provisioned')
    if (pointOf(p.provisioned_rcu, 'max') > 0)
      refuse('provisioned_rcu', 'applies to capacity_mode provisioned')
  }
  return details
}

export const dynamodb = defineService({
  id: 'dynamodb',
  usageTypePrefix: 'dynamodb',
  name: 'Amazon DynamoDB',
  category: 'database',
  description: 'Serverless key-value database; on-demand or provisioned capacity and storage.',
  help:
    'One table: on-demand request units (1 KB writes, 4 KB reads) or provisioned RCUs/WCUs per hour (a ' +
    '{min, typical, max} range for auto scaling), the Standard or Standard-IA table class, GB stored, ' +
    'global-table replicated writes, point-in-time recovery, on-demand backups and restores, Streams reads.',
  params: Type.Object(
    {
      write_request_units: count({
        title: 'Write request units',
        description: 'On-demand: write request units per month (1 per 1 KB written, 2 for transactional).',
      }),
      read_request_units: count({
        title: 'Read request units',
        description:
          'On-demand: read request units per month (1 per strongly consistent 4 KB read, ½ eventually consistent).',
      }),
      storage_gb: gigabytes({
        title: 'Storage (GB)',
        description: 'Average GB stored over the month (table and indexes).',
      }),
      capacity_mode: Type.Optional(
        Type.Union([Type.Literal('on_demand'), Type.Literal('provisioned')], {
          title: 'Capacity mode',
          description:
            'on_demand (per request unit, when left out) or provisioned (per capacity unit per hour).',
        }),
      ),
      table_class: Type.Optional(
        Type.Union([Type.Literal('standard'), Type.Literal('standard_ia')], {
          title: 'Table class',
          description:
            'standard or standard_ia (Standard-Infrequent Access: cheaper storage, dearer reads and writes); standard when left out.',
        }),
      ),
      provisioned_rcu: capacityUnits(MAX_CAPACITY_UNITS, {
        title: 'Provisioned read capacity (RCU)',
        description:
          'Provisioned mode: read capacity units held, or {min, typical, max} as auto scaling moves them; 0 when left out.',
      }),
      provisioned_wcu: capacityUnits(MAX_CAPACITY_UNITS, {
        title: 'Provisioned write capacity (WCU)',
        description:
          'Provisioned mode: write capacity units held, or {min, typical, max} as auto scaling moves them; 0 when left out.',
      }),
      hours: optionalHours,
      global_table_regions: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: 50,
          title: 'Global table Regions',
          description:
            'Regions holding a replica (1 = a regional table). Every write is billed as a replicated write in ' +
            'each Region, all at this scenario’s Region rates. 1 when left out.',
        }),
      ),
      pitr_gb: optionalGigabytes(
        'Point-in-time recovery (GB)',
        'GB-months of continuous backup (PITR): the table size while PITR is on.',
      ),
      backup_gb: optionalGigabytes('On-demand backups (GB)', 'Average GB-months of on-demand backups kept.'),
      restore_gb: optionalGigabytes('Restored (GB)', 'GB restored from backups per month.'),
      streams_read_requests: Type.Optional(
        Type.Integer({
          minimum: 0,
          maximum: 1e15,
          title: 'Streams read requests',
          description:
            'DynamoDB Streams GetRecords read request units per month (not from Lambda triggers, which are free). 0 when left out.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: ['provisioned_rcu', 'provisioned_wcu', 'hours'],
  catalogValues: [],
  checkParams: checkDynamoDbParams,
  toUsage(input, at, sink) {
    const p = withDefaults(input)
    throughputUsage(p, at, sink)
    sink(`dynamodb.storage_gb_month${onDemandSuffix(p.table_class)}`, d(p.storage_gb))
    sink('dynamodb.pitr_gb_month', d(p.pitr_gb))
    sink('dynamodb.backup_gb_month', d(p.backup_gb))
    sink('dynamodb.restore_gb', d(p.restore_gb))
    sink('dynamodb.streams_read_requests', d(p.streams_read_requests))
  },
  usageTypes: [
    {
      match: 'dynamodb.write_request_units',
      unit: 'write request units',
      kind: 'flow',
      description: 'WRUs (Standard table class).',
    },
    {
      match: 'dynamodb.read_request_units',
      unit: 'read request units',
      kind: 'flow',
      // An eventually consistent 4 KB read is half a read request unit: metering counts halves.
      baseUnit: 'half read request units',
      baseUnitsPerUnit: '2',
      description: 'RRUs (Standard table class).',
    },
    {
      match: 'dynamodb.storage_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'Table storage held over the month (Standard table class).',
    },
    {
      match: 'dynamodb.write_request_units.standard_ia',
      unit: 'write request units',
      kind: 'flow',
      description: 'WRUs of a Standard-IA table.',
    },
    {
      match: 'dynamodb.read_request_units.standard_ia',
      unit: 'read request units',
      kind: 'flow',
      baseUnit: 'half read request units',
      baseUnitsPerUnit: '2',
      description: 'RRUs of a Standard-IA table.',
    },
    {
      match: 'dynamodb.replicated_write_request_units.*',
      unit: 'replicated write request units',
      kind: 'flow',
      description: 'Global-table writes (rWRUs), per table class.',
    },
    {
      match: 'dynamodb.storage_gb_month.standard_ia',
      unit: 'GB-months',
      kind: 'stock',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'Storage of a Standard-IA table.',
    },
    { match: 'dynamodb.rcu_hours.*', unit: 'RCU-hours', kind: 'flow', description: 'Provisioned reads.' },
    { match: 'dynamodb.wcu_hours.*', unit: 'WCU-hours', kind: 'flow', description: 'Provisioned writes.' },
    {
      match: 'dynamodb.replicated_wcu_hours.*',
      unit: 'rWCU-hours',
      kind: 'flow',
      description: 'Provisioned global-table writes, per table class.',
    },
    {
      match: 'dynamodb.pitr_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Continuous backup (point-in-time recovery).',
    },
    {
      match: 'dynamodb.backup_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      description: 'On-demand backups.',
    },
    { match: 'dynamodb.restore_gb', unit: 'GB', kind: 'flow', description: 'Data restored from backups.' },
    {
      match: 'dynamodb.streams_read_requests',
      unit: 'requests',
      kind: 'flow',
      description: 'DynamoDB Streams read request units.',
    },
  ],
  ingest: dynamoDbIngest,
  sdk: [{ client: 'DynamoDBClient', commands: ['PutItem', 'GetItem', 'Query', 'BatchWriteItem'] }],
  // AmazonDynamoDB products. `IA-` is the Standard-IA table class, `Repl` global-table replicas; the $0 first
  // band of storage, capacity and streams is the free tier, which the catalog models separately.
  priceList: [
    ...exactUsageTypes('AmazonDynamoDB', [
      ['WriteRequestUnits', 'dynamodb.write_request_units', 'write request units'],
      ['ReadRequestUnits', 'dynamodb.read_request_units', 'read request units'],
      ['IA-WriteRequestUnits', 'dynamodb.write_request_units.standard_ia', 'write request units'],
      ['IA-ReadRequestUnits', 'dynamodb.read_request_units.standard_ia', 'read request units'],
      [
        'ReplWriteRequestUnits',
        'dynamodb.replicated_write_request_units.standard',
        'replicated write request units',
      ],
      [
        'IA-ReplWriteRequestUnits',
        'dynamodb.replicated_write_request_units.standard_ia',
        'replicated write request units',
      ],
      ['TimedStorage-ByteHrs', 'dynamodb.storage_gb_month', 'GB-months'],
      ['IA-TimedStorage-ByteHrs', 'dynamodb.storage_gb_month.standard_ia', 'GB-months'],
      ['ReadCapacityUnit-Hrs', 'dynamodb.rcu_hours.standard', 'RCU-hours'],
      ['WriteCapacityUnit-Hrs', 'dynamodb.wcu_hours.standard', 'WCU-hours'],
      ['IA-ReadCapacityUnit-Hrs', 'dynamodb.rcu_hours.standard_ia', 'RCU-hours'],
      ['IA-WriteCapacityUnit-Hrs', 'dynamodb.wcu_hours.standard_ia', 'WCU-hours'],
      ['ReplWriteCapacityUnit-Hrs', 'dynamodb.replicated_wcu_hours.standard', 'rWCU-hours'],
      ['IA-ReplWriteCapacityUnit-Hrs', 'dynamodb.replicated_wcu_hours.standard_ia', 'rWCU-hours'],
      ['TimedPITRStorage-ByteHrs', 'dynamodb.pitr_gb_month', 'GB-months'],
      ['TimedBackupStorage-ByteHrs', 'dynamodb.backup_gb_month', 'GB-months'],
      ['RestoreDataSize-Bytes', 'dynamodb.restore_gb', 'GB'],
      ['Streams-Requests', 'dynamodb.streams_read_requests', 'requests'],
    ]),
  ],
  terraform: {
    aws_dynamodb_table: ({ values }) => {
      const base = {
        write_request_units: 0,
        read_request_units: 0,
        storage_gb: 0,
        ...(values.table_class === 'STANDARD_INFREQUENT_ACCESS'
          ? { table_class: 'standard_ia' as const }
          : {}),
      }
      if (values.billing_mode !== 'PROVISIONED') return { params: base }
      return {
        params: {
          ...base,
          capacity_mode: 'provisioned' as const,
          provisioned_rcu: capacityOf(values.read_capacity),
          provisioned_wcu: capacityOf(values.write_capacity),
        },
      }
    },
  },
  examples: dynamodbExamples,
})

/** A planned capacity, or 0 when it is not known until apply (auto scaling sets it). */
function capacityOf(value: unknown): number {
  const units = asNumber(value)
  return units !== undefined && units >= 0 ? Math.trunc(units) : 0
}
