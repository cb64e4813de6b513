/** Every service a line item or an ingested event can name, in the order costs are reported. */
export const SERVICE_IDS = [
  'lambda',
  'sqs',
  'sns',
  's3',
  'dynamodb',
  'apigateway',
  'cloudwatch_logs',
  'bedrock',
  'ec2',
  'rds',
  'fargate',
  'data_transfer',
] as const

export type ServiceId = (typeof SERVICE_IDS)[number]

/** API Gateway usage types keep the short `apigw.` prefix documented in docs/usage-types.md. */
const PREFIX_TO_SERVICE: Record<string, ServiceId> = { apigw: 'apigateway' }

/**
 * The service a usage type belongs to, read from its first dot-separated segment
 * (`lambda.requests` → `lambda`, `apigw.requests.rest` → `apigateway`). Unknown prefixes are returned as is,
 * so an unknown usage type is still reported under a recognisable name.
 */
export function serviceOfUsageType(usageType: string): string {
  const prefix = usageType.split('.', 1)[0] ?? usageType
  return PREFIX_TO_SERVICE[prefix] ?? prefix
}
