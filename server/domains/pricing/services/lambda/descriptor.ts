import { Type } from '@sinclair/typebox'
import { architecture, count, d, strict } from '../params.js'
import { asArray, asNumber, firstBlock } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'
import { lambdaExamples } from './examples.js'

/** Ephemeral storage every function gets free. */
const FREE_EPHEMERAL_MB = 512

/**
 * Lambda bills every invocation as a request and duration as GB-seconds of configured memory
 * (MB / 1024 × seconds), per architecture; ephemeral storage above the free 512 MB is billed as GB-seconds of
 * configured storage over the same duration.
 */
export const lambda = defineService({
  id: 'lambda',
  usageTypePrefix: 'lambda',
  name: 'AWS Lambda',
  category: 'compute',
  description: 'Run code without servers, billed per request and per GB-second of duration.',
  help: 'On-demand functions: requests, duration at the configured memory, and ephemeral storage above 512 MB.',
  params: Type.Object(
    {
      invocations: count({ title: 'Invocations per month', description: 'Invocations per month.' }),
      avg_duration_ms: Type.Number({
        minimum: 0,
        maximum: 900_000,
        title: 'Average duration (ms)',
        description: 'Average billed duration of one invocation, in milliseconds.',
      }),
      memory_mb: Type.Integer({
        minimum: 128,
        maximum: 10_240,
        title: 'Memory (MB)',
        description: 'Configured memory in MB.',
      }),
      architecture,
      ephemeral_storage_mb: Type.Integer({
        minimum: 512,
        maximum: 10_240,
        default: 512,
        title: 'Ephemeral storage (MB)',
        description: 'Configured /tmp storage in MB; the first 512 MB are free.',
      }),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    const seconds = d(p.invocations).times(p.avg_duration_ms).dividedBy(1000)
    sink('lambda.requests', d(p.invocations))
    sink(`lambda.gb_seconds.${p.architecture}`, seconds.times(p.memory_mb).dividedBy(1024))
    sink(
      'lambda.ephemeral_gb_seconds',
      seconds.times(p.ephemeral_storage_mb - FREE_EPHEMERAL_MB).dividedBy(1024),
    )
  },
  usageTypes: [
    { match: 'lambda.requests', unit: 'requests', kind: 'flow', description: 'Invocations.' },
    {
      match: 'lambda.gb_seconds.*',
      unit: 'GB-seconds',
      kind: 'flow',
      baseUnit: 'MB·ms',
      // 1 GB-second = 1,024 MB × 1,000 ms, so duration metered in MB·ms stays an integer.
      baseUnitsPerUnit: '1024000',
      description: 'Duration × memory, per architecture (x86_64, arm64).',
    },
    {
      match: 'lambda.ephemeral_gb_seconds',
      unit: 'GB-seconds',
      kind: 'flow',
      baseUnit: 'MB·ms',
      baseUnitsPerUnit: '1024000',
      description: 'Duration × ephemeral storage above 512 MB.',
    },
  ],
  ingestEvents: ['lambda.invoke'],
  sdk: [{ client: 'LambdaClient', commands: ['Invoke'] }],
  priceList: [
    { offerCode: 'AWSLambda', awsUsageType: /^Request$/, usageType: 'lambda.requests', unit: 'requests' },
    {
      offerCode: 'AWSLambda',
      awsUsageType: /^Lambda-GB-Second$/,
      usageType: 'lambda.gb_seconds.x86_64',
      unit: 'GB-seconds',
    },
    {
      offerCode: 'AWSLambda',
      awsUsageType: /^Lambda-GB-Second-ARM$/,
      usageType: 'lambda.gb_seconds.arm64',
      unit: 'GB-seconds',
    },
  ],
  terraform: {
    aws_lambda_function: ({ values }) => ({
      params: {
        invocations: 0,
        avg_duration_ms: 0,
        memory_mb: asNumber(values.memory_size) ?? 128,
        architecture: asArray(values.architectures)[0] === 'arm64' ? ('arm64' as const) : ('x86_64' as const),
        ephemeral_storage_mb: asNumber(firstBlock(values.ephemeral_storage).size) ?? FREE_EPHEMERAL_MB,
      },
    }),
  },
  examples: lambdaExamples,
})
