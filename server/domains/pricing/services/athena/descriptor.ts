import { Type } from '@sinclair/typebox'
import { count, d, gigabytes, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { athenaExamples } from './examples.js'

/** Athena bills each query's bytes rounded up to the megabyte, and at least 10 MB. */
const MIN_MB_PER_QUERY = 10
const MB_PER_GB = 1024

const optionalNumber = (title: string, description: string) =>
  Type.Optional(Type.Number({ minimum: 0, maximum: 10_000_000, title, description }))

/**
 * Amazon Athena. SQL queries are billed per TB scanned, each query rounded up to the megabyte with a 10 MB
 * minimum (DDL and failed queries are free); queries on Provisioned Capacity are billed per DPU-hour reserved
 * instead, and Apache Spark notebooks per DPU-hour of execution.
 */
export const athena = defineService({
  id: 'athena',
  usageTypePrefix: 'athena',
  name: 'Amazon Athena',
  category: 'analytics',
  description: 'Serverless SQL over S3, billed per TB scanned or per DPU-hour of capacity.',
  help:
    'SQL queries a month and the data each scans on average (the 10 MB minimum applies to that average), ' +
    'DPU-hours of Provisioned Capacity, and Apache Spark DPU-hours. S3 requests, Glue Data Catalog calls and ' +
    'the Lambda functions of federated queries bill under those services; reservation minimums are not checked.',
  params: Type.Object(
    {
      queries: count({
        title: 'SQL queries per month',
        description: 'Queries run on per-TB workgroups (DDL statements and failed queries are not billed).',
      }),
      scanned_gb_per_query: gigabytes({
        title: 'Data scanned per query (GB)',
        description:
          'Average GB a query reads (after compression and partition pruning); billed as at least 10 MB.',
      }),
      provisioned_dpu_hours: optionalNumber(
        'Provisioned Capacity (DPU-hours)',
        'DPUs reserved × hours held; queries on that capacity are not billed per TB.',
      ),
      spark_dpu_hours: optionalNumber(
        'Apache Spark (DPU-hours)',
        'DPU-hours of Spark notebook and session code.',
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    const scannedMb = d(p.scanned_gb_per_query).times(MB_PER_GB).ceil()
    const billedMb = scannedMb.lt(MIN_MB_PER_QUERY) ? d(MIN_MB_PER_QUERY) : scannedMb
    sink(
      'athena.scanned_tb',
      d(p.queries)
        .times(billedMb)
        .div(MB_PER_GB * MB_PER_GB),
    )
    sink('athena.provisioned_dpu_hours', d(p.provisioned_dpu_hours ?? 0))
    sink('athena.spark_dpu_hours', d(p.spark_dpu_hours ?? 0))
  },
  usageTypes: [
    {
      match: 'athena.scanned_tb',
      unit: 'TB',
      kind: 'flow',
      baseUnit: 'MB',
      baseUnitsPerUnit: '1048576',
      description: 'Data scanned by SQL queries.',
    },
    {
      match: 'athena.provisioned_dpu_hours',
      unit: 'DPU-hours',
      kind: 'flow',
      description: 'Provisioned Capacity DPU-hours.',
    },
    {
      match: 'athena.spark_dpu_hours',
      unit: 'DPU-hours',
      kind: 'flow',
      description: 'Apache Spark DPU-hours.',
    },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonAthena',
      awsUsageType: /^DataScannedInTB$/,
      usageType: 'athena.scanned_tb',
      unit: 'TB',
    },
    {
      offerCode: 'AmazonAthena',
      awsUsageType: /^CodeExecutionInDPUHours$/,
      usageType: 'athena.spark_dpu_hours',
      unit: 'DPU-hours',
    },
  ],
  terraform: {
    // A workgroup costs nothing until queries run in it.
    aws_athena_workgroup: () => ({ params: { queries: 0, scanned_gb_per_query: 0 } }),
    aws_athena_database: () => ({
      skip: 'no charge of its own (its tables bill as Glue Data Catalog objects)',
    }),
  },
  examples: athenaExamples,
})
