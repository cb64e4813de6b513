/**
 * Maps a Terraform plan (`terraform show -json plan.out`) to scenario line items (docs/scenarios.md), resource by
 * resource (docs/terraform-import.md). Pure: no HTTP, no catalog; the server validates every item.
 *
 * Always-on resources (instances, databases, Fargate tasks) get their monthly hours from the plan. Usage-based
 * quantities (requests, GB, tokens) are not in a plan: they start at 0 and come from ingest or from a usage
 * file keyed by resource address.
 */

export type PlannedItem = {
  /** The Terraform resource address, e.g. `module.api.aws_lambda_function.handler`. */
  address: string
  service: string
  params: Record<string, unknown>
  /** `terraform: <address>`: how a later import finds the item it made. */
  label: string
}

export type SkippedResource = { address: string; type: string; reason: string }

export type PlanMapping = {
  items: PlannedItem[]
  skipped: SkippedResource[]
  /** The AWS provider's region when the plan states it as a constant. */
  region: string | undefined
}

/** Per-address params merged over the mapped ones: `{"aws_sqs_queue.jobs": {"requests": 5000000}}`. */
export type UsageFile = Record<string, Record<string, unknown>>

export const LABEL_PREFIX = 'terraform: '

type Raw = Record<string, unknown>
type PlanResource = { address: string; mode: string; type: string; values: Raw }

const asRecord = (value: unknown): Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {}
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const asNumber = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined
}
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** Resources with no charge of their own: configuration, networking plumbing, permissions. */
const FREE_TYPES = [
  /^aws_iam_/,
  /^aws_vpc$/,
  /^aws_subnet$/,
  /^aws_route/,
  /^aws_internet_gateway/,
  /^aws_security_group/,
  /^aws_vpc_security_group_/,
  /^aws_ecs_cluster/,
  /^aws_ecs_task_definition$/,
  /^aws_lambda_permission$/,
  /^aws_lambda_event_source_mapping$/,
  /^aws_s3_bucket_/,
  /^aws_sqs_queue_policy$/,
  /^aws_sns_topic_subscription$/,
  /^aws_db_subnet_group$/,
  /^aws_db_parameter_group$/,
  /^aws_api_gateway_(?!rest_api$)/,
  /^aws_apigatewayv2_(?!api$)/,
  /^aws_cloudwatch_log_stream$/,
]

/** Resources that cost money but that the pricing catalog does not cover: reported, never priced at $0. */
const UNPRICED: Record<string, string> = {
  aws_nat_gateway: 'NAT gateway hours and data processing are not in the pricing catalog (unpriced)',
  aws_lb: 'load balancer hours and LCUs are not in the pricing catalog (unpriced)',
  aws_alb: 'load balancer hours and LCUs are not in the pricing catalog (unpriced)',
  aws_eip: 'Elastic IP address hours are not in the pricing catalog (unpriced)',
  aws_rds_cluster: 'Aurora clusters are not in the pricing catalog (unpriced)',
  aws_elasticache_cluster: 'ElastiCache is not in the pricing catalog (unpriced)',
  aws_kms_key: 'KMS keys are not in the pricing catalog (unpriced)',
  aws_cloudfront_distribution: 'CloudFront is not in the pricing catalog (unpriced)',
}

/** Every managed resource of the planned state, child modules included. */
function plannedResources(plan: Raw): PlanResource[] {
  const out: PlanResource[] = []
  const walk = (module: Raw) => {
    for (const raw of asArray(module.resources)) {
      const r = asRecord(raw)
      out.push({
        address: asString(r.address) ?? '',
        mode: asString(r.mode) ?? 'managed',
        type: asString(r.type) ?? '',
        values: asRecord(r.values),
      })
    }
    for (const child of asArray(module.child_modules)) walk(asRecord(child))
  }
  walk(asRecord(asRecord(plan.planned_values).root_module))
  return out.filter((r) => r.mode === 'managed' && r.address !== '')
}

/** Resource configurations by address (without count/for_each index), to follow references. */
function configuredResources(plan: Raw): Map<string, Raw> {
  const out = new Map<string, Raw>()
  const walk = (module: Raw, prefix: string) => {
    for (const raw of asArray(module.resources)) {
      const r = asRecord(raw)
      const address = asString(r.address)
      if (address) out.set(`${prefix}${address}`, r)
    }
    for (const [name, call] of Object.entries(asRecord(module.module_calls))) {
      walk(asRecord(asRecord(call).module), `${prefix}module.${name}.`)
    }
  }
  walk(asRecord(asRecord(plan.configuration).root_module), '')
  return out
}

function providerRegion(plan: Raw): string | undefined {
  const aws = asRecord(asRecord(asRecord(plan.configuration).provider_config).aws)
  return asString(asRecord(asRecord(aws.expressions).region).constant_value)
}

const withoutIndex = (address: string) => address.replace(/\[[^\]]*\]/g, '')
const moduleOf = (address: string) => {
  const match = /^((?:module\.[^.]+(?:\[[^\]]*\])?\.)*)/.exec(address)
  return withoutIndex(match?.[1] ?? '')
}

/** The task definition an ECS service runs: by configuration reference, else by family, else the only one. */
function findTaskDefinition(
  service: PlanResource,
  resources: PlanResource[],
  config: Map<string, Raw>,
): PlanResource | undefined {
  const taskDefinitions = resources.filter((r) => r.type === 'aws_ecs_task_definition')
  const expressions = asRecord(config.get(withoutIndex(service.address))?.expressions)
  const references = asArray(asRecord(expressions.task_definition).references).map(String)
  for (const reference of references) {
    const target = `${moduleOf(service.address)}${reference.replace(/\.(arn|family|id|arn_without_revision)$/, '')}`
    const found = taskDefinitions.find((t) => withoutIndex(t.address) === target)
    if (found) return found
  }
  const named = asString(service.values.task_definition)
  if (named) {
    const family = named.split('/').pop()?.split(':')[0]
    const found = taskDefinitions.find((t) => t.values.family === family)
    if (found) return found
  }
  return taskDefinitions.length === 1 ? taskDefinitions[0] : undefined
}

function isFargate(values: Raw): boolean {
  if (values.launch_type === 'FARGATE') return true
  return asArray(values.capacity_provider_strategy).some((s) =>
    String(asRecord(s).capacity_provider ?? '').startsWith('FARGATE'),
  )
}

type Mapped = { service: string; params: Raw } | { skip: string }

function mapResource(resource: PlanResource, resources: PlanResource[], config: Map<string, Raw>): Mapped {
  const v = resource.values
  switch (resource.type) {
    case 'aws_instance': {
      const instanceType = asString(v.instance_type)
      if (!instanceType) return { skip: 'instance_type is not known until apply' }
      return { service: 'ec2', params: { instance_type: instanceType, count: 1, hours: 730 } }
    }
    case 'aws_db_instance': {
      const instanceClass = asString(v.instance_class)
      if (!instanceClass) return { skip: 'instance_class is not known until apply' }
      if (String(v.engine ?? '').startsWith('aurora'))
        return { skip: 'Aurora instances are not in the pricing catalog' }
      return {
        service: 'rds',
        // A Multi-AZ deployment runs a standby instance billed like the primary.
        params: {
          instance_class: instanceClass,
          count: v.multi_az === true ? 2 : 1,
          hours: 730,
          storage_gb: asNumber(v.allocated_storage) ?? 20,
          storage_type: v.storage_type === 'gp2' ? 'gp2' : 'gp3',
        },
      }
    }
    case 'aws_lambda_function': {
      const ephemeral = asNumber(asRecord(asArray(v.ephemeral_storage)[0]).size)
      return {
        service: 'lambda',
        params: {
          invocations: 0,
          avg_duration_ms: 0,
          memory_mb: asNumber(v.memory_size) ?? 128,
          architecture: asArray(v.architectures)[0] === 'arm64' ? 'arm64' : 'x86_64',
          ephemeral_storage_mb: ephemeral ?? 512,
        },
      }
    }
    case 'aws_sqs_queue':
      return {
        service: 'sqs',
        params: { requests: 0, queue_type: v.fifo_queue === true ? 'fifo' : 'standard' },
      }
    case 'aws_sns_topic':
      return { service: 'sns', params: { publishes: 0 } }
    case 'aws_s3_bucket':
      return { service: 's3', params: { storage_gb: 0, put_requests: 0, get_requests: 0 } }
    case 'aws_dynamodb_table':
      // Provisioned capacity is not in the catalog: both billing modes are modelled as on-demand request units.
      return { service: 'dynamodb', params: { write_request_units: 0, read_request_units: 0, storage_gb: 0 } }
    case 'aws_api_gateway_rest_api':
      return { service: 'apigateway', params: { api_type: 'rest', requests: 0 } }
    case 'aws_apigatewayv2_api': {
      const websocket = v.protocol_type === 'WEBSOCKET'
      return {
        service: 'apigateway',
        params: websocket
          ? { api_type: 'websocket', requests: 0, connection_minutes: 0 }
          : { api_type: 'http', requests: 0 },
      }
    }
    case 'aws_cloudwatch_log_group':
      return { service: 'cloudwatch_logs', params: { ingested_gb: 0, stored_gb: 0 } }
    case 'aws_ecs_service': {
      if (!isFargate(v))
        return { skip: 'only ECS services on Fargate are priced (EC2 capacity is its instances)' }
      const task = findTaskDefinition(resource, resources, config)
      const cpu = asNumber(task?.values.cpu)
      const memory = asNumber(task?.values.memory)
      if (!task || cpu === undefined || memory === undefined) {
        return { skip: 'its task definition (with cpu and memory) is not in the plan' }
      }
      const platform = asRecord(asArray(task.values.runtime_platform)[0])
      const ephemeral = asNumber(asRecord(asArray(task.values.ephemeral_storage)[0]).size_in_gib)
      return {
        service: 'fargate',
        params: {
          tasks: Math.max(1, asNumber(v.desired_count) ?? 1),
          vcpu: cpu / 1024,
          memory_gb: memory / 1024,
          hours: 730,
          architecture: platform.cpu_architecture === 'ARM64' ? 'arm64' : 'x86_64',
          ephemeral_storage_gb: Math.max(20, ephemeral ?? 20),
        },
      }
    }
    default: {
      const unpriced = UNPRICED[resource.type]
      if (unpriced) return { skip: unpriced }
      if (FREE_TYPES.some((pattern) => pattern.test(resource.type))) return { skip: 'no charge of its own' }
      return { skip: 'resource type not supported by the importer' }
    }
  }
}

/**
 * Maps every managed resource of the plan to a line item or a skip reason. `usage` params override the mapped
 * ones for the same address; a usage entry for an address the plan does not have is reported as skipped.
 */
export function planToLineItems(plan: unknown, usage: UsageFile = {}): PlanMapping {
  const root = asRecord(plan)
  const resources = plannedResources(root)
  const config = configuredResources(root)
  const items: PlannedItem[] = []
  const skipped: SkippedResource[] = []
  for (const resource of resources) {
    const mapped = mapResource(resource, resources, config)
    if ('skip' in mapped) {
      skipped.push({ address: resource.address, type: resource.type, reason: mapped.skip })
      continue
    }
    items.push({
      address: resource.address,
      service: mapped.service,
      params: { ...mapped.params, ...(usage[resource.address] ?? {}) },
      label: `${LABEL_PREFIX}${resource.address}`.slice(0, 255),
    })
  }
  const known = new Set(resources.map((r) => r.address))
  for (const address of Object.keys(usage)) {
    if (!known.has(address))
      skipped.push({ address, type: 'usage', reason: 'usage for a resource not in the plan' })
  }
  return { items, skipped, region: providerRegion(root) }
}

/** Checks that a parsed file looks like `terraform show -json` output of a plan. */
export function isTerraformPlan(value: unknown): boolean {
  const plan = asRecord(value)
  return typeof plan.format_version === 'string' && typeof plan.planned_values === 'object'
}
