import { Type } from '@sinclair/typebox'
import { count, d, strict } from '../params.js'
import { chunksOf, payloadKb } from '../payload.js'
import { defineService } from '../service-descriptor.js'
import { sqsExamples } from './examples.js'
import { sqsIngest } from './ingest.js'

export const sqs = defineService({
  id: 'sqs',
  usageTypePrefix: 'sqs',
  name: 'Amazon SQS',
  category: 'integration',
  description: 'Managed message queues, billed per million requests.',
  help: 'Requests to Standard or FIFO queues; each 64 KB chunk of a payload (up to 1 MiB) counts as one request.',
  params: Type.Object(
    {
      requests: count({
        title: 'Requests per month',
        description:
          'API requests per month (send, receive, delete...). With avg_payload_kb each is counted in 64 KB chunks ' +
          'for you; without it, count each 64 KB chunk as one request yourself.',
      }),
      queue_type: Type.Union([Type.Literal('standard'), Type.Literal('fifo')], {
        default: 'standard',
        title: 'Queue type',
        description: 'Standard or FIFO; FIFO requests cost more.',
      }),
      avg_payload_kb: payloadKb(1024, 'SQS'),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink(`sqs.requests.${p.queue_type}`, d(p.requests).times(chunksOf(p.avg_payload_kb)))
  },
  usageTypes: [
    { match: 'sqs.requests.*', unit: 'requests', kind: 'flow', description: 'Requests, per queue type.' },
  ],
  ingest: sqsIngest,
  sdk: [
    {
      client: 'SQSClient',
      commands: ['SendMessage', 'SendMessageBatch', 'ReceiveMessage', 'DeleteMessage', 'DeleteMessageBatch'],
    },
  ],
  priceList: [
    {
      offerCode: 'AWSQueueService',
      // us-east-1 names its request products `Requests-RBP` / `Requests-FIFO-RBP`, the other Regions
      // `<prefix>-Requests-Tier1` / `-Requests-FIFO-Tier1`; fair queues (`Requests-Fair-RBP`) are not modelled.
      awsUsageType: /^Requests-(?:Tier1|RBP)$/,
      usageType: 'sqs.requests.standard',
      unit: 'requests',
    },
    {
      offerCode: 'AWSQueueService',
      awsUsageType: /^Requests-FIFO-(?:Tier1|RBP)$/,
      usageType: 'sqs.requests.fifo',
      unit: 'requests',
    },
  ],
  terraform: {
    aws_sqs_queue: ({ values }) => ({
      params: {
        requests: 0,
        queue_type: values.fifo_queue === true ? ('fifo' as const) : ('standard' as const),
      },
    }),
  },
  examples: sqsExamples,
})
