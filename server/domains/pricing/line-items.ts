import { type Static, type TSchema, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { type Catalog, listInstanceClasses, listInstanceTypes, listModels } from './catalog.js'
import { ExactDecimal, type UsageMap } from './cost-engine.js'
import type { ServiceId } from './service-ids.js'

/** Hours in the longest month (31 days): no monthly line item can run longer. */
const MAX_HOURS = 744
/** Hours of the average month AWS uses in its calculator; the default for always-on resources. */
const DEFAULT_HOURS = 730
/** Upper bound for per-month counts (requests, tokens, units): far above any real workload, below float trouble. */
const MAX_COUNT = 1e15
/** Upper bound for stored or transferred gigabytes per month (1 EB). */
const MAX_GB = 1e9

const count = (description: string) => Type.Integer({ minimum: 0, maximum: MAX_COUNT, description })
const gigabytes = (description: string) => Type.Number({ minimum: 0, maximum: MAX_GB, description })
/**
 * A quantity the user is unsure of: `{min, typical, max}` with min ≤ typical ≤ max. `typical` is the point
 * value every cost block uses; the costs answer's `modelled_range` prices all items at min and at max.
 */
const rangeOf = <T extends TSchema>(value: T) =>
  Type.Object({ min: value, typical: value, max: value }, { additionalProperties: false })
/** A plain quantity or its `{min, typical, max}` range. */
const rangeable = <T extends TSchema>(value: T, options: { default?: number; description?: string } = {}) =>
  Type.Union([value, rangeOf(value)], options)

const hourValue = Type.Number({ minimum: 0, maximum: MAX_HOURS })
const hours = rangeable(hourValue, {
  default: DEFAULT_HOURS,
  description: 'hours per month, or {min, typical, max}',
})
const instanceCount = (maximum: number) =>
  rangeable(Type.Integer({ minimum: 1, maximum }), { description: 'a count, or {min, typical, max}' })

/** The params that may be given as a `{min, typical, max}` range, per service. */
export const RANGED_PARAMS: Partial<Record<ServiceId, readonly string[]>> = {
  ec2: ['count', 'hours'],
  rds: ['count', 'hours'],
  fargate: ['tasks', 'hours'],
}

export type RangePoint = 'min' | 'typical' | 'max'
type Ranged = number | { min: number; typical: number; max: number }

/** The value of a plain or ranged quantity at one point of its range. */
export function pointOf(value: Ranged, at: RangePoint = 'typical'): number {
  return typeof value === 'number' ? value : value[at]
}
const architecture = Type.Union([Type.Literal('x86_64'), Type.Literal('arm64')], { default: 'x86_64' })
const catalogName = (description: string) => Type.String({ minLength: 1, maxLength: 100, description })
const strict = { additionalProperties: false } as const

/** The `params` schema of each service's line item (docs/scenarios.md#line-items), with defaults and maxima. */
export const lineItemParamsSchemas = {
  lambda: Type.Object(
    {
      invocations: count('invocations per month'),
      avg_duration_ms: Type.Number({
        minimum: 0,
        maximum: 900_000,
        description: 'average billed duration (ms)',
      }),
      memory_mb: Type.Integer({ minimum: 128, maximum: 10_240 }),
      architecture,
      ephemeral_storage_mb: Type.Integer({ minimum: 512, maximum: 10_240, default: 512 }),
    },
    strict,
  ),
  sqs: Type.Object(
    {
      requests: count('requests per month, each 64 KB chunk counted'),
      queue_type: Type.Union([Type.Literal('standard'), Type.Literal('fifo')], { default: 'standard' }),
    },
    strict,
  ),
  sns: Type.Object(
    {
      publishes: count('publish requests per month, each 64 KB chunk counted'),
      http_deliveries: Type.Optional(count('HTTP/S deliveries per month')),
      email_deliveries: Type.Optional(count('email deliveries per month')),
      sqs_deliveries: Type.Optional(count('deliveries to SQS queues per month')),
    },
    strict,
  ),
  s3: Type.Object(
    {
      storage_gb: gigabytes('average GB stored over the month'),
      put_requests: count('PUT, COPY, POST and LIST requests per month'),
      get_requests: count('GET, SELECT and other requests per month'),
    },
    strict,
  ),
  dynamodb: Type.Object(
    {
      write_request_units: count('write request units per month'),
      read_request_units: count('read request units per month'),
      storage_gb: gigabytes('average GB stored over the month'),
    },
    strict,
  ),
  apigateway: Type.Object(
    {
      api_type: Type.Union([Type.Literal('rest'), Type.Literal('http'), Type.Literal('websocket')]),
      requests: count('requests per month (messages for websocket)'),
      connection_minutes: Type.Optional(count('websocket connection-minutes per month')),
    },
    strict,
  ),
  cloudwatch_logs: Type.Object(
    {
      ingested_gb: gigabytes('GB ingested per month'),
      stored_gb: gigabytes('average GB archived over the month'),
    },
    strict,
  ),
  bedrock: Type.Object(
    {
      model: catalogName('a catalog model id'),
      input_tokens: count('input tokens per month'),
      output_tokens: count('output tokens per month'),
    },
    strict,
  ),
  ec2: Type.Object(
    {
      instance_type: catalogName('a catalog EC2 instance type'),
      count: instanceCount(100_000),
      hours,
    },
    strict,
  ),
  rds: Type.Object(
    {
      instance_class: catalogName('a catalog RDS instance class'),
      count: instanceCount(10_000),
      hours,
      storage_gb: Type.Number({
        minimum: 0,
        maximum: 65_536,
        description: 'allocated storage per instance (GB)',
      }),
      storage_type: Type.Union([Type.Literal('gp2'), Type.Literal('gp3')], { default: 'gp3' }),
    },
    strict,
  ),
  fargate: Type.Object(
    {
      tasks: instanceCount(100_000),
      vcpu: Type.Number({ minimum: 0.25, maximum: 16 }),
      memory_gb: Type.Number({ minimum: 0.5, maximum: 120 }),
      hours,
      architecture,
      ephemeral_storage_gb: Type.Integer({ minimum: 20, maximum: 200, default: 20 }),
    },
    strict,
  ),
  data_transfer: Type.Object({ gb_out: gigabytes('GB sent to the internet per month') }, strict),
} satisfies Record<ServiceId, TSchema>

export type LineItemParams = { [K in ServiceId]: Static<(typeof lineItemParamsSchemas)[K]> }

export interface ValidationDetail {
  field: string
  reason: string
}

export type LineItemValidation<S extends ServiceId = ServiceId> =
  | { ok: true; params: LineItemParams[S] }
  | { ok: false; details: ValidationDetail[] }

/** A rangeable param's union error ("Expected union value") restated with the bounds of its plain form. */
function reasonOf(schema: TSchema, message: string): string {
  const plain = (schema.anyOf as TSchema[] | undefined)?.[0]
  if (!plain || (plain.type !== 'integer' && plain.type !== 'number')) return message
  const kind = plain.type === 'integer' ? 'an integer' : 'a number'
  return `must be ${kind} from ${plain.minimum} to ${plain.maximum}, or {min, typical, max} of such values`
}

function toField(path: string): string {
  return path === '' ? 'params' : `params.${path.slice(1).replaceAll('/', '.')}`
}

/** Checks values that only the catalog can judge: the model, instance type or class must exist in it. */
function checkCatalogValues(service: ServiceId, params: Record<string, unknown>, catalog: Catalog) {
  const details: ValidationDetail[] = []
  const requireKnown = (field: string, value: unknown, known: string[], what: string) => {
    if (typeof value === 'string' && !known.includes(value)) {
      details.push({ field: `params.${field}`, reason: `unknown ${what} '${value}'` })
    }
  }
  if (service === 'bedrock') requireKnown('model', params.model, listModels(catalog), 'Bedrock model')
  if (service === 'ec2')
    requireKnown('instance_type', params.instance_type, listInstanceTypes(catalog), 'EC2 instance type')
  if (service === 'rds') {
    requireKnown('instance_class', params.instance_class, listInstanceClasses(catalog), 'RDS instance class')
  }
  for (const field of RANGED_PARAMS[service] ?? []) {
    const value = params[field]
    if (typeof value === 'object' && value !== null) {
      const { min, typical, max } = value as { min: number; typical: number; max: number }
      if (!(min <= typical && typical <= max)) {
        details.push({ field: `params.${field}`, reason: 'must satisfy min ≤ typical ≤ max' })
      }
    }
  }
  if (
    service === 'apigateway' &&
    params.api_type !== 'websocket' &&
    params.connection_minutes !== undefined
  ) {
    details.push({
      field: 'params.connection_minutes',
      reason: 'only websocket APIs bill connection minutes',
    })
  }
  return details
}

/**
 * Validates a line item's params against its service schema and the catalog. On success the params come
 * back with defaults applied (`hours` 730, `architecture` x86_64, ...); on failure every problem is listed as
 * `{field: 'params.memory_mb', reason}`.
 */
export function validateLineItem<S extends ServiceId>(
  service: S,
  params: unknown,
  catalog: Catalog,
): LineItemValidation<S>
export function validateLineItem(service: string, params: unknown, catalog: Catalog): LineItemValidation
export function validateLineItem(service: string, params: unknown, catalog: Catalog): LineItemValidation {
  const schema = (lineItemParamsSchemas as Record<string, TSchema>)[service]
  if (!schema) return { ok: false, details: [{ field: 'service', reason: `unknown service '${service}'` }] }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return { ok: false, details: [{ field: 'params', reason: 'must be an object' }] }
  }
  const withDefaults = Value.Default(schema, structuredClone(params)) as Record<string, unknown>
  // TypeBox reports a missing property twice (required, then type); the first reason per field is the clear one.
  const reasons = new Map<string, string>()
  for (const error of Value.Errors(schema, withDefaults)) {
    const field = toField(error.path)
    if (!reasons.has(field)) reasons.set(field, reasonOf(error.schema, error.message))
  }
  const details = [...reasons].map(([field, reason]) => ({ field, reason }))
  if (details.length > 0) return { ok: false, details }
  const catalogDetails = checkCatalogValues(service as ServiceId, withDefaults, catalog)
  if (catalogDetails.length > 0) return { ok: false, details: catalogDetails }
  return { ok: true, params: withDefaults as LineItemParams[ServiceId] }
}

const d = (value: number) => new ExactDecimal(value)

function setIfPositive(usage: UsageMap, usageType: string, quantity: InstanceType<typeof ExactDecimal>) {
  if (quantity.greaterThan(0)) usage.set(usageType, quantity)
}

/**
 * Converts validated params to one month of usage by usage type (units as in docs/usage-types.md).
 * Billing rules applied:
 * - Lambda bills every invocation as a request and duration as GB-seconds of configured memory
 *   (MB / 1024 × seconds), per architecture; ephemeral storage above the free 512 MB is billed as GB-seconds
 *   of configured storage over the same duration.
 * - EC2 and RDS bill instance-hours = count × hours; RDS storage is GB-months prorated by hours / 730.
 * - Fargate bills vCPU-hours and GB-hours = tasks × size × hours, and configured ephemeral storage above the
 *   20 GB included with every task as GB-hours.
 * - A `{min, typical, max}` count, task count or hours is read at `at` (typical unless asked).
 * - WebSocket APIs bill messages and connection minutes; REST and HTTP APIs bill requests.
 */
export function lineItemToUsage<S extends ServiceId>(
  service: S,
  params: LineItemParams[S],
  at?: RangePoint,
): UsageMap
export function lineItemToUsage(
  service: ServiceId,
  params: LineItemParams[ServiceId],
  at: RangePoint = 'typical',
): UsageMap {
  const usage: UsageMap = new Map()
  const point = (value: Ranged) => pointOf(value, at)
  switch (service) {
    case 'lambda': {
      const p = params as LineItemParams['lambda']
      const seconds = d(p.invocations).times(p.avg_duration_ms).dividedBy(1000)
      setIfPositive(usage, 'lambda.requests', d(p.invocations))
      setIfPositive(usage, `lambda.gb_seconds.${p.architecture}`, seconds.times(p.memory_mb).dividedBy(1024))
      setIfPositive(
        usage,
        'lambda.ephemeral_gb_seconds',
        seconds.times(p.ephemeral_storage_mb - 512).dividedBy(1024),
      )
      break
    }
    case 'sqs': {
      const p = params as LineItemParams['sqs']
      setIfPositive(usage, `sqs.requests.${p.queue_type}`, d(p.requests))
      break
    }
    case 'sns': {
      const p = params as LineItemParams['sns']
      setIfPositive(usage, 'sns.publishes', d(p.publishes))
      setIfPositive(usage, 'sns.deliveries.http', d(p.http_deliveries ?? 0))
      setIfPositive(usage, 'sns.deliveries.email', d(p.email_deliveries ?? 0))
      setIfPositive(usage, 'sns.deliveries.sqs', d(p.sqs_deliveries ?? 0))
      break
    }
    case 's3': {
      const p = params as LineItemParams['s3']
      setIfPositive(usage, 's3.storage_gb_month', d(p.storage_gb))
      setIfPositive(usage, 's3.requests.put', d(p.put_requests))
      setIfPositive(usage, 's3.requests.get', d(p.get_requests))
      break
    }
    case 'dynamodb': {
      const p = params as LineItemParams['dynamodb']
      setIfPositive(usage, 'dynamodb.write_request_units', d(p.write_request_units))
      setIfPositive(usage, 'dynamodb.read_request_units', d(p.read_request_units))
      setIfPositive(usage, 'dynamodb.storage_gb_month', d(p.storage_gb))
      break
    }
    case 'apigateway': {
      const p = params as LineItemParams['apigateway']
      if (p.api_type === 'websocket') {
        setIfPositive(usage, 'apigw.messages.websocket', d(p.requests))
        setIfPositive(usage, 'apigw.connection_minutes.websocket', d(p.connection_minutes ?? 0))
      } else {
        setIfPositive(usage, `apigw.requests.${p.api_type}`, d(p.requests))
      }
      break
    }
    case 'cloudwatch_logs': {
      const p = params as LineItemParams['cloudwatch_logs']
      setIfPositive(usage, 'cloudwatch_logs.ingested_gb', d(p.ingested_gb))
      setIfPositive(usage, 'cloudwatch_logs.stored_gb_month', d(p.stored_gb))
      break
    }
    case 'bedrock': {
      const p = params as LineItemParams['bedrock']
      setIfPositive(usage, `bedrock.input_tokens.${p.model}`, d(p.input_tokens))
      setIfPositive(usage, `bedrock.output_tokens.${p.model}`, d(p.output_tokens))
      break
    }
    case 'ec2': {
      const p = params as LineItemParams['ec2']
      setIfPositive(usage, `ec2.instance_hours.${p.instance_type}`, d(point(p.count)).times(point(p.hours)))
      break
    }
    case 'rds': {
      const p = params as LineItemParams['rds']
      const [count, hours] = [d(point(p.count)), point(p.hours)]
      setIfPositive(usage, `rds.instance_hours.${p.instance_class}`, count.times(hours))
      const gbMonths = count.times(p.storage_gb).times(hours).dividedBy(DEFAULT_HOURS)
      setIfPositive(usage, `rds.storage_gb_month.${p.storage_type}`, gbMonths)
      break
    }
    case 'fargate': {
      const p = params as LineItemParams['fargate']
      const taskHours = d(point(p.tasks)).times(point(p.hours))
      setIfPositive(usage, `fargate.vcpu_hours.${p.architecture}`, taskHours.times(p.vcpu))
      setIfPositive(usage, `fargate.gb_hours.${p.architecture}`, taskHours.times(p.memory_gb))
      setIfPositive(usage, 'fargate.ephemeral_gb_hours', taskHours.times(p.ephemeral_storage_gb - 20))
      break
    }
    case 'data_transfer': {
      const p = params as LineItemParams['data_transfer']
      setIfPositive(usage, 'data_transfer.out_gb', d(p.gb_out))
      break
    }
  }
  return usage
}

export interface LineItem {
  service: string
  params: unknown
}

export type LineItemsUsage =
  | { ok: true; usage: UsageMap }
  | { ok: false; index: number; details: ValidationDetail[] }

/**
 * The monthly usage of a scenario's line items: each item is validated (the first invalid one is reported
 * with its index) and converted, and the usage of all items is summed, so that tiers and the free tier
 * apply to the scenario's month as a whole, as on an AWS bill.
 */
export function lineItemsToUsage(items: LineItem[], catalog: Catalog): LineItemsUsage {
  const usage: UsageMap = new Map()
  for (const [index, item] of items.entries()) {
    const result = validateLineItem(item.service, item.params, catalog)
    if (!result.ok) return { ok: false, index, details: result.details }
    for (const [usageType, quantity] of lineItemToUsage(item.service as ServiceId, result.params)) {
      const sum = usage.get(usageType)
      usage.set(usageType, sum ? sum.plus(quantity) : quantity)
    }
  }
  return { ok: true, usage }
}
