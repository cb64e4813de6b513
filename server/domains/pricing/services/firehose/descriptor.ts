import { Type } from '@sinclair/typebox'
import { count, countHours, d, optionalHours, strict } from '../params.js'
import { asArray, asRecord, firstBlock } from '../plan-values.js'
import { defineService, exactUsageTypes, type ValidationDetail } from '../service-descriptor.js'
import { MAX_RECORD_BYTES, RECORD_STEP_BYTES } from './billing.js'
import { firehoseIngest } from './ingest.js'

const GIB = 1024 ** 3

/**
 * Amazon Data Firehose with Direct PUT or a Kinesis data stream as its source: GB ingested, each record rounded up
 * to 5 KB, in three monthly bands; JSON to Parquet/ORC conversion per GB ingested; delivery into a VPC per GB and
 * per hour in each Availability Zone.
 */
export const firehose = defineService({
  id: 'firehose',
  usageTypePrefix: 'firehose',
  name: 'Amazon Data Firehose',
  category: 'analytics',
  description:
    'Streaming delivery to S3, Redshift, OpenSearch and others, billed per GB ingested in 5 KB steps.',
  help:
    'Records put (Direct PUT or from a Kinesis data stream) and their average size, rounded up to 5 KB (here on ' +
    'the average); optional format conversion and VPC delivery (GB and hours in each Availability Zone). MSK and ' +
    'vended-log sources, dynamic partitioning, the destination (S3, Redshift, ...) and data transfer are not ' +
    'included.',
  params: Type.Object(
    {
      records: count({
        title: 'Records per month',
        description: 'Records put into the stream in the month.',
      }),
      avg_record_kb: Type.Number({
        minimum: 0,
        maximum: MAX_RECORD_BYTES / 1024,
        default: 1,
        title: 'Average record size (KB)',
        description: 'Data blob size (at most 1,000 KB); billed rounded up to the next 5 KB.',
      }),
      format_conversion: Type.Optional(
        Type.Boolean({
          title: 'Format conversion',
          description: 'JSON converted to Apache Parquet or ORC, billed per GB ingested.',
        }),
      ),
      vpc_delivery: Type.Optional(
        Type.Boolean({
          title: 'VPC delivery',
          description:
            'Delivery to a destination in a VPC: per GB delivered and per hour in each Availability Zone.',
        }),
      ),
      vpc_availability_zones: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: 6,
          title: 'VPC Availability Zones',
          description: 'Availability Zones (subnets) the stream delivers into; 2 when left out.',
        }),
      ),
      hours: optionalHours,
    },
    strict,
  ),
  rangedParams: ['hours'],
  catalogValues: [],
  checkParams(p) {
    const details: ValidationDetail[] = []
    if (!p.vpc_delivery && p.vpc_availability_zones !== undefined)
      details.push({ field: 'params.vpc_availability_zones', reason: 'applies with vpc_delivery only' })
    return details
  },
  toUsage(p, at, sink) {
    const steps = Math.max(1, Math.ceil((p.avg_record_kb * 1024) / RECORD_STEP_BYTES))
    const ingestedGb = d(p.records)
      .times(steps * RECORD_STEP_BYTES)
      .div(GIB)
    sink('firehose.ingested_gb', ingestedGb)
    if (p.format_conversion) sink('firehose.format_conversion_gb', ingestedGb)
    if (!p.vpc_delivery) return
    sink('firehose.vpc_data_gb', ingestedGb)
    sink('firehose.vpc_az_hours', countHours(p.vpc_availability_zones ?? 2, p.hours, at))
  },
  usageTypes: [
    {
      match: 'firehose.ingested_gb',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: String(GIB),
      description: 'Data ingested, each record rounded up to 5 KB.',
    },
    {
      match: 'firehose.format_conversion_gb',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: String(GIB),
      description: 'Data converted to Parquet or ORC.',
    },
    {
      match: 'firehose.vpc_data_gb',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: String(GIB),
      description: 'Data delivered into a VPC.',
    },
    {
      match: 'firehose.vpc_az_hours',
      unit: 'AZ-hours',
      kind: 'flow',
      description: 'Hours of VPC delivery in each Availability Zone.',
    },
  ],
  ingest: firehoseIngest,
  sdk: [{ client: 'FirehoseClient', commands: ['PutRecord', 'PutRecordBatch'] }],
  // The AmazonKinesisFirehose offer's usage types were not found in a source; `pricing import` leaves it alone.
  // AmazonKinesisFirehose products: Direct PUT ingestion `BilledBytes` (PutRecord and PutRecordBatch list the same
  // bands), format conversion `DFCBilledBytes`, and VPC delivery bytes and AZ-hours.
  priceList: [
    ...exactUsageTypes('AmazonKinesisFirehose', [
      ['BilledBytes', 'firehose.ingested_gb', 'GB'],
      ['DFCBilledBytes', 'firehose.format_conversion_gb', 'GB'],
      ['Firehose-VpcDelivery-Bytes', 'firehose.vpc_data_gb', 'GB'],
      ['Firehose-VpcDelivery-Hours', 'firehose.vpc_az_hours', 'AZ-hours'],
    ]),
  ],
  terraform: {
    aws_kinesis_firehose_delivery_stream: ({ values }) => {
      const s3 = firstBlock(values.extended_s3_configuration)
      const conversion = firstBlock(s3.data_format_conversion_configuration)
      const formatConversion = Object.keys(conversion).length > 0 && conversion.enabled !== false
      // Destinations that can sit in a VPC carry a vpc_config block; one Availability Zone per subnet.
      const vpcSubnets = ['elasticsearch_configuration', 'opensearch_configuration']
        .map((block) => firstBlock(asRecord(firstBlock(values[block])).vpc_config).subnet_ids)
        .map((subnets) => asArray(subnets).length)
        .find((subnets) => subnets > 0)
      return {
        params: {
          records: 0,
          avg_record_kb: 1,
          ...(formatConversion ? { format_conversion: true } : {}),
          ...(vpcSubnets ? { vpc_delivery: true, vpc_availability_zones: Math.min(vpcSubnets, 6) } : {}),
        },
      }
    },
  },
  examples: [],
})
