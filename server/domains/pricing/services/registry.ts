/**
 * Every priced service, in the order costs are reported. Adding a service is one folder under `services/`
 * plus its entry here, its catalog data and its tests (docs/contributing.md); every consumer reads this.
 */
import type { Static } from '@sinclair/typebox'
import { apigateway } from './apigateway/descriptor.js'
import { apprunner } from './apprunner/descriptor.js'
import { athena } from './athena/descriptor.js'
import { aurora } from './aurora/descriptor.js'
import { bedrock } from './bedrock/descriptor.js'
import { cloudfront } from './cloudfront/descriptor.js'
import { cloudtrail } from './cloudtrail/descriptor.js'
import { cloudwatchLogs } from './cloudwatch_logs/descriptor.js'
import { cognito } from './cognito/descriptor.js'
import { dataTransfer } from './data_transfer/descriptor.js'
import { dynamodb } from './dynamodb/descriptor.js'
import { ec2 } from './ec2/descriptor.js'
import { ecr } from './ecr/descriptor.js'
import { efs } from './efs/descriptor.js'
import { eks } from './eks/descriptor.js'
import { elasticache } from './elasticache/descriptor.js'
import { elb } from './elb/descriptor.js'
import { eventbridge } from './eventbridge/descriptor.js'
import { fargate } from './fargate/descriptor.js'
import { firehose } from './firehose/descriptor.js'
import { glue } from './glue/descriptor.js'
import { kinesis } from './kinesis/descriptor.js'
import { kms } from './kms/descriptor.js'
import { lambda } from './lambda/descriptor.js'
import { memorydb } from './memorydb/descriptor.js'
import { mq } from './mq/descriptor.js'
import { msk } from './msk/descriptor.js'
import { natGateway } from './nat_gateway/descriptor.js'
import { opensearch } from './opensearch/descriptor.js'
import { rds } from './rds/descriptor.js'
import { route53 } from './route53/descriptor.js'
import { s3 } from './s3/descriptor.js'
import { secretsManager } from './secretsmanager/descriptor.js'
import type { IngestEventSpec, ServiceDescriptor, UsageTypeSpec } from './service-descriptor.js'
import { ses } from './ses/descriptor.js'
import { sns } from './sns/descriptor.js'
import { sqs } from './sqs/descriptor.js'
import { ssm } from './ssm/descriptor.js'
import { stepFunctions } from './stepfunctions/descriptor.js'
import { transitGateway } from './transit_gateway/descriptor.js'
import { vpcEndpoints } from './vpc_endpoints/descriptor.js'
import { waf } from './waf/descriptor.js'
import { xray } from './xray/descriptor.js'

export const SERVICES = {
  lambda,
  sqs,
  sns,
  s3,
  dynamodb,
  apigateway,
  cloudwatch_logs: cloudwatchLogs,
  bedrock,
  ec2,
  rds,
  aurora,
  fargate,
  data_transfer: dataTransfer,
  eventbridge,
  nat_gateway: natGateway,
  eks,
  kms,
  route53,
  cloudtrail,
  vpc_endpoints: vpcEndpoints,
  transit_gateway: transitGateway,
  waf,
  ses,
  efs,
  elb,
  cloudfront,
  elasticache,
  cognito,
  ssm,
  xray,
  athena,
  glue,
  opensearch,
  apprunner,
  mq,
  secretsmanager: secretsManager,
  stepfunctions: stepFunctions,
  kinesis,
  firehose,
  ecr,
  memorydb,
  msk,
}

export type ServiceId = keyof typeof SERVICES
export type LineItemParams = { [K in ServiceId]: Static<(typeof SERVICES)[K]['params']> }

export const SERVICE_IDS = Object.keys(SERVICES) as ServiceId[]
/** The descriptors in report order, for consumers that iterate. */
export const SERVICE_LIST: readonly ServiceDescriptor[] = Object.values(SERVICES)

type IngestOf<K extends ServiceId> = (typeof SERVICES)[K]['ingest']
/** The events a service's specs read: the union of its readers' results. */
type EventOf<Specs> = {
  [T in keyof Specs]: Specs[T] extends IngestEventSpec<infer E> ? E : never
}[keyof Specs]

/** Every ingest event type: the keys of the descriptors' `ingest`. */
export type IngestEventType = { [K in ServiceId]: keyof IngestOf<K> & string }[ServiceId]
/** A validated, normalised ingest event, as the descriptors' readers build it. */
export type IngestEvent = { [K in ServiceId]: EventOf<IngestOf<K>> }[ServiceId]

/** Event type → its reader and meter, built once; the ingest domain dispatches every event through it. */
export const INGEST_EVENT_SPECS: ReadonlyMap<string, IngestEventSpec> = new Map(
  SERVICE_LIST.flatMap((service) => Object.entries(service.ingest)),
)
export const INGEST_EVENT_TYPES = [...INGEST_EVENT_SPECS.keys()] as IngestEventType[]

export function isServiceId(value: string): value is ServiceId {
  return Object.hasOwn(SERVICES, value)
}

const serviceByPrefix = new Map(SERVICE_LIST.map((service) => [service.usageTypePrefix, service.id]))

/**
 * The service a usage type belongs to, read from its first dot-separated segment
 * (`lambda.requests` → `lambda`, `apigw.requests.rest` → `apigateway`). Unknown prefixes are returned as is,
 * so an unknown usage type is still reported under a recognisable name.
 */
export function serviceOfUsageType(usageType: string): string {
  const prefix = usageType.split('.', 1)[0] ?? usageType
  return serviceByPrefix.get(prefix) ?? prefix
}

/** Whether a usage-type pattern (exact, or a family ending in `.*`) covers a usage type. */
export function matchesUsageType(pattern: string, usageType: string): boolean {
  return pattern.endsWith('.*')
    ? usageType.startsWith(pattern.slice(0, -1)) && usageType.length > pattern.length - 1
    : usageType === pattern
}

const specCache = new Map<string, UsageTypeSpec | null>()

/** The descriptor's entry for a usage type, or undefined when no service declares it. */
export function usageTypeSpec(usageType: string): UsageTypeSpec | undefined {
  let spec = specCache.get(usageType)
  if (spec === undefined) {
    const service = SERVICES[serviceOfUsageType(usageType) as ServiceId] as ServiceDescriptor | undefined
    spec = service?.usageTypes.find((candidate) => matchesUsageType(candidate.match, usageType)) ?? null
    // Usage types come from a bounded set (services × catalog suffixes), so the cache stays small.
    if (specCache.size < 10_000) specCache.set(usageType, spec)
  }
  return spec ?? undefined
}
