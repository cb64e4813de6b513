import { Type } from '@sinclair/typebox'
import { count, d, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { cloudtrailExamples } from './examples.js'

const optionalCount = (title: string, description: string) => Type.Optional(count({ title, description }))

/**
 * CloudTrail trails: the first copy of management events in each Region is free, so only the copies delivered
 * by additional trails are billed; data events (and network activity events) are billed for every trail that
 * records them, and CloudTrail Insights per management event it analyses. S3 storage of the logs is billed by
 * S3.
 */
export const cloudtrail = defineService({
  id: 'cloudtrail',
  usageTypePrefix: 'cloudtrail',
  name: 'AWS CloudTrail',
  category: 'management',
  description: 'API activity trails, billed per 100,000 events recorded beyond the free first copy.',
  help:
    'Management events delivered by additional trails (the first copy in each Region is free), data and network ' +
    'activity events, and events analysed by CloudTrail Insights. CloudTrail Lake and the S3 storage of the logs ' +
    'are not included.',
  params: Type.Object(
    {
      additional_management_events: count({
        title: 'Management events of additional trails per month',
        description:
          'Management events delivered by trails beyond the first one in each Region (each copy counts); the ' +
          'first copy is free.',
      }),
      data_events: optionalCount(
        'Data and network activity events per month',
        'Data events (S3 object-level, Lambda invocations, DynamoDB items, ...) and network activity events, for ' +
          'each trail that records them.',
      ),
      insights_events: optionalCount(
        'Events analysed by Insights per month',
        'Management events analysed by CloudTrail Insights, per Insights type enabled.',
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('cloudtrail.management_events', d(p.additional_management_events))
    sink('cloudtrail.data_events', d(p.data_events ?? 0))
    sink('cloudtrail.insights_events', d(p.insights_events ?? 0))
  },
  usageTypes: [
    {
      match: 'cloudtrail.management_events',
      unit: 'events',
      kind: 'flow',
      description: 'Management events of additional trails.',
    },
    {
      match: 'cloudtrail.data_events',
      unit: 'events',
      kind: 'flow',
      description: 'Data and network activity events.',
    },
    {
      match: 'cloudtrail.insights_events',
      unit: 'events',
      kind: 'flow',
      description: 'Events analysed by Insights.',
    },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AWSCloudTrail',
      awsUsageType: /^PaidEventsRecorded$/,
      usageType: 'cloudtrail.management_events',
      unit: 'events',
    },
    {
      offerCode: 'AWSCloudTrail',
      awsUsageType: /^DataEventsRecorded$/,
      usageType: 'cloudtrail.data_events',
      unit: 'events',
    },
    {
      offerCode: 'AWSCloudTrail',
      awsUsageType: /^InsightsEvents$/,
      usageType: 'cloudtrail.insights_events',
      unit: 'events',
    },
  ],
  terraform: {
    // Whether a trail is the Region's first (free) copy is not in the plan: events start at 0 either way.
    aws_cloudtrail: () => ({ params: { additional_management_events: 0, data_events: 0 } }),
  },
  examples: cloudtrailExamples,
})
