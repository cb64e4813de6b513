import { Type } from '@sinclair/typebox'
import { count, d, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { eventbridgeExamples } from './examples.js'
import { eventBridgeIngest } from './ingest.js'

/** EventBridge bills each 64 KB chunk of a custom event's payload as one event. */
const CHUNK_KB = 64

const optionalCount = (title: string, description: string) => Type.Optional(count({ title, description }))

/**
 * Custom events published to an event bus (AWS service events are free), EventBridge Pipes requests after
 * filtering, and EventBridge Scheduler invocations beyond the 14 million free each month.
 */
export const eventbridge = defineService({
  id: 'eventbridge',
  usageTypePrefix: 'eventbridge',
  name: 'Amazon EventBridge',
  category: 'integration',
  description:
    'Serverless event bus, pipes and scheduler, billed per million events, requests or invocations.',
  help: 'Custom events (each 64 KB chunk counted), Pipes requests after filtering, Scheduler invocations.',
  params: Type.Object(
    {
      custom_events: count({
        title: 'Custom events per month',
        description:
          'Custom, partner and cross-account events published per month; AWS service events are free.',
      }),
      event_size_kb: Type.Integer({
        minimum: 1,
        maximum: 1024,
        default: 1,
        title: 'Average event size (KB)',
        description: 'Average payload of one event; each 64 KB chunk is billed as one event.',
      }),
      pipes_requests: optionalCount(
        'Pipes requests per month',
        'EventBridge Pipes requests after filtering.',
      ),
      scheduler_invocations: optionalCount(
        'Scheduler invocations per month',
        'EventBridge Scheduler invocations; the first 14 million each month are free.',
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('eventbridge.custom_events', d(p.custom_events).times(Math.ceil(p.event_size_kb / CHUNK_KB)))
    sink('eventbridge.pipes_requests', d(p.pipes_requests ?? 0))
    sink('eventbridge.scheduler_invocations', d(p.scheduler_invocations ?? 0))
  },
  usageTypes: [
    { match: 'eventbridge.custom_events', unit: 'events', kind: 'flow', description: '64 KB event chunks.' },
    { match: 'eventbridge.pipes_requests', unit: 'requests', kind: 'flow', description: 'Pipes requests.' },
    {
      match: 'eventbridge.scheduler_invocations',
      unit: 'invocations',
      kind: 'flow',
      description: 'Scheduler invocations.',
    },
  ],
  ingest: eventBridgeIngest,
  sdk: [{ client: 'EventBridgeClient', commands: ['PutEvents'] }],
  priceList: [
    {
      offerCode: 'AWSEvents',
      awsUsageType: /^Event-64K-Chunks$/,
      usageType: 'eventbridge.custom_events',
      unit: 'events',
    },
  ],
  terraform: {
    aws_cloudwatch_event_bus: () => ({ params: { custom_events: 0, event_size_kb: 1 } }),
    aws_pipes_pipe: () => ({ params: { custom_events: 0, event_size_kb: 1, pipes_requests: 0 } }),
    aws_scheduler_schedule: () => ({
      params: { custom_events: 0, event_size_kb: 1, scheduler_invocations: 0 },
    }),
  },
  examples: eventbridgeExamples,
})
