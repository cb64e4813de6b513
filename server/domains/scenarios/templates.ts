/**
 * Starting points a user can create a scenario from: a typical architecture as line items, with the
 * assumptions behind each figure stated so that the user knows what to change. docs/scenarios.md#templates
 * lists them; the templates test prices each one in us-east-1 with nothing unpriced.
 */

export interface TemplateItem {
  readonly service: string
  readonly label: string
  readonly params: Readonly<Record<string, unknown>>
}

export interface ScenarioTemplate {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly tags: readonly string[]
  /** What the figures assume and what the template leaves out, in the order a reader checks them. */
  readonly assumptions: readonly string[]
  readonly items: readonly TemplateItem[]
}

const HOURS_PER_MONTH = 730

export const SCENARIO_TEMPLATES = [
  {
    id: 'serverless-api',
    name: 'Serverless API',
    description: 'An HTTP API on API Gateway and Lambda with a DynamoDB table, 10 million requests a month.',
    tags: ['serverless'],
    assumptions: [
      '10 M API requests a month, each one Lambda invocation of 120 ms at 512 MB on arm64.',
      'Each request reads 2 and writes 0.5 DynamoDB request units on average; the table holds 10 GB.',
      '2 KB of logs per request (20 GB a month), kept for about 2.5 months.',
      'Responses average 5 KB: 50 GB a month out to the internet.',
    ],
    items: [
      { service: 'apigateway', label: 'HTTP API', params: { api_type: 'http', requests: 10_000_000 } },
      {
        service: 'lambda',
        label: 'API handlers',
        params: { invocations: 10_000_000, avg_duration_ms: 120, memory_mb: 512, architecture: 'arm64' },
      },
      {
        service: 'dynamodb',
        label: 'Application table',
        params: { read_request_units: 20_000_000, write_request_units: 5_000_000, storage_gb: 10 },
      },
      { service: 'cloudwatch_logs', label: 'Function logs', params: { ingested_gb: 20, stored_gb: 50 } },
      { service: 'data_transfer', label: 'Responses to clients', params: { gb_out: 50 } },
    ],
  },
  {
    id: 'containers-with-rds',
    name: 'Containers with RDS',
    description: 'Two always-on Fargate tasks in front of a PostgreSQL database on RDS.',
    tags: ['containers'],
    assumptions: [
      'Two Fargate tasks of 1 vCPU and 2 GB (x86_64) running all month (730 hours).',
      'One db.t3.medium PostgreSQL instance, Single-AZ, with 100 GB of gp3 storage.',
      '10 GB of logs a month, 30 GB kept; 100 GB a month out to the internet.',
      'Not included yet: the load balancer and NAT gateway in front of the tasks.',
    ],
    items: [
      {
        service: 'fargate',
        label: 'Web tasks',
        params: { tasks: 2, vcpu: 1, memory_gb: 2, hours: HOURS_PER_MONTH, architecture: 'x86_64' },
      },
      {
        service: 'rds',
        label: 'PostgreSQL',
        params: {
          instance_class: 'db.t3.medium',
          count: 1,
          hours: HOURS_PER_MONTH,
          storage_gb: 100,
          storage_type: 'gp3',
        },
      },
      { service: 'cloudwatch_logs', label: 'Container logs', params: { ingested_gb: 10, stored_gb: 30 } },
      { service: 'data_transfer', label: 'Responses to clients', params: { gb_out: 100 } },
    ],
  },
  {
    id: 'static-site',
    name: 'Static site',
    description: 'A static website in S3 behind CloudFront: 2 million page requests a month.',
    tags: ['web'],
    assumptions: [
      '5 GB of site files, updated with 10,000 uploads a month.',
      '2 M HTTPS requests a month averaging 100 KB, from viewers in North America: 200 GB out to the internet.',
      'CloudFront caches 90% of requests; the 200,000 misses are S3 GETs (S3 to CloudFront transfer is free).',
      '50 invalidation paths a month after deployments.',
    ],
    items: [
      {
        service: 's3',
        label: 'Site bucket',
        params: { storage_gb: 5, put_requests: 10_000, get_requests: 200_000 },
      },
      {
        service: 'cloudfront',
        label: 'Site distribution',
        params: {
          viewer_geography: 'united_states',
          price_class: '100',
          data_out_gb: 200,
          https_requests: 2_000_000,
          invalidation_paths: 50,
        },
      },
    ],
  },
  {
    id: 'llm-chat-backend',
    name: 'LLM chat backend',
    description: 'A chat API calling a Bedrock model, with conversation history in DynamoDB.',
    tags: ['ai'],
    assumptions: [
      '1 M chat turns a month through an HTTP API, each one Lambda invocation of 2 s at 1,024 MB.',
      'Each turn sends 1,500 input tokens (prompt and history) and gets 300 output tokens from Claude Haiku 4.5.',
      'Each turn writes one and reads four history items (1 KB each); history holds 20 GB.',
      'Claude is billed at the region’s own rate where AWS sells it there, else at the global cross-region rate.',
    ],
    items: [
      { service: 'apigateway', label: 'Chat API', params: { api_type: 'http', requests: 1_000_000 } },
      {
        service: 'lambda',
        label: 'Chat handler',
        params: { invocations: 1_000_000, avg_duration_ms: 2_000, memory_mb: 1_024, architecture: 'arm64' },
      },
      {
        service: 'bedrock',
        label: 'Claude Haiku 4.5',
        params: {
          model: 'anthropic.claude-haiku-4-5',
          input_tokens: 1_500_000_000,
          output_tokens: 300_000_000,
        },
      },
      {
        service: 'dynamodb',
        label: 'Conversation history',
        params: { read_request_units: 4_000_000, write_request_units: 1_000_000, storage_gb: 20 },
      },
    ],
  },
  {
    id: 'data-pipeline',
    name: 'Data pipeline',
    description: 'Files land in S3, events fan out through EventBridge and SQS to Lambda workers.',
    tags: ['data'],
    assumptions: [
      '5 M objects a month written to S3 and read back once; 500 GB stored.',
      'One EventBridge custom event (under 64 KB) per object, queued on SQS: 3 requests per message.',
      'Workers: one Lambda invocation of 800 ms at 1,024 MB per object (x86_64).',
      'A daily summary published on SNS to 100 e-mail subscribers; 50 GB of logs a month, 50 GB kept.',
    ],
    items: [
      {
        service: 's3',
        label: 'Landing bucket',
        params: { storage_gb: 500, put_requests: 5_000_000, get_requests: 5_000_000 },
      },
      { service: 'eventbridge', label: 'Object events', params: { custom_events: 5_000_000 } },
      { service: 'sqs', label: 'Work queue', params: { requests: 15_000_000, queue_type: 'standard' } },
      {
        service: 'lambda',
        label: 'Workers',
        params: { invocations: 5_000_000, avg_duration_ms: 800, memory_mb: 1_024, architecture: 'x86_64' },
      },
      {
        service: 'sns',
        label: 'Daily summary',
        params: { publishes: 30, http_deliveries: 0, email_deliveries: 3_000, sqs_deliveries: 0 },
      },
      { service: 'cloudwatch_logs', label: 'Worker logs', params: { ingested_gb: 50, stored_gb: 50 } },
    ],
  },
] as const satisfies readonly ScenarioTemplate[]

export type TemplateId = (typeof SCENARIO_TEMPLATES)[number]['id']

export const TEMPLATE_IDS = SCENARIO_TEMPLATES.map((template) => template.id)

export function findTemplate(id: string): ScenarioTemplate | undefined {
  return SCENARIO_TEMPLATES.find((template) => template.id === id)
}

/** The description a scenario created from a template starts with: what it is and what it assumes. */
export function templateDescription(template: ScenarioTemplate): string {
  return [template.description, 'Assumptions:', ...template.assumptions.map((line) => `- ${line}`)].join('\n')
}
