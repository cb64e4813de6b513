/**
 * Maps a Terraform plan (`terraform show -json plan.out`) to scenario line items, resource by resource,
 * with the mappings of the service descriptors (docs/terraform-import.md). Pure: no HTTP, no catalog; the server validates every item.
 *
 * Always-on resources (instances, databases, Fargate tasks) get their monthly hours from the plan. Usage-based
 * quantities (requests, GB, tokens) are not in a plan: they start at 0 and come from ingest or from a usage
 * file keyed by resource address.
 */
import { asArray, asRecord, asString } from '../domains/pricing/services/plan-values.js'
import { SERVICE_LIST } from '../domains/pricing/services/registry.js'

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
  aws_eip: 'Elastic IP address hours are not in the pricing catalog (unpriced)',
  aws_rds_cluster: 'Aurora clusters are not in the pricing catalog (unpriced)',
  aws_elasticache_cluster: 'ElastiCache is not in the pricing catalog (unpriced)',
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

type Mapped = { service: string; params: Raw } | { skip: string }

/** Resource type → the service whose descriptor maps it. */
const mappers = new Map(
  SERVICE_LIST.flatMap((service) =>
    Object.entries(service.terraform).map(([type, map]) => [type, { service: service.id, map }] as const),
  ),
)

function mapResource(resource: PlanResource, resources: PlanResource[], config: Map<string, Raw>): Mapped {
  const mapper = mappers.get(resource.type)
  if (mapper) {
    const mapped = mapper.map({
      address: resource.address,
      type: resource.type,
      values: resource.values,
      taskDefinition: () => findTaskDefinition(resource, resources, config)?.values,
    })
    return 'skip' in mapped ? mapped : { service: mapper.service, params: mapped.params }
  }
  const unpriced = UNPRICED[resource.type]
  if (unpriced) return { skip: unpriced }
  if (FREE_TYPES.some((pattern) => pattern.test(resource.type))) return { skip: 'no charge of its own' }
  return { skip: 'resource type not supported by the importer' }
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
