import { Type } from '@sinclair/typebox'
import type { Decimal } from 'decimal.js'
import { listInstanceTypes } from '../catalog-values.js'
import {
  architecture,
  capacityUnits,
  catalogName,
  count,
  DEFAULT_HOURS,
  d,
  gigabytes,
  instanceCount,
  optional,
  optionalHours,
  pointOf,
  type Ranged,
  strict,
} from '../params.js'
import { asArray, asNumber, firstBlock } from '../plan-values.js'
import {
  type CoveredUsage,
  defineService,
  exactUsageTypes,
  type RangePoint,
  savingsPlanRateType,
  type ValidationDetail,
  withSavingsPlanRate,
} from '../service-descriptor.js'
import { lambdaExamples } from './examples.js'
import { lambdaIngest } from './ingest.js'

/** Ephemeral storage every function gets free. */
const FREE_EPHEMERAL_MB = 512
/** Bytes of each response that stream free. */
const FREE_STREAMED_MB_PER_RESPONSE = 6
/** The most provisioned concurrency one line item holds (well above the default account quota). */
const MAX_PROVISIONED_CONCURRENCY = 100_000
/** Hours a month holds at most, times versions: one line item caches at most 1,000 versions all month. */
const MAX_CACHED_VERSION_HOURS = 744_000

/** The fields of a Lambda item its duration is billed from. */
interface DurationParams {
  readonly invocations: number
  readonly avg_duration_ms: number
  readonly memory_mb: number
  readonly architecture: 'x86_64' | 'arm64'
  readonly provisioned_concurrency?: Ranged
  readonly provisioned_hours?: Ranged
}

/** Duration GB-seconds of one kind, and the hours of the month they run in when that is known. */
type DurationUsage = { usageType: string; quantity: Decimal; hours?: number }

/**
 * Duration GB-seconds of a regional function on Lambda-managed capacity: the invocations' GB-seconds, at the
 * provisioned duration rate beside the provisioned concurrency held when there is some (both within the hours it is
 * held). A Compute Savings Plan covers exactly these.
 */
function durationUsage(p: DurationParams, at: RangePoint): [DurationUsage, ...DurationUsage[]] {
  const memoryGb = d(p.memory_mb).dividedBy(1024)
  const gbSeconds = d(p.invocations).times(p.avg_duration_ms).dividedBy(1000).times(memoryGb)
  const concurrency = pointOf(p.provisioned_concurrency ?? 0, at)
  if (concurrency === 0) return [{ usageType: `lambda.gb_seconds.${p.architecture}`, quantity: gbSeconds }]
  const hours = pointOf(p.provisioned_hours ?? DEFAULT_HOURS, at)
  return [
    { usageType: `lambda.provisioned_gb_seconds.${p.architecture}`, quantity: gbSeconds, hours },
    {
      usageType: `lambda.provisioned_concurrency_gb_seconds.${p.architecture}`,
      quantity: memoryGb.times(concurrency).times(hours).times(3600),
      hours,
    },
  ]
}

/**
 * Lambda bills every invocation as a request and duration as GB-seconds of configured memory
 * (MB / 1024 × seconds), per architecture; ephemeral storage above the free 512 MB is billed as GB-seconds of
 * configured storage over the same duration.
 *
 * Provisioned concurrency bills the configured concurrency × memory as GB-seconds for the hours it is enabled,
 * and the item's invocations run at the provisioned duration rate instead (model traffic that spills over the
 * configured concurrency as a second, on-demand item). SnapStart bills cached snapshot GB-seconds (memory ×
 * hours each version is cached, at least 3 hours per version) and GB restored (memory × restores). Response
 * streaming bills the bytes beyond the first 6 MB of each response (1 GB = 1,024 MB, as AWS's example).
 * Provisioned-mode event source mappings bill event poller unit hours. Durable functions add their durable
 * operations (steps, waits, starts), the GB those operations write and the GB-months that data is retained;
 * their replays are ordinary invocations and duration. Tenant isolation bills each tenant-isolated execution
 * environment Lambda creates, by its memory. Lambda@Edge bills its own request and duration rates in place of
 * the regional ones.
 *
 * Lambda Managed Instances run the function on EC2 instances in the customer's account: EC2 bills the instances
 * (an EC2 line item of the same type and hours, where Reserved Instances and Savings Plans apply), and Lambda
 * bills a management fee of 15% of the instance's EC2 On-Demand price per instance-hour plus every request at
 * its own rate; duration is not billed.
 */
export const lambda = defineService({
  id: 'lambda',
  usageTypePrefix: 'lambda',
  name: 'AWS Lambda',
  category: 'compute',
  description: 'Run code without servers, billed per request and per GB-second of duration.',
  help: 'Requests and duration at the configured memory, ephemeral storage above 512 MB, provisioned concurrency, SnapStart, response streaming beyond 6 MB per response, provisioned-mode event source mappings, durable functions, tenant isolation and Lambda@Edge; or, on Lambda Managed Instances, requests and the 15% management fee of the instances (the instances are an EC2 line item).',
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
      provisioned_concurrency: capacityUnits(MAX_PROVISIONED_CONCURRENCY, {
        title: 'Provisioned concurrency',
        description:
          'Execution environments kept initialized, or {min, typical, max}; when above 0 the item’s invocations bill at the provisioned duration rate. 0 when left out.',
      }),
      provisioned_hours: {
        ...optionalHours,
        title: 'Provisioned concurrency hours per month',
        description:
          'Hours provisioned concurrency is enabled per month, or {min, typical, max}; 730 when left out.',
      },
      snapstart_cached_version_hours: optional(
        Type.Number({
          minimum: 0,
          maximum: MAX_CACHED_VERSION_HOURS,
          title: 'SnapStart cached version-hours',
          description:
            'Hours each published SnapStart version stays cached, summed over versions (at least 3 per version); 0 when left out.',
        }),
      ),
      snapstart_restores: optional(
        count({
          title: 'SnapStart restores per month',
          description: 'Execution environments resumed from the snapshot per month; 0 when left out.',
        }),
      ),
      streamed_mb_per_invocation: optional(
        Type.Number({
          minimum: 0,
          maximum: 1_000_000,
          title: 'Streamed response (MB per invocation)',
          description:
            'Average MB written to the HTTP response stream per invocation; the first 6 MB of each response are free. 0 when left out.',
        }),
      ),
      esm_source: optional(
        Type.Union([Type.Literal('kafka'), Type.Literal('sqs')], {
          title: 'Provisioned-mode event source',
          description: 'Kafka (Amazon MSK or self-managed) or SQS event source mapping in provisioned mode.',
        }),
      ),
      esm_epu_hours: optional(
        Type.Number({
          minimum: 0,
          maximum: 1e9,
          title: 'Event poller unit hours',
          description: 'Event poller unit (EPU) hours per month of a provisioned-mode event source mapping.',
        }),
      ),
      durable_operations: optional(
        count({
          title: 'Durable operations per month',
          description:
            'Durable functions: operations (execution starts, completed steps, waits) per month; 0 when left out.',
        }),
      ),
      durable_data_written_gb: optional(
        gigabytes({
          title: 'Durable data written (GB per month)',
          description:
            'Durable functions: GB written by durable operations (payloads, checkpoints); 0 when left out.',
        }),
      ),
      durable_data_retained_gb_months: optional(
        gigabytes({
          title: 'Durable data retained (GB-months)',
          description:
            'Durable functions: GB-months of that data kept while executions run and for the retention period after; 0 when left out.',
        }),
      ),
      tenant_isolated_environments: optional(
        count({
          title: 'Tenant-isolated environments created per month',
          description:
            'Tenant isolation mode: execution environments Lambda creates per month (each billed by its memory); 0 when left out.',
        }),
      ),
      compute: optional(
        Type.Union([Type.Literal('default'), Type.Literal('managed_instances')], {
          title: 'Compute type',
          description:
            'default (Lambda-managed capacity, billed per GB-second), or managed_instances (Lambda Managed ' +
            'Instances: requests at their own rate and a 15% management fee on the EC2 On-Demand price of the ' +
            'instances; the instances themselves are an EC2 line item). default when left out.',
        }),
      ),
      managed_instance_type: optional(
        catalogName({
          title: 'Managed instance type',
          description:
            'Lambda Managed Instances: the EC2 instance type of the capacity provider (C, M and R families).',
        }),
      ),
      managed_instances: optional(
        instanceCount(10_000, {
          title: 'Managed instances',
          description:
            'Lambda Managed Instances: instances running on average over the month, or {min, typical, max}.',
        }),
      ),
      managed_instance_hours: {
        ...optionalHours,
        title: 'Managed instance hours per month',
        description:
          'Lambda Managed Instances: hours each instance runs per month, or {min, typical, max}; 730 when left out.',
      },
      deployment: optional(
        Type.Union([Type.Literal('regional'), Type.Literal('edge')], {
          title: 'Deployment',
          description:
            'regional, or edge for Lambda@Edge at CloudFront edge locations (its own request and duration rates); regional when left out.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: [
    'provisioned_concurrency',
    'provisioned_hours',
    'managed_instances',
    'managed_instance_hours',
  ],
  catalogValues: [{ param: 'managed_instance_type', what: 'EC2 instance type', known: listInstanceTypes }],
  checkParams(p) {
    const details: ValidationDetail[] = []
    const refuse = (field: string, reason: string) => details.push({ field: `params.${field}`, reason })
    if (p.esm_epu_hours !== undefined && p.esm_source === undefined)
      refuse('esm_source', 'name the event source (kafka or sqs) of the event poller unit hours')
    if (p.esm_source !== undefined && p.esm_epu_hours === undefined)
      refuse('esm_epu_hours', 'give the event poller unit hours of the event source mapping')
    if (p.deployment === 'edge') {
      if (p.architecture === 'arm64') refuse('architecture', 'Lambda@Edge runs x86_64 functions only')
      for (const field of [
        'provisioned_concurrency',
        'snapstart_cached_version_hours',
        'snapstart_restores',
        'durable_operations',
        'durable_data_written_gb',
        'durable_data_retained_gb_months',
        'tenant_isolated_environments',
      ] as const)
        if (p[field] !== undefined) refuse(field, 'Lambda@Edge functions do not use it')
    }
    if (p.provisioned_hours !== undefined && p.provisioned_concurrency === undefined)
      refuse('provisioned_hours', 'applies with provisioned_concurrency')
    if (p.compute === 'managed_instances') {
      if (p.managed_instance_type === undefined)
        refuse(
          'managed_instance_type',
          'Lambda Managed Instances need the instance type of their capacity provider',
        )
      if (p.managed_instances === undefined)
        refuse('managed_instances', 'give the instances the capacity provider runs')
      if (p.managed_instance_type !== undefined && /^t\d/.test(p.managed_instance_type))
        refuse('managed_instance_type', 'Lambda Managed Instances run on the C, M and R instance families')
      if (p.deployment === 'edge') refuse('deployment', 'Lambda@Edge does not run on Managed Instances')
      for (const field of [
        'provisioned_concurrency',
        'snapstart_cached_version_hours',
        'snapstart_restores',
        'tenant_isolated_environments',
      ] as const)
        if (p[field] !== undefined) refuse(field, 'not billed this way on Lambda Managed Instances')
    } else {
      for (const field of ['managed_instance_type', 'managed_instances', 'managed_instance_hours'] as const)
        if (p[field] !== undefined) refuse(field, 'applies with compute: managed_instances')
    }
    return details
  },
  toUsage(p, at, sink) {
    const seconds = d(p.invocations).times(p.avg_duration_ms).dividedBy(1000)
    const memoryGb = d(p.memory_mb).dividedBy(1024)
    const gbSeconds = seconds.times(memoryGb)
    if (p.compute === 'managed_instances') {
      const instanceHours = d(pointOf(p.managed_instances ?? 0, at)).times(
        pointOf(p.managed_instance_hours ?? DEFAULT_HOURS, at),
      )
      sink('lambda.managed_instance_requests', d(p.invocations))
      sink(`lambda.managed_instance_fee_hours.${p.managed_instance_type}`, instanceHours)
    } else if (p.deployment === 'edge') {
      sink('lambda.edge_requests', d(p.invocations))
      sink('lambda.edge_gb_seconds', gbSeconds)
    } else {
      sink('lambda.requests', d(p.invocations))
      for (const { usageType, quantity } of durationUsage(p, at)) sink(usageType, quantity)
    }
    if (p.compute !== 'managed_instances')
      sink(
        'lambda.ephemeral_gb_seconds',
        seconds.times(p.ephemeral_storage_mb - FREE_EPHEMERAL_MB).dividedBy(1024),
      )
    sink(
      'lambda.snapstart_cache_gb_seconds',
      memoryGb.times(p.snapstart_cached_version_hours ?? 0).times(3600),
    )
    sink('lambda.snapstart_restore_gb', memoryGb.times(p.snapstart_restores ?? 0))
    const streamedBeyondFree = Math.max(
      0,
      (p.streamed_mb_per_invocation ?? 0) - FREE_STREAMED_MB_PER_RESPONSE,
    )
    sink('lambda.streamed_gb', d(p.invocations).times(streamedBeyondFree).dividedBy(1024))
    if (p.esm_source !== undefined) sink(`lambda.esm_epu_hours.${p.esm_source}`, d(p.esm_epu_hours ?? 0))
    sink('lambda.durable_operations', d(p.durable_operations ?? 0))
    sink('lambda.durable_written_gb', d(p.durable_data_written_gb ?? 0))
    sink('lambda.durable_retained_gb_months', d(p.durable_data_retained_gb_months ?? 0))
    sink(
      `lambda.tenant_environment_gb.${p.architecture}`,
      memoryGb.times(p.tenant_isolated_environments ?? 0),
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
    {
      match: 'lambda.provisioned_concurrency_gb_seconds.*',
      unit: 'GB-seconds',
      kind: 'flow',
      description: 'Configured provisioned concurrency × memory × time enabled, per architecture.',
    },
    {
      match: 'lambda.provisioned_gb_seconds.*',
      unit: 'GB-seconds',
      kind: 'flow',
      description: 'Duration × memory of invocations served by provisioned concurrency, per architecture.',
    },
    {
      match: 'lambda.snapstart_cache_gb_seconds',
      unit: 'GB-seconds',
      kind: 'flow',
      description: 'SnapStart snapshots cached: memory × time each version is active.',
    },
    {
      match: 'lambda.snapstart_restore_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'SnapStart restores: memory × environments resumed.',
    },
    {
      match: 'lambda.streamed_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'Response stream bytes beyond the first 6 MB of each response.',
    },
    {
      match: 'lambda.esm_epu_hours.*',
      unit: 'EPU-hours',
      kind: 'flow',
      description: 'Event poller unit hours of provisioned-mode event source mappings (kafka, sqs).',
    },
    {
      match: 'lambda.durable_operations',
      unit: 'operations',
      kind: 'flow',
      description: 'Durable functions operations (starts, steps, waits).',
    },
    {
      match: 'lambda.durable_written_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'Data written by durable operations.',
    },
    {
      match: 'lambda.durable_retained_gb_months',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Durable functions data retained during and after executions.',
    },
    {
      match: 'lambda.tenant_environment_gb.*',
      unit: 'GB',
      kind: 'flow',
      description: 'Tenant-isolated execution environments created × memory, per architecture.',
    },
    { match: 'lambda.edge_requests', unit: 'requests', kind: 'flow', description: 'Lambda@Edge requests.' },
    {
      match: 'lambda.managed_instance_requests',
      unit: 'requests',
      kind: 'flow',
      description: 'Requests of functions on Lambda Managed Instances.',
    },
    {
      match: 'lambda.managed_instance_fee_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'Lambda Managed Instances management fee, per EC2 instance type.',
    },
    {
      match: 'lambda.savings_plan_gb_seconds.*',
      unit: 'GB-seconds',
      kind: 'flow',
      description:
        'Compute Savings Plan rate per GB-second of duration covered: compute_<term>_<payment>.<x86_64|arm64> ' +
        '(purchase-option comparisons read it; line items never emit it).',
    },
    {
      match: 'lambda.savings_plan_provisioned_gb_seconds.*',
      unit: 'GB-seconds',
      kind: 'flow',
      description: 'Compute Savings Plan rate per GB-second of provisioned duration, same suffix.',
    },
    {
      match: 'lambda.savings_plan_provisioned_concurrency_gb_seconds.*',
      unit: 'GB-seconds',
      kind: 'flow',
      description: 'Compute Savings Plan rate per GB-second of provisioned concurrency, same suffix.',
    },
    {
      match: 'lambda.edge_gb_seconds',
      unit: 'GB-seconds',
      kind: 'flow',
      description: 'Lambda@Edge duration × memory.',
    },
  ],
  ingest: lambdaIngest,
  sdk: [{ client: 'LambdaClient', commands: ['Invoke'] }],
  priceList: [
    { offerCode: 'AWSLambda', awsUsageType: /^Request$/, usageType: 'lambda.requests', unit: 'requests' },
    ...exactUsageTypes('AWSLambda', [
      ['Lambda-GB-Second', 'lambda.gb_seconds.x86_64', 'GB-seconds'],
      ['Lambda-GB-Second-ARM', 'lambda.gb_seconds.arm64', 'GB-seconds'],
      ['Lambda-Provisioned-GB-Second', 'lambda.provisioned_gb_seconds.x86_64', 'GB-seconds'],
      ['Lambda-Provisioned-GB-Second-ARM', 'lambda.provisioned_gb_seconds.arm64', 'GB-seconds'],
      ['Lambda-Provisioned-Concurrency', 'lambda.provisioned_concurrency_gb_seconds.x86_64', 'GB-seconds'],
      ['Lambda-Provisioned-Concurrency-ARM', 'lambda.provisioned_concurrency_gb_seconds.arm64', 'GB-seconds'],
    ]).map(withSavingsPlanRate),
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
  commitments(p) {
    const [first, ...rest] = durationUsage(p, 'typical')
    const asNumber = (entry: DurationUsage) => ({ ...entry, quantity: entry.quantity.toNumber() })
    const usage: [CoveredUsage, ...CoveredUsage[]] = [asNumber(first), ...rest.map(asNumber)]
    return {
      usageType: first.usageType,
      spot: false,
      usage,
      offer: ({ commitment, term, payment }) => {
        if (commitment !== 'compute_savings_plan') return undefined
        if (p.compute === 'managed_instances')
          return { uncovered: 'the Managed Instances fee is not covered; their EC2 line item is' }
        if (p.deployment === 'edge') return { uncovered: 'Lambda@Edge is not covered by Savings Plans' }
        return {
          rates: usage.map(({ usageType }) => savingsPlanRateType(usageType, `compute_${term}_${payment}`)),
        }
      },
    }
  },
})
