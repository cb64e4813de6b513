import { Type } from '@sinclair/typebox'
import { count, d, strict } from '../params.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'
import { xrayExamples } from './examples.js'
import { xrayIngest } from './ingest.js'

const optionalCount = (title: string, description: string) => Type.Optional(count({ title, description }))

/**
 * AWS X-Ray, billed per trace: traces recorded (the first 100,000 a month free), traces retrieved or scanned
 * (one rate and one free allowance of 1,000,000 a month for both) and traces processed by X-Ray Insights (no free
 * tier). Sampling decides how many requests become recorded traces, so the line item takes traces, not requests.
 */
export const xray = defineService({
  id: 'xray',
  usageTypePrefix: 'xray',
  name: 'AWS X-Ray',
  category: 'management',
  description: 'Distributed tracing, billed per trace recorded, retrieved or scanned.',
  help:
    'Traces recorded in the month (requests × sampling rate), traces retrieved and scanned by queries, and ' +
    'traces X-Ray Insights processes. Traces are kept 30 days at no charge. CloudWatch Application Signals and ' +
    'Transaction Search are not modelled.',
  params: Type.Object(
    {
      traces_recorded: count({
        title: 'Traces recorded per month',
        description: 'Requests traced: incoming requests × the sampling rate; 100,000 a month are free.',
      }),
      traces_retrieved: optionalCount(
        'Traces retrieved per month',
        'Traces whose full data a query fetches (BatchGetTraces, the console); shares 1,000,000 free with scans.',
      ),
      traces_scanned: optionalCount(
        'Traces scanned per month',
        'Traces a filter expression or trace summary query reads (GetTraceSummaries).',
      ),
      insights_traces: optionalCount(
        'Traces processed by Insights per month',
        'Recorded traces in groups with X-Ray Insights turned on.',
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('xray.traces_recorded', d(p.traces_recorded))
    sink('xray.traces_retrieved_scanned', d(p.traces_retrieved ?? 0).plus(p.traces_scanned ?? 0))
    sink('xray.insights_traces', d(p.insights_traces ?? 0))
  },
  usageTypes: [
    { match: 'xray.traces_recorded', unit: 'traces', kind: 'flow', description: 'Traces recorded.' },
    {
      match: 'xray.traces_retrieved_scanned',
      unit: 'traces',
      kind: 'flow',
      description: 'Traces retrieved or scanned.',
    },
    {
      match: 'xray.insights_traces',
      unit: 'traces',
      kind: 'flow',
      description: 'Traces processed by Insights.',
    },
  ],
  ingest: xrayIngest,
  sdk: [{ client: 'XRayClient', commands: ['PutTraceSegments', 'BatchGetTraces', 'GetTraceSummaries'] }],
  // No public copy of the AWSXRay offer's usage types was found; `pricing import` leaves it untouched.
  // AWSXRay products. Retrieved and scanned traces share `XRay-TracesAccessed` at one rate (operations
  // `XRay-Traces-Retrieved`, `XRay-Traces-Scanned`); the retrieved one is read. The free allowances are the
  // regionless `Global-` products, which are not imported.
  priceList: [
    ...exactUsageTypes('AWSXRay', [['XRay-TracesStored', 'xray.traces_recorded', 'traces']]),
    {
      offerCode: 'AWSXRay',
      awsUsageType: /^XRay-TracesAccessed$/,
      usageType: 'xray.traces_retrieved_scanned',
      unit: 'traces',
      requires: { operation: 'XRay-Traces-Retrieved' },
    },
  ],
  terraform: {
    aws_xray_sampling_rule: () => ({
      skip: 'no charge of its own: it sets how many requests are recorded, which the usage states as traces',
    }),
  },
  examples: xrayExamples,
})
