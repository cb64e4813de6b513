import { Type } from '@sinclair/typebox'
import { count, d, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'

const deliveries = (protocol: string) =>
  Type.Optional(
    count({
      title: `${protocol} deliveries per month`,
      description: `Deliveries to ${protocol} subscribers per month.`,
    }),
  )

export const sns = defineService({
  id: 'sns',
  usageTypePrefix: 'sns',
  name: 'Amazon SNS',
  category: 'integration',
  description: 'Pub/sub topics, billed per publish and per delivery by protocol.',
  help: 'Standard topics: publishes (each 64 KB chunk counted) and deliveries to HTTP/S, email and SQS subscribers.',
  params: Type.Object(
    {
      publishes: count({
        title: 'Publishes per month',
        description: 'Publish requests per month, each 64 KB chunk counted.',
      }),
      http_deliveries: deliveries('HTTP/S'),
      email_deliveries: deliveries('Email'),
      sqs_deliveries: deliveries('SQS'),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('sns.publishes', d(p.publishes))
    sink('sns.deliveries.http', d(p.http_deliveries ?? 0))
    sink('sns.deliveries.email', d(p.email_deliveries ?? 0))
    sink('sns.deliveries.sqs', d(p.sqs_deliveries ?? 0))
  },
  usageTypes: [
    {
      match: 'sns.publishes',
      unit: 'requests',
      kind: 'flow',
      description: 'Publish requests (64 KB chunks).',
    },
    { match: 'sns.deliveries.*', unit: 'deliveries', kind: 'flow', description: 'Deliveries, per protocol.' },
  ],
  ingestEvents: ['sns.publish'],
  sdk: [{ client: 'SNSClient', commands: ['Publish', 'PublishBatch'] }],
  priceList: [],
  terraform: { aws_sns_topic: () => ({ params: { publishes: 0 } }) },
  examples: [],
})
