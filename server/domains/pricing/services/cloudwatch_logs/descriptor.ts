import { Type } from '@sinclair/typebox'
import { count, d, gigabytes, optional, strict } from '../params.js'
import { asNumber } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'
import { cloudWatchLogsExamples } from './examples.js'
import { cloudWatchLogsIngest } from './ingest.js'

const BYTES_PER_GB = '1073741824'

/** Alarm kinds with their own monthly rate. */
const ALARM_KINDS = ['standard', 'high_resolution', 'composite'] as const

/**
 * CloudWatch under its first service id: Logs ingestion (Standard and Infrequent Access classes), archive,
 * Logs Insights GB scanned, and the metrics side: custom metrics in monthly bands, alarms per kind,
 * dashboards and API requests, each per month.
 */
export const cloudwatchLogs = defineService({
  id: 'cloudwatch_logs',
  usageTypePrefix: 'cloudwatch_logs',
  name: 'CloudWatch Logs',
  category: 'management',
  description: 'Logs ingestion, archive and queries, custom metrics, alarms, dashboards and API requests.',
  help: 'Logs GB ingested (Standard and Infrequent Access), archived and scanned by Logs Insights; custom metrics, alarms, dashboards and API requests per month.',
  params: Type.Object(
    {
      ingested_gb: gigabytes({ title: 'Ingested (GB)', description: 'GB of log data ingested per month.' }),
      stored_gb: gigabytes({ title: 'Stored (GB)', description: 'Average GB archived over the month.' }),
      ia_ingested_gb: optional(
        gigabytes({
          title: 'Infrequent Access ingested (GB)',
          description: 'GB ingested per month into Infrequent Access log groups; 0 when left out.',
        }),
      ),
      insights_scanned_gb: optional(
        gigabytes({
          title: 'Logs Insights scanned (GB)',
          description: 'GB of log data scanned by Logs Insights queries per month; 0 when left out.',
        }),
      ),
      custom_metrics: optional(
        count({
          title: 'Custom metrics',
          description:
            'Custom (and detailed monitoring) metrics held all month; a metric sent for part of the month counts pro rata by the hour. 0 when left out.',
        }),
      ),
      alarms_standard: optional(
        count({
          title: 'Standard alarms',
          description: 'Standard-resolution alarm metrics; 0 when left out.',
        }),
      ),
      alarms_high_resolution: optional(
        count({
          title: 'High-resolution alarms',
          description: 'High-resolution alarm metrics; 0 when left out.',
        }),
      ),
      alarms_composite: optional(
        count({ title: 'Composite alarms', description: 'Composite alarms; 0 when left out.' }),
      ),
      dashboards: optional(
        count({ title: 'Dashboards', description: 'Dashboards per month; 0 when left out.' }),
      ),
      api_requests: optional(
        count({
          title: 'API requests',
          description:
            'Metrics API requests per month other than GetMetricData, GetInsightRuleReport and GetMetricWidgetImage; 0 when left out.',
        }),
      ),
      get_metric_data_requests: optional(
        count({
          title: 'GetMetricData requests',
          description: 'Metrics requested by GetMetricData per month; 0 when left out.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('cloudwatch_logs.ingested_gb', d(p.ingested_gb))
    sink('cloudwatch_logs.stored_gb_month', d(p.stored_gb))
    sink('cloudwatch_logs.ia_ingested_gb', d(p.ia_ingested_gb ?? 0))
    sink('cloudwatch_logs.insights_scanned_gb', d(p.insights_scanned_gb ?? 0))
    sink('cloudwatch_logs.custom_metric_months', d(p.custom_metrics ?? 0))
    const alarms = {
      standard: p.alarms_standard,
      high_resolution: p.alarms_high_resolution,
      composite: p.alarms_composite,
    }
    for (const kind of ALARM_KINDS) sink(`cloudwatch_logs.alarm_months.${kind}`, d(alarms[kind] ?? 0))
    sink('cloudwatch_logs.dashboard_months', d(p.dashboards ?? 0))
    sink('cloudwatch_logs.api_requests', d(p.api_requests ?? 0))
    sink('cloudwatch_logs.get_metric_data_requests', d(p.get_metric_data_requests ?? 0))
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
    {
      match: 'cloudwatch_logs.ia_ingested_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'Log data ingested into the Infrequent Access class.',
    },
    {
      match: 'cloudwatch_logs.insights_scanned_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'Log data scanned by Logs Insights queries.',
    },
    {
      match: 'cloudwatch_logs.custom_metric_months',
      unit: 'metric-months',
      kind: 'stock',
      description: 'Custom metrics held over the month, in bands.',
    },
    {
      match: 'cloudwatch_logs.alarm_months.*',
      unit: 'alarm-months',
      kind: 'stock',
      description: 'Alarms held over the month (standard, high_resolution, composite).',
    },
    {
      match: 'cloudwatch_logs.dashboard_months',
      unit: 'dashboard-months',
      kind: 'stock',
      description: 'Dashboards held over the month.',
    },
    {
      match: 'cloudwatch_logs.api_requests',
      unit: 'requests',
      kind: 'flow',
      description: 'Metrics API requests.',
    },
    {
      match: 'cloudwatch_logs.get_metric_data_requests',
      unit: 'requests',
      kind: 'flow',
      description: 'Metrics requested by GetMetricData.',
    },
  ],
  ingest: cloudWatchLogsIngest,
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
  terraform: {
    aws_cloudwatch_log_group: () => ({ params: { ingested_gb: 0, stored_gb: 0 } }),
    aws_cloudwatch_metric_alarm: ({ values }) => ({
      params:
        // A period under 60 seconds makes a high-resolution alarm.
        (asNumber(values.period) ?? 60) < 60
          ? { ingested_gb: 0, stored_gb: 0, alarms_high_resolution: 1 }
          : { ingested_gb: 0, stored_gb: 0, alarms_standard: 1 },
    }),
    aws_cloudwatch_composite_alarm: () => ({ params: { ingested_gb: 0, stored_gb: 0, alarms_composite: 1 } }),
    aws_cloudwatch_dashboard: () => ({ params: { ingested_gb: 0, stored_gb: 0, dashboards: 1 } }),
  },
  examples: cloudWatchLogsExamples,
})
