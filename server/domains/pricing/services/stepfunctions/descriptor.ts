import { Type } from '@sinclair/typebox'
import { count, d, fieldsOfOtherMode, strict } from '../params.js'
import { asString } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'
import { billedMbMs, MAX_EXPRESS_DURATION_MS, MAX_EXPRESS_MEMORY_MB, MEMORY_CHUNK_MB } from './billing.js'
import { stepFunctionsExamples } from './examples.js'
import { stepFunctionsIngest } from './ingest.js'

const STANDARD_ONLY = ['state_transitions'] as const
const EXPRESS_ONLY = ['requests', 'avg_duration_ms', 'memory_mb'] as const
/** MB·ms in one GB-second (1 GB = 1,024 MB, as AWS's examples compute it). */
const MB_MS_PER_GB_SECOND = 1024 * 1000

/**
 * AWS Step Functions. Standard Workflows bill each state transition (retries included) beyond 4,000 free a month;
 * Express Workflows bill each request and the duration × memory of each execution, rounded up to 100 ms and to
 * 64 MB, in GB-seconds priced in three monthly bands.
 */
export const stepFunctions = defineService({
  id: 'stepfunctions',
  usageTypePrefix: 'stepfunctions',
  name: 'AWS Step Functions',
  category: 'integration',
  description:
    'Serverless workflows, billed per state transition (Standard) or per request and GB-second (Express).',
  help:
    'Standard: state transitions in the month across all executions, retries included (4,000 free a month). ' +
    'Express: executions, their average duration and the memory they use (at least 64 MB; rounded up to 100 ms ' +
    'and 64 MB, here on the average). The Lambda functions and other services a workflow calls are billed on ' +
    'their own line items.',
  params: Type.Object(
    {
      workflow_type: Type.Union([Type.Literal('standard'), Type.Literal('express')], {
        default: 'standard',
        title: 'Workflow type',
        description: 'standard: billed per state transition; express: billed per request and duration.',
      }),
      state_transitions: Type.Optional(
        count({
          title: 'State transitions per month',
          description: 'Standard only: every step executed in the month, retries included.',
        }),
      ),
      requests: Type.Optional(
        count({
          title: 'Executions per month',
          description: 'Express only: workflow executions started in the month, console tests included.',
        }),
      ),
      avg_duration_ms: Type.Optional(
        Type.Number({
          minimum: 0,
          maximum: MAX_EXPRESS_DURATION_MS,
          title: 'Average duration (ms)',
          description: 'Express only: average time from start to end of an execution (at most 5 minutes).',
        }),
      ),
      memory_mb: Type.Optional(
        Type.Number({
          minimum: 1,
          maximum: MAX_EXPRESS_MEMORY_MB,
          title: 'Memory used (MB)',
          description:
            'Express only: 50 MB + definition size + payload × parallel or map steps; billed in 64 MB chunks. ' +
            '64 when left out.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  checkParams(p) {
    const misplaced = p.workflow_type === 'standard' ? EXPRESS_ONLY : STANDARD_ONLY
    const details = fieldsOfOtherMode(p, misplaced, `${p.workflow_type} workflows`)
    return details
  },
  toUsage(p, _at, sink) {
    if (p.workflow_type === 'standard') {
      sink('stepfunctions.state_transitions', d(p.state_transitions ?? 0))
      return
    }
    const requests = p.requests ?? 0
    sink('stepfunctions.express_requests', d(requests))
    const mbMs = billedMbMs(p.avg_duration_ms ?? 0, p.memory_mb ?? MEMORY_CHUNK_MB)
    sink('stepfunctions.express_gb_seconds', d(requests).times(mbMs).div(MB_MS_PER_GB_SECOND))
  },
  usageTypes: [
    {
      match: 'stepfunctions.state_transitions',
      unit: 'transitions',
      kind: 'flow',
      description: 'Standard Workflow state transitions.',
    },
    {
      match: 'stepfunctions.express_requests',
      unit: 'requests',
      kind: 'flow',
      description: 'Express Workflow executions.',
    },
    {
      match: 'stepfunctions.express_gb_seconds',
      unit: 'GB-seconds',
      kind: 'flow',
      baseUnit: 'MB·ms',
      baseUnitsPerUnit: String(MB_MS_PER_GB_SECOND),
      description: 'Express Workflow duration × memory.',
    },
  ],
  ingest: stepFunctionsIngest,
  // StartExecution is not metered: when it returns, neither a Standard execution's transitions nor an
  // asynchronous Express execution's duration is known. StartSyncExecution answers with its billing details.
  sdk: [{ client: 'SFNClient', commands: ['StartSyncExecution'] }],
  priceList: [
    {
      offerCode: 'AmazonStates',
      awsUsageType: /^StateTransition$/,
      usageType: 'stepfunctions.state_transitions',
      unit: 'transitions',
    },
    {
      offerCode: 'AmazonStates',
      awsUsageType: /^StepFunctions-Request$/,
      usageType: 'stepfunctions.express_requests',
      unit: 'requests',
    },
    {
      offerCode: 'AmazonStates',
      awsUsageType: /^StepFunctions-GB-Second$/,
      usageType: 'stepfunctions.express_gb_seconds',
      unit: 'GB-seconds',
    },
  ],
  terraform: {
    aws_sfn_state_machine: ({ values }) =>
      asString(values.type)?.toUpperCase() === 'EXPRESS'
        ? {
            params: {
              workflow_type: 'express' as const,
              requests: 0,
              avg_duration_ms: 0,
              memory_mb: MEMORY_CHUNK_MB,
            },
          }
        : { params: { workflow_type: 'standard' as const, state_transitions: 0 } },
    aws_sfn_activity: () => ({ skip: 'no charge of its own' }),
  },
  examples: stepFunctionsExamples,
})
