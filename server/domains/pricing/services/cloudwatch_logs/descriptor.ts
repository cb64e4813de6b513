import { Type } from '@sinclair/typebox'
import { d, gigabytes, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { cloudWatchLogsExamples } from './examples.js'

const BYTES_PER_GB = '1073741824'

export const cloudwatchLogs = defineService({
  id: 'cloudwatch_logs',
  usageTypePrefix: 'cloudwatch_logs',
  name: 'CloudWatch Logs',
  category: 'management',
  description: 'Log ingestion and archive storage, billed per GB.',
  help: 'Standard log class: GB ingested per month and average GB archived (compressed) over the month.',
  params: Type.Object(
    {
      ingested_gb: gigabytes({ title: 'Ingested (GB)', description: 'GB of log data ingested per month.' }),
      stored_gb: gigabytes({ title: 'Stored (GB)', description: 'Average GB archived over the month.' }),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('cloudwatch_logs.ingested_gb', d(p.ingested_gb))
    sink('cloudwatch_logs.stored_gb_month', d(p.stored_gb))
  },
  usageTypes: [
    {
      match: 'cloudwatch_logs.ingested_gb',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'Log data ingested.',
    },
    {
      match: 'cloudwatch_logs.stored_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'Log data archived over the month.',
    },
  ],
  ingestEvents: ['log'],
  sdk: [{ client: 'CloudWatchLogsClient', commands: ['PutLogEvents'] }],
  priceList: [
    {
      offerCode: 'AmazonCloudWatch',
      awsUsageType: /^DataProcessing-Bytes$/,
      usageType: 'cloudwatch_logs.ingested_gb',
      unit: 'GB',
    },
    {
      offerCode: 'AmazonCloudWatch',
      awsUsageType: /^TimedStorage-ByteHrs$/,
      usageType: 'cloudwatch_logs.stored_gb_month',
      unit: 'GB-months',
    },
  ],
  terraform: { aws_cloudwatch_log_group: () => ({ params: { ingested_gb: 0, stored_gb: 0 } }) },
  examples: cloudWatchLogsExamples,
})
