import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isTerraformPlan, planToLineItems } from './terraform-plan.js'

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/terraform/${name}`, import.meta.url), 'utf8')) as unknown

describe('planToLineItems', () => {
  const plan = fixture('web-stack.plan.json')

  it('maps each known resource to a line item with the plan values', () => {
    const { items, region } = planToLineItems(plan)
    expect(region).toBe('eu-west-1')
    const byAddress = Object.fromEntries(
      items.map((i) => [i.address, { service: i.service, params: i.params }]),
    )
    expect(byAddress).toEqual({
      'aws_instance.web[0]': { service: 'ec2', params: { instance_type: 't3.micro', count: 1, hours: 730 } },
      'aws_instance.web[1]': { service: 'ec2', params: { instance_type: 't3.micro', count: 1, hours: 730 } },
      'aws_instance.gpu': { service: 'ec2', params: { instance_type: 'p5.48xlarge', count: 1, hours: 730 } },
      'aws_db_instance.main': {
        service: 'rds',
        params: {
          instance_class: 'db.t3.micro',
          count: 1,
          hours: 730,
          storage_gb: 50,
          storage_type: 'gp3',
          deployment: 'multi_az',
        },
      },
      'aws_lambda_function.api': {
        service: 'lambda',
        params: {
          invocations: 0,
          avg_duration_ms: 0,
          memory_mb: 512,
          architecture: 'arm64',
          ephemeral_storage_mb: 512,
        },
      },
      'aws_sqs_queue.jobs': { service: 'sqs', params: { requests: 0, queue_type: 'fifo' } },
      'aws_sns_topic.events': { service: 'sns', params: { publishes: 0 } },
      'aws_s3_bucket.assets': { service: 's3', params: { storage_gb: 0, put_requests: 0, get_requests: 0 } },
      'aws_dynamodb_table.sessions': {
        service: 'dynamodb',
        params: { write_request_units: 0, read_request_units: 0, storage_gb: 0 },
      },
      'aws_ecs_service.app': {
        service: 'fargate',
        params: {
          tasks: 3,
          vcpu: 0.5,
          memory_gb: 1,
          hours: 730,
          architecture: 'arm64',
          ephemeral_storage_gb: 20,
        },
      },
      'aws_apigatewayv2_api.http': { service: 'apigateway', params: { api_type: 'http', requests: 0 } },
      'aws_api_gateway_rest_api.legacy': { service: 'apigateway', params: { api_type: 'rest', requests: 0 } },
      'aws_cloudwatch_log_group.api': {
        service: 'cloudwatch_logs',
        params: { ingested_gb: 0, stored_gb: 0 },
      },
      'aws_nat_gateway.main': {
        service: 'nat_gateway',
        params: { gateways: 1, hours: 730, data_processed_gb: 0 },
      },
      'aws_eks_cluster.main': { service: 'eks', params: { clusters: 1, hours: 730, support: 'standard' } },
      'aws_kms_key.main': { service: 'kms', params: { keys: 1 } },
      'aws_route53_zone.main': { service: 'route53', params: { hosted_zones: 1, standard_queries: 0 } },
      'aws_cloudtrail.main': {
        service: 'cloudtrail',
        params: { additional_management_events: 0, data_events: 0 },
      },
      'aws_vpc_endpoint.ecr_api': {
        service: 'vpc_endpoints',
        params: { endpoints: 1, availability_zones: 2, hours: 730, data_processed_gb: 0 },
      },
      'aws_ec2_transit_gateway_vpc_attachment.main': {
        service: 'transit_gateway',
        params: { attachments: 1, hours: 730, data_processed_gb: 0 },
      },
      'aws_wafv2_web_acl.edge': { service: 'waf', params: { web_acls: 1, rules: 2, requests: 0 } },
      'aws_sesv2_email_identity.domain': { service: 'ses', params: { emails_sent: 0 } },
      'aws_efs_file_system.shared': {
        service: 'efs',
        params: { throughput_mode: 'elastic', standard_gb: 0 },
      },
      'aws_lb.web': {
        service: 'elb',
        params: { load_balancer_type: 'application', load_balancers: 1, hours: 730 },
      },
      'aws_cloudfront_distribution.site': {
        service: 'cloudfront',
        params: { viewer_geography: 'united_states', price_class: '100', data_out_gb: 0 },
      },
      'aws_elasticache_replication_group.sessions': {
        service: 'elasticache',
        params: {
          deployment: 'node_based',
          engine: 'redis',
          node_type: 'cache.t4g.small',
          nodes: 2,
          hours: 730,
        },
      },
      'aws_rds_cluster.orders': {
        service: 'aurora',
        params: { engine: 'postgresql', storage_configuration: 'io_optimized', storage_gb: 0 },
      },
      'aws_rds_cluster_instance.orders_writer': {
        service: 'aurora',
        params: { engine: 'postgresql', instance_class: 'db.r6g.large', count: 1, hours: 730, storage_gb: 0 },
      },
      'aws_cognito_user_pool.users': {
        service: 'cognito',
        params: { tier: 'lite', monthly_active_users: 0 },
      },
      'aws_ssm_parameter.feature_flags': {
        service: 'ssm',
        params: { advanced_parameters: 1, advanced_api_interactions: 0 },
      },
      'aws_athena_workgroup.analytics': {
        service: 'athena',
        params: { queries: 0, scanned_gb_per_query: 0 },
      },
      'aws_glue_job.etl': {
        service: 'glue',
        params: { job_type: 'standard', job_runs: 0, job_minutes_per_run: 0, job_dpus: 5 },
      },
      'aws_glue_crawler.lake': { service: 'glue', params: { crawler_runs: 0, crawler_minutes_per_run: 0 } },
      'aws_glue_catalog_database.lake': {
        service: 'glue',
        params: { catalog_objects: 0, catalog_requests: 0 },
      },
      'aws_opensearch_domain.search': {
        service: 'opensearch',
        params: {
          deployment: 'managed',
          instance_type: 'c4.2xlarge.search',
          instance_count: 2,
          hours: 730,
          storage_type: 'gp3',
          storage_gb_per_node: 50,
        },
      },
      'aws_apprunner_service.api': {
        service: 'apprunner',
        params: { vcpu: 1, memory_gb: 2, provisioned_instances: 1, hours: 730, active_instance_hours: 0 },
      },
      'aws_mq_broker.events': {
        service: 'mq',
        params: {
          engine: 'rabbitmq',
          instance_type: 'mq.m5.xlarge',
          deployment: 'single_instance',
          hours: 730,
          storage_type: 'ebs',
          storage_gb: 0,
        },
      },
      'aws_secretsmanager_secret.db': {
        service: 'secretsmanager',
        params: { secrets: 1, hours: 730, api_requests: 0 },
      },
      'aws_sfn_state_machine.orders': {
        service: 'stepfunctions',
        params: { workflow_type: 'standard', state_transitions: 0 },
      },
      'aws_kinesis_stream.clicks': {
        service: 'kinesis',
        params: {
          capacity_mode: 'provisioned',
          shards: 1,
          hours: 730,
          records: 0,
          extended_retention: false,
        },
      },
      'aws_kinesis_firehose_delivery_stream.clicks_archive': {
        service: 'firehose',
        params: { records: 0, avg_record_kb: 1, format_conversion: true },
      },
      'aws_ecr_repository.app': { service: 'ecr', params: { storage_gb: 0 } },
      'aws_memorydb_cluster.sessions': {
        service: 'memorydb',
        params: {
          engine: 'valkey',
          node_type: 'db.t4g.small',
          shards: 1,
          replicas_per_shard: 1,
          hours: 730,
          data_written_gb: 0,
        },
      },
      'aws_msk_cluster.events': {
        service: 'msk',
        params: {
          cluster_type: 'provisioned',
          broker_type: 'kafka.m7g.large',
          brokers: 3,
          hours: 730,
          storage_gb_per_broker: 500,
        },
      },
      'aws_msk_serverless_cluster.bursty': {
        service: 'msk',
        params: { cluster_type: 'serverless', hours: 730, partitions: 0, data_in_gb: 0, data_out_gb: 0 },
      },
    })
    expect(items.every((i) => i.label === `terraform: ${i.address}`)).toBe(true)
  })

  it('reports every other managed resource as skipped with a reason, and ignores data sources', () => {
    const { skipped } = planToLineItems(plan)
    expect(Object.fromEntries(skipped.map((s) => [s.address, s.reason]))).toEqual({
      'aws_ecs_cluster.main': 'no charge of its own',
      'aws_ecs_task_definition.app': 'no charge of its own',
      'aws_apigatewayv2_stage.default': 'no charge of its own',
      'aws_iam_role.lambda': 'no charge of its own',
      'aws_xray_sampling_rule.api':
        'no charge of its own: it sets how many requests are recorded, which the usage states as traces',
      'module.network.aws_vpc.main': 'no charge of its own',
    })
  })

  it('merges usage params by address and reports usage for unknown addresses', () => {
    const { items, skipped } = planToLineItems(plan, {
      'aws_sqs_queue.jobs': { requests: 5_000_000 },
      'aws_sqs_queue.gone': { requests: 1 },
    })
    expect(items.find((i) => i.address === 'aws_sqs_queue.jobs')?.params).toEqual({
      requests: 5_000_000,
      queue_type: 'fifo',
    })
    expect(skipped).toContainEqual({
      address: 'aws_sqs_queue.gone',
      type: 'usage',
      reason: 'usage for a resource not in the plan',
    })
  })

  it('skips an ECS service whose task definition is not in the plan, and one on EC2 capacity', () => {
    const resource = (address: string, type: string, values: object) => ({
      address,
      mode: 'managed',
      type,
      values,
    })
    const { items, skipped } = planToLineItems({
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            resource('aws_ecs_service.a', 'aws_ecs_service', {
              launch_type: 'FARGATE',
              task_definition: 'x:1',
            }),
            resource('aws_ecs_service.b', 'aws_ecs_service', { launch_type: 'EC2' }),
            resource('aws_apigatewayv2_api.ws', 'aws_apigatewayv2_api', { protocol_type: 'WEBSOCKET' }),
          ],
        },
      },
    })
    expect(skipped.map((s) => s.address)).toEqual(['aws_ecs_service.a', 'aws_ecs_service.b'])
    expect(items[0]?.params).toEqual({ api_type: 'websocket', requests: 0, connection_minutes: 0 })
  })

  it('recognises a plan', () => {
    expect(isTerraformPlan(plan)).toBe(true)
    expect(isTerraformPlan({ resources: [] })).toBe(false)
  })
})
