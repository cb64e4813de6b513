import { Type } from '@sinclair/typebox'
import { count, d, optional, strict } from '../params.js'
import { chunksOf, payloadGb, payloadKb } from '../payload.js'
import type { ValidationDetail } from '../service-descriptor.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'
import { snsExamples } from './examples.js'
import { snsIngest } from './ingest.js'

const deliveries = (protocol: string) =>
  optional(
    count({
      title: `${protocol} deliveries per month`,
      description: `Deliveries to ${protocol} subscribers per month; 0 when left out.`,
    }),
  )

/** FIFO topics deliver to SQS queues only. */
const STANDARD_ONLY = [
  'http_deliveries',
  'email_deliveries',
  'mobile_push_deliveries',
  'firehose_deliveries',
  'lambda_deliveries',
] as const

interface SnsInput {
  publishes: number
  http_deliveries?: number
  email_deliveries?: number
  sqs_deliveries?: number
  mobile_push_deliveries?: number
  firehose_deliveries?: number
  lambda_deliveries?: number
  topic_type?: 'standard' | 'fifo'
  avg_payload_kb?: number
}

function checkSnsParams(p: SnsInput): ValidationDetail[] {
  if (p.topic_type !== 'fifo') return []
  const details = STANDARD_ONLY.filter((field) => (p[field] ?? 0) > 0).map((field) => ({
    field: `params.${field}`,
    reason: 'FIFO topics deliver to SQS queues only: use sqs_deliveries',
  }))
  if (p.avg_payload_kb === undefined)
    details.push({
      field: 'params.avg_payload_kb',
      reason: 'FIFO topics bill payload GB: give the average size',
    })
  return details
}

export const sns = defineService({
  id: 'sns',
  usageTypePrefix: 'sns',
  name: 'Amazon SNS',
  category: 'integration',
  description: 'Pub/sub topics, billed per publish and per delivery by protocol.',
  help:
    'Standard or FIFO topics: publishes (each 64 KB chunk of a payload billed as one request) and deliveries ' +
    'to HTTP/S, email, SQS, mobile push, Firehose and Lambda subscribers; FIFO topics also bill payload GB ' +
    'published and delivered. SMS is not priced.',
  params: Type.Object(
    {
      publishes: count({
        title: 'Publishes per month',
        description:
          'Publish requests per month. With avg_payload_kb each is counted in 64 KB chunks for you; without it, ' +
          'count each 64 KB chunk as one publish yourself.',
      }),
      http_deliveries: deliveries('HTTP/S'),
      email_deliveries: deliveries('Email'),
      sqs_deliveries: deliveries('SQS'),
      mobile_push_deliveries: deliveries('mobile push'),
      firehose_deliveries: deliveries('Amazon Data Firehose'),
      lambda_deliveries: deliveries('Lambda (free)'),
      topic_type: optional(
        Type.Union([Type.Literal('standard'), Type.Literal('fifo')], {
          title: 'Topic type',
          description: 'standard or fifo (dearer publishes, plus payload GB); standard when left out.',
        }),
      ),
      avg_payload_kb: payloadKb(256, 'SNS'),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  checkParams: checkSnsParams,
  toUsage(p, _at, sink) {
    const chunks = chunksOf(p.avg_payload_kb)
    const publishes = d(p.publishes).times(chunks)
    if (p.topic_type === 'fifo') {
      const delivered = d(p.sqs_deliveries ?? 0)
      sink('sns.publishes.fifo', publishes)
      sink('sns.publish_payload_gb.fifo', payloadGb(p.publishes, p.avg_payload_kb))
      sink('sns.deliveries.fifo', delivered)
      sink('sns.delivery_payload_gb.fifo', payloadGb(p.sqs_deliveries ?? 0, p.avg_payload_kb))
      return
    }
    sink('sns.publishes', publishes)
    sink('sns.deliveries.http', d(p.http_deliveries ?? 0))
    sink('sns.deliveries.email', d(p.email_deliveries ?? 0))
    sink('sns.deliveries.sqs', d(p.sqs_deliveries ?? 0))
    sink('sns.deliveries.mobile_push', d(p.mobile_push_deliveries ?? 0))
    sink('sns.deliveries.firehose', d(p.firehose_deliveries ?? 0))
    sink('sns.deliveries.lambda', d(p.lambda_deliveries ?? 0))
  },
  usageTypes: [
    {
      match: 'sns.publishes',
      unit: 'requests',
      kind: 'flow',
      description: 'Publish requests to standard topics (64 KB chunks).',
    },
    { match: 'sns.deliveries.*', unit: 'deliveries', kind: 'flow', description: 'Deliveries, per protocol.' },
    {
      match: 'sns.publishes.fifo',
      unit: 'requests',
      kind: 'flow',
      description: 'Publish requests to FIFO topics (64 KB chunks).',
    },
    {
      match: 'sns.publish_payload_gb.*',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: '1073741824',
      description: 'Payload published to FIFO topics.',
    },
    {
      match: 'sns.delivery_payload_gb.*',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: '1073741824',
      description: 'Payload delivered by FIFO topics.',
    },
  ],
  ingest: snsIngest,
  sdk: [{ client: 'SNSClient', commands: ['Publish', 'PublishBatch'] }],
  // AmazonSNS products: standard topics (the $0 first bands are the free tier) and FIFO topics (`F-`). Mobile push
  // is read from Apple's `DeliveryAttempts-APNS`; the other push platforms have usagetypes of their own at the same
  // rate.
  priceList: [
    ...exactUsageTypes('AmazonSNS', [
      ['Requests-Tier1', 'sns.publishes', 'requests'],
      ['DeliveryAttempts-HTTP', 'sns.deliveries.http', 'deliveries'],
      ['DeliveryAttempts-SMTP', 'sns.deliveries.email', 'deliveries'],
      ['DeliveryAttempts-SQS', 'sns.deliveries.sqs', 'deliveries'],
      ['DeliveryAttempts-LAMBDA', 'sns.deliveries.lambda', 'deliveries'],
      ['DeliveryAttempts-FIREHOSE', 'sns.deliveries.firehose', 'deliveries'],
      ['DeliveryAttempts-APNS', 'sns.deliveries.mobile_push', 'deliveries'],
      ['F-Request-Tier1', 'sns.publishes.fifo', 'requests'],
      ['F-Ingress-Tier1', 'sns.publish_payload_gb.fifo', 'GB'],
      ['F-DA-SQS', 'sns.deliveries.fifo', 'deliveries'],
      ['F-Egress-SQS', 'sns.delivery_payload_gb.fifo', 'GB'],
    ]),
  ],
  terraform: {
    aws_sns_topic: ({ values }) => ({
      params: { publishes: 0, ...(values.fifo_topic === true ? { topic_type: 'fifo' as const } : {}) },
    }),
  },
  examples: snsExamples,
})
