import type { PricingServices } from './api/scenarios-api'

/** One input of a line item's params form (docs/scenarios.md#line-items, bounds as in server/domains/pricing/line-items.ts). */
export type ParamField =
  | {
      name: string
      label: string
      kind: 'number'
      min?: number
      max?: number
      integer?: boolean
      required: boolean
      defaultValue?: number
      description?: string
      /** Also accepts `{min, typical, max}` (server RANGED_PARAMS: ec2/rds count and hours, fargate tasks and hours). */
      rangeable?: boolean
    }
  | {
      name: string
      label: string
      kind: 'select'
      options: string[] | ((catalog: PricingServices['services'][number] | undefined) => string[])
      required: boolean
      defaultValue?: string
      description?: string
    }

const COUNT_MAX = 1e15
const GB_MAX = 1e9
const count = (name: string, label: string, required = true): ParamField => ({
  name,
  label,
  kind: 'number',
  min: 0,
  max: COUNT_MAX,
  integer: true,
  required,
})
const gb = (name: string, label: string): ParamField => ({
  name,
  label,
  kind: 'number',
  min: 0,
  max: GB_MAX,
  required: true,
})
const hours: ParamField = {
  name: 'hours',
  label: 'Hours per month',
  kind: 'number',
  min: 0,
  max: 744,
  required: false,
  defaultValue: 730,
  description: '730 = always on; a range for machines that sleep',
  rangeable: true,
}
const architecture: ParamField = {
  name: 'architecture',
  label: 'Architecture',
  kind: 'select',
  options: ['x86_64', 'arm64'],
  required: false,
  defaultValue: 'x86_64',
}

export const SERVICE_LABELS: Record<string, string> = {
  lambda: 'AWS Lambda',
  sqs: 'Amazon SQS',
  sns: 'Amazon SNS',
  s3: 'Amazon S3',
  dynamodb: 'Amazon DynamoDB',
  apigateway: 'Amazon API Gateway',
  cloudwatch_logs: 'CloudWatch Logs',
  bedrock: 'Amazon Bedrock',
  ec2: 'Amazon EC2',
  rds: 'Amazon RDS',
  fargate: 'AWS Fargate',
  data_transfer: 'Data transfer',
}

export const SERVICE_FIELDS: Record<string, ParamField[]> = {
  lambda: [
    count('invocations', 'Invocations per month'),
    {
      name: 'avg_duration_ms',
      label: 'Average duration (ms)',
      kind: 'number',
      min: 0,
      max: 900_000,
      required: true,
    },
    {
      name: 'memory_mb',
      label: 'Memory (MB)',
      kind: 'number',
      min: 128,
      max: 10_240,
      integer: true,
      required: true,
    },
    architecture,
    {
      name: 'ephemeral_storage_mb',
      label: 'Ephemeral storage (MB)',
      kind: 'number',
      min: 512,
      max: 10_240,
      integer: true,
      required: false,
      defaultValue: 512,
    },
  ],
  sqs: [
    count('requests', 'Requests per month'),
    {
      name: 'queue_type',
      label: 'Queue type',
      kind: 'select',
      options: ['standard', 'fifo'],
      required: false,
      defaultValue: 'standard',
    },
  ],
  sns: [
    count('publishes', 'Publishes per month'),
    count('http_deliveries', 'HTTP/S deliveries', false),
    count('email_deliveries', 'Email deliveries', false),
    count('sqs_deliveries', 'SQS deliveries', false),
  ],
  s3: [
    gb('storage_gb', 'Storage (GB)'),
    count('put_requests', 'PUT/COPY/POST/LIST requests'),
    count('get_requests', 'GET requests'),
  ],
  dynamodb: [
    count('write_request_units', 'Write request units'),
    count('read_request_units', 'Read request units'),
    gb('storage_gb', 'Storage (GB)'),
  ],
  apigateway: [
    {
      name: 'api_type',
      label: 'API type',
      kind: 'select',
      options: ['rest', 'http', 'websocket'],
      required: true,
    },
    count('requests', 'Requests (messages for WebSocket)'),
    count('connection_minutes', 'Connection minutes (WebSocket)', false),
  ],
  cloudwatch_logs: [gb('ingested_gb', 'Ingested (GB)'), gb('stored_gb', 'Stored (GB)')],
  bedrock: [
    {
      name: 'model',
      label: 'Model',
      kind: 'select',
      options: (s) => s?.models?.map((m) => m.id) ?? [],
      required: true,
    },
    count('input_tokens', 'Input tokens per month'),
    count('output_tokens', 'Output tokens per month'),
  ],
  ec2: [
    {
      name: 'instance_type',
      label: 'Instance type',
      kind: 'select',
      options: (s) => s?.instance_types ?? [],
      required: true,
    },
    {
      name: 'count',
      label: 'Instances',
      kind: 'number',
      min: 1,
      max: 100_000,
      integer: true,
      required: true,
      rangeable: true,
    },
    hours,
  ],
  rds: [
    {
      name: 'instance_class',
      label: 'Instance class',
      kind: 'select',
      options: (s) => s?.instance_classes ?? [],
      required: true,
    },
    {
      name: 'count',
      label: 'Instances',
      kind: 'number',
      min: 1,
      max: 10_000,
      integer: true,
      required: true,
      rangeable: true,
    },
    hours,
    {
      name: 'storage_gb',
      label: 'Storage per instance (GB)',
      kind: 'number',
      min: 0,
      max: 65_536,
      required: true,
    },
    {
      name: 'storage_type',
      label: 'Storage type',
      kind: 'select',
      options: ['gp2', 'gp3'],
      required: false,
      defaultValue: 'gp3',
    },
  ],
  fargate: [
    {
      name: 'tasks',
      label: 'Tasks',
      kind: 'number',
      min: 1,
      max: 100_000,
      integer: true,
      required: true,
      rangeable: true,
    },
    { name: 'vcpu', label: 'vCPU per task', kind: 'number', min: 0.25, max: 16, required: true },
    { name: 'memory_gb', label: 'Memory per task (GB)', kind: 'number', min: 0.5, max: 120, required: true },
    hours,
    architecture,
  ],
  data_transfer: [gb('gb_out', 'GB out to the internet')],
}

/** A `{min, typical, max}` value of a rangeable param, as the form holds it (each part may be ''). */
export type RangeValue = { min: unknown; typical: unknown; max: unknown }
export const RANGE_POINTS = ['min', 'typical', 'max'] as const
export const RANGE_POINT_LABELS = { min: 'Min', typical: 'Typical', max: 'Max' } as const

export function isRangeValue(value: unknown): value is RangeValue {
  return typeof value === 'object' && value !== null && RANGE_POINTS.every((point) => point in value)
}

/** A single value widened to a range (all three points equal), or a range narrowed to its typical value. */
export function toggleRange(value: unknown): unknown {
  if (isRangeValue(value)) return value.typical
  return { min: value, typical: value, max: value }
}

/** A stored param for the items list: "2–10 (typical 4)" for a range. */
export function formatParamValue(value: unknown, format: (n: number) => string): string {
  if (isRangeValue(value)) {
    return `${format(Number(value.min))}–${format(Number(value.max))} (typical ${format(Number(value.typical))})`
  }
  return typeof value === 'number' ? format(value) : String(value)
}

/** Each point checked as the plain field, then min ≤ typical ≤ max (server: line-items.ts). */
function validateRange(field: ParamField, range: RangeValue): string | null {
  for (const point of RANGE_POINTS) {
    const problem = validateParam({ ...field, required: true }, range[point])
    if (problem) return `${RANGE_POINT_LABELS[point]}: ${problem.toLowerCase()}`
  }
  const min = Number(range.min)
  const typical = Number(range.typical)
  const max = Number(range.max)
  return min <= typical && typical <= max ? null : 'Needs min ≤ typical ≤ max'
}

/** Checks one param as the user types; the server re-checks everything (and the catalog values). */
export function validateParam(field: ParamField, value: unknown): string | null {
  if (field.kind === 'number' && field.rangeable && isRangeValue(value)) return validateRange(field, value)
  const empty = value === '' || value === undefined || value === null
  if (empty) return field.required ? 'Required' : null
  if (field.kind === 'select') return null
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n)) return 'Enter a number'
  if (field.integer && !Number.isInteger(n)) return 'Enter a whole number'
  if (field.min !== undefined && n < field.min) return `Must be at least ${field.min}`
  if (field.max !== undefined && n > field.max) return `Must be at most ${field.max.toLocaleString('en-US')}`
  return null
}

/** Drops empty optional params so the server applies its defaults. */
export function toParams(fields: ParamField[], values: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const field of fields) {
    const value = values[field.name]
    if (value === '' || value === undefined || value === null) continue
    if (isRangeValue(value)) {
      params[field.name] = { min: Number(value.min), typical: Number(value.typical), max: Number(value.max) }
    } else params[field.name] = field.kind === 'number' ? Number(value) : value
  }
  return params
}
