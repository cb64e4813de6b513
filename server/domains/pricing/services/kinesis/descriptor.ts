import { Type } from '@sinclair/typebox'
import {
  count,
  countHours,
  DEFAULT_HOURS,
  d,
  fieldsOfOtherMode,
  gigabytes,
  instanceCount,
  optionalHours,
  strict,
} from '../params.js'
import { asNumber, asString, firstBlock } from '../plan-values.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'
import { MAX_RECORD_BYTES, ON_DEMAND_RECORD_STEP_BYTES, PUT_PAYLOAD_UNIT_BYTES } from './billing.js'
import { kinesisExamples } from './examples.js'
import { kinesisIngest } from './ingest.js'

const KIB = 1024
const GIB = 1024 ** 3
/** Retention longer than this (hours) is billed as extended retention. */
const INCLUDED_RETENTION_HOURS = 24

const PROVISIONED_ONLY = ['shards', 'efo_consumers', 'extended_retention', 'long_term_retrieved_gb'] as const
const ON_DEMAND_ONLY = ['streams', 'data_retrieved_gb', 'extended_retention_gb'] as const

const optionalGb = (title: string, description: string) => Type.Optional(gigabytes({ title, description }))

/**
 * Amazon Kinesis Data Streams. On-demand streams bill each stream-hour, GB written (each record rounded up to
 * 1 KB), GB read, enhanced fan-out GB read, and retention beyond 24 hours per GB-month. Provisioned streams bill
 * shard-hours, PUT payload units of 25 KB, extended retention per shard-hour, enhanced fan-out per
 * consumer-shard-hour and GB read, and long-term retention per GB-month.
 */
export const kinesis = defineService({
  id: 'kinesis',
  usageTypePrefix: 'kinesis',
  name: 'Amazon Kinesis Data Streams',
  category: 'analytics',
  description:
    'Real-time data streams, billed per stream-hour and GB (on-demand) or per shard-hour and PUT unit.',
  help:
    'On-demand: streams × hours, records put and their average size (rounded up to 1 KB), GB read by shared and ' +
    'enhanced fan-out consumers, GB-months kept 24 h to 7 days and beyond. Provisioned: shards × hours, records ' +
    'in 25 KB PUT payload units, extended retention (up to 7 days) per shard-hour, enhanced fan-out consumers ' +
    'and GB, long-term retention. Rounding is applied to the average record size.',
  params: Type.Object(
    {
      capacity_mode: Type.Union([Type.Literal('on_demand'), Type.Literal('provisioned')], {
        default: 'on_demand',
        title: 'Capacity mode',
        description:
          'on_demand: billed per stream-hour and GB; provisioned: per shard-hour and PUT payload unit.',
      }),
      streams: Type.Optional(
        instanceCount(10_000, {
          title: 'Streams',
          description: 'On-demand only: streams, or {min, typical, max}; 1 when left out.',
        }),
      ),
      shards: Type.Optional(
        instanceCount(100_000, {
          title: 'Shards',
          description: 'Provisioned only: open shards across the streams, or {min, typical, max}.',
        }),
      ),
      hours: optionalHours,
      records: Type.Optional(
        count({
          title: 'Records put per month',
          description: 'Records written (PutRecord, each of PutRecords).',
        }),
      ),
      avg_record_kb: Type.Optional(
        Type.Number({
          minimum: 0,
          maximum: MAX_RECORD_BYTES / KIB,
          title: 'Average record size (KB)',
          description: 'Data blob plus partition key; at most 1,024 KB.',
        }),
      ),
      data_retrieved_gb: optionalGb(
        'Data read per month (GB)',
        'On-demand only: GB read by shared-throughput consumers (each consumer counts).',
      ),
      efo_consumers: Type.Optional(
        count({
          title: 'Enhanced fan-out consumers',
          description: 'Provisioned only: consumers registered for enhanced fan-out, billed per shard-hour.',
        }),
      ),
      efo_data_retrieved_gb: optionalGb(
        'Enhanced fan-out data read (GB)',
        'GB read by enhanced fan-out consumers.',
      ),
      extended_retention: Type.Optional(
        Type.Boolean({
          title: 'Extended retention (up to 7 days)',
          description: 'Provisioned only: retention beyond 24 hours, billed per shard-hour.',
        }),
      ),
      extended_retention_gb: optionalGb(
        'Data kept 24 h to 7 days (GB-month)',
        'On-demand only: average GB stored beyond 24 hours and within 7 days.',
      ),
      long_term_retention_gb: optionalGb(
        'Data kept beyond 7 days (GB-month)',
        'Average GB stored beyond 7 days (retention up to 365 days).',
      ),
      long_term_retrieved_gb: optionalGb(
        'Long-term data read (GB)',
        'Provisioned only: GB read that was older than 7 days.',
      ),
    },
    strict,
  ),
  rangedParams: ['streams', 'shards', 'hours'],
  catalogValues: [],
  checkParams(p) {
    const misplaced = p.capacity_mode === 'on_demand' ? PROVISIONED_ONLY : ON_DEMAND_ONLY
    const details = fieldsOfOtherMode(p, misplaced, `${p.capacity_mode} streams`)
    if (p.capacity_mode === 'provisioned' && p.shards === undefined)
      details.push({ field: 'params.shards', reason: 'is required for provisioned streams' })
    return details
  },
  toUsage(p, at, sink) {
    const records = d(p.records ?? 0)
    const recordBytes = (p.avg_record_kb ?? 0) * KIB
    sink(`kinesis.efo_data_out_gb.${p.capacity_mode}`, d(p.efo_data_retrieved_gb ?? 0))
    sink(`kinesis.long_term_retention_gb_months.${p.capacity_mode}`, d(p.long_term_retention_gb ?? 0))
    if (p.capacity_mode === 'on_demand') {
      sink('kinesis.stream_hours', countHours(p.streams ?? 1, p.hours, at))
      const billedKb = Math.max(1, Math.ceil(recordBytes / ON_DEMAND_RECORD_STEP_BYTES))
      sink('kinesis.data_in_gb', records.times(billedKb).times(KIB).div(GIB))
      sink('kinesis.data_out_gb', d(p.data_retrieved_gb ?? 0))
      sink('kinesis.extended_retention_gb_months', d(p.extended_retention_gb ?? 0))
      return
    }
    const shardHours = countHours(p.shards ?? 0, p.hours, at)
    sink('kinesis.shard_hours', shardHours)
    sink(
      'kinesis.put_payload_units',
      records.times(Math.max(1, Math.ceil(recordBytes / PUT_PAYLOAD_UNIT_BYTES))),
    )
    if (p.extended_retention) sink('kinesis.extended_retention_shard_hours', shardHours)
    sink('kinesis.efo_consumer_shard_hours', shardHours.times(p.efo_consumers ?? 0))
    sink('kinesis.long_term_retrieved_gb', d(p.long_term_retrieved_gb ?? 0))
  },
  usageTypes: [
    {
      match: 'kinesis.stream_hours',
      unit: 'stream-hours',
      kind: 'flow',
      description: 'On-demand stream-hours.',
    },
    {
      match: 'kinesis.data_in_gb',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: String(GIB),
      description: 'On-demand data written, each record rounded up to 1 KB.',
    },
    { match: 'kinesis.data_out_gb', unit: 'GB', kind: 'flow', description: 'On-demand data read.' },
    {
      match: 'kinesis.efo_data_out_gb.*',
      unit: 'GB',
      kind: 'flow',
      description: 'Enhanced fan-out data read, per capacity mode.',
    },
    {
      match: 'kinesis.extended_retention_gb_months',
      unit: 'GB-months',
      kind: 'stock',
      description: 'On-demand data kept beyond 24 hours, within 7 days.',
    },
    {
      match: 'kinesis.long_term_retention_gb_months.*',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Data kept beyond 7 days, per capacity mode.',
    },
    {
      match: 'kinesis.shard_hours',
      unit: 'shard-hours',
      kind: 'flow',
      description: 'Provisioned shard-hours.',
    },
    {
      match: 'kinesis.put_payload_units',
      unit: 'units',
      kind: 'flow',
      description: 'Provisioned PUT payload units of 25 KB.',
    },
    {
      match: 'kinesis.extended_retention_shard_hours',
      unit: 'shard-hours',
      kind: 'flow',
      description: 'Provisioned shard-hours with retention beyond 24 hours.',
    },
    {
      match: 'kinesis.efo_consumer_shard_hours',
      unit: 'consumer-shard-hours',
      kind: 'flow',
      description: 'Provisioned enhanced fan-out consumer-shard-hours.',
    },
    {
      match: 'kinesis.long_term_retrieved_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'Provisioned reads of data older than 7 days.',
    },
  ],
  ingest: kinesisIngest,
  // The call does not say the stream's capacity mode: the bridge's `kinesis.onDemand` setting does (default provisioned).
  sdk: [{ client: 'KinesisClient', commands: ['PutRecord', 'PutRecords'] }],
  priceList: exactUsageTypes('AmazonKinesis', [
    ['OnDemand-StreamHour', 'kinesis.stream_hours', 'stream-hours'],
    ['OnDemand-BilledIncomingBytes', 'kinesis.data_in_gb', 'GB'],
    ['OnDemand-BilledOutgoingBytes', 'kinesis.data_out_gb', 'GB'],
    ['OnDemand-BilledOutgoingEFOBytes', 'kinesis.efo_data_out_gb.on_demand', 'GB'],
    ['OnDemand-ExtendedRetention-ByteHrs', 'kinesis.extended_retention_gb_months', 'GB-months'],
    ['OnDemand-LongTermRetention-ByteHrs', 'kinesis.long_term_retention_gb_months.on_demand', 'GB-months'],
    ['Storage-ShardHour', 'kinesis.shard_hours', 'shard-hours'],
    ['PutRequestPayloadUnits', 'kinesis.put_payload_units', 'units'],
  ]),
  terraform: {
    aws_kinesis_stream: ({ values }) => {
      if (asString(firstBlock(values.stream_mode_details).stream_mode) === 'ON_DEMAND')
        return {
          params: { capacity_mode: 'on_demand' as const, streams: 1, hours: DEFAULT_HOURS, records: 0 },
        }
      const retentionHours = asNumber(values.retention_period) ?? INCLUDED_RETENTION_HOURS
      return {
        params: {
          capacity_mode: 'provisioned' as const,
          shards: asNumber(values.shard_count) ?? 1,
          hours: DEFAULT_HOURS,
          records: 0,
          // Retention up to 7 days is billed per shard-hour; beyond that also per GB stored, which starts at 0.
          extended_retention: retentionHours > INCLUDED_RETENTION_HOURS,
        },
      }
    },
    aws_kinesis_stream_consumer: () => ({ skip: 'priced with its stream (efo_consumers)' }),
  },
  examples: kinesisExamples,
})
