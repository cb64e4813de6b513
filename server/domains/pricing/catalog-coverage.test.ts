import { describe, expect, it } from 'vitest'
import { bundledCatalog as catalog } from './catalog.js'
import { priceUsage } from './cost-engine.js'

function cost(result: ReturnType<typeof priceUsage>, usageType: string): string | undefined {
  return result.by_service.flatMap((s) => s.by_usage_type).find((r) => r.usage_type === usageType)?.cost
}

describe('catalog entries', () => {
  const entries = Object.entries(catalog.prices).flatMap(([region, prices]) =>
    Object.entries(prices).map(([usageType, entry]) => ({ region, usageType, entry })),
  )

  it('cite a known source, a confidence and a dated as_of', () => {
    for (const { region, usageType, entry } of entries) {
      const where = `${region} ${usageType}`
      expect(catalog.meta.sources[entry.source], where).toBeDefined()
      expect(['official', 'price-list', 'secondary', 'inferred'], where).toContain(entry.confidence)
      expect(entry.as_of, where).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('use plain decimal strings and ascending bands, unbounded only at the end of a complete list', () => {
    const decimal = /^\d+(\.\d+)?$/
    for (const { region, usageType, entry } of entries) {
      const where = `${region} ${usageType}`
      expect(entry.per, where).toMatch(decimal)
      entry.tiers.forEach((tier, i) => {
        expect(tier.price, where).toMatch(decimal)
        const last = i === entry.tiers.length - 1
        if (tier.upto === null) expect(last && !entry.tiers_incomplete, where).toBe(true)
        else expect(tier.upto, where).toMatch(decimal)
        const previous = entry.tiers[i - 1]?.upto
        if (previous && tier.upto) expect(Number(tier.upto), where).toBeGreaterThan(Number(previous))
      })
      if (entry.tiers_incomplete) expect(entry.tiers.at(-1)?.upto, where).not.toBeNull()
    }
  })
})

describe('regional coverage: representative usage is priced, not unpriced', () => {
  it('us-west-2: S3 storage and GETs, Fargate x86', () => {
    const result = priceUsage({
      region: 'us-west-2',
      usage: {
        's3.storage_gb_month': '1000',
        's3.requests.get': '1000000',
        'fargate.vcpu_hours.x86_64': '730',
        'fargate.gb_hours.x86_64': '1460',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([])
    // 1000 × 0.023 + 1000 × 0.0004 + 730 × 0.04048 + 1460 × 0.004445
    expect(result.total).toBe('59.4401')
  })

  it('eu-west-1: Lambda Arm across the first duration band, REST and HTTP APIs, m5.large, Fargate Arm', () => {
    const result = priceUsage({
      region: 'eu-west-1',
      usage: {
        'lambda.requests': '3000000',
        'lambda.gb_seconds.arm64': '8000000000',
        'apigw.requests.rest': '5000000',
        'apigw.requests.http': '5000000',
        'ec2.instance_hours.m5.large': '730',
        'fargate.vcpu_hours.arm64': '730',
        'fargate.gb_hours.arm64': '1460',
        'cloudwatch_logs.stored_gb_month': '10',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([])
    // 7.5B × 0.0000133334 + 0.5B × 0.0000120001
    expect(cost(result, 'lambda.gb_seconds.arm64')).toBe('106000.55')
    expect(cost(result, 'lambda.requests')).toBe('0.6')
    expect(cost(result, 'apigw.requests.rest')).toBe('17.5')
    expect(cost(result, 'apigw.requests.http')).toBe('5.55')
    expect(cost(result, 'ec2.instance_hours.m5.large')).toBe('78.11')
    expect(cost(result, 'fargate.vcpu_hours.arm64')).toBe('23.6374')
    expect(cost(result, 'cloudwatch_logs.stored_gb_month')).toBe('0.3')
  })

  it('eu-central-1: Lambda x86, S3 storage and requests, RDS PostgreSQL db.t3.micro', () => {
    const result = priceUsage({
      region: 'eu-central-1',
      usage: {
        'lambda.requests': '2000000',
        'lambda.gb_seconds.x86_64': '1000000',
        's3.storage_gb_month': '500',
        's3.requests.put': '100000',
        's3.requests.get': '1000000',
        'rds.instance_hours.db.t3.micro': '730',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([])
    expect(cost(result, 's3.storage_gb_month')).toBe('12.25')
    expect(cost(result, 's3.requests.put')).toBe('0.54')
    expect(cost(result, 's3.requests.get')).toBe('0.43')
    expect(cost(result, 'rds.instance_hours.db.t3.micro')).toBe('15.33')
  })

  it('ap-southeast-1: S3 storage across two bands, requests, Lambda Arm', () => {
    const result = priceUsage({
      region: 'ap-southeast-1',
      usage: {
        's3.storage_gb_month': '52200',
        's3.requests.put': '200000',
        's3.requests.get': '2000000',
        'lambda.requests': '1000000',
        'lambda.gb_seconds.arm64': '100000',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([])
    // 51,200 × 0.025 + 1,000 × 0.024
    expect(cost(result, 's3.storage_gb_month')).toBe('1304')
    expect(cost(result, 's3.requests.put')).toBe('1')
    expect(cost(result, 's3.requests.get')).toBe('0.8')
  })
})

describe('the ten main Regions', () => {
  const mainRegions = [
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'eu-west-1',
    'eu-west-2',
    'eu-central-1',
    'ap-southeast-1',
    'ap-northeast-1',
    'ap-south-1',
    'sa-east-1',
  ]
  // The usage types sourced in every main Region (docs/pricing.md, "Coverage and gaps"). SQS, RDS storage and
  // Bedrock are sourced in us-east-1 only and reported unpriced elsewhere. A usage type added to the catalog
  // later joins this list once its regional prices are sourced.
  const regionalUsageTypes = [
    ...[
      'lambda.requests',
      'lambda.gb_seconds.x86_64',
      'lambda.gb_seconds.arm64',
      'lambda.ephemeral_gb_seconds',
    ],
    ...['sns.publishes', 'sns.deliveries.http', 'sns.deliveries.email', 'sns.deliveries.sqs'],
    ...['s3.storage_gb_month', 's3.requests.put', 's3.requests.get'],
    ...['dynamodb.write_request_units', 'dynamodb.read_request_units', 'dynamodb.storage_gb_month'],
    ...[
      'apigw.requests.rest',
      'apigw.requests.http',
      'apigw.messages.websocket',
      'apigw.connection_minutes.websocket',
    ],
    ...['cloudwatch_logs.ingested_gb', 'cloudwatch_logs.stored_gb_month'],
    ...['t3.micro', 't3.medium', 'm5.large', 'm7g.large', 'c5.xlarge', 'r5.large'].map(
      (t) => `ec2.instance_hours.${t}`,
    ),
    ...['db.t3.micro', 'db.t3.medium', 'db.m5.large'].map((t) => `rds.instance_hours.${t}`),
    ...[
      'fargate.vcpu_hours.x86_64',
      'fargate.gb_hours.x86_64',
      'fargate.vcpu_hours.arm64',
      'fargate.gb_hours.arm64',
    ],
    ...['fargate.ephemeral_gb_hours', 'data_transfer.out_gb'],
  ]

  it('are all in the catalog, among every commercial Region', () => {
    for (const region of mainRegions) expect(catalog.regions[region], region).toBeDefined()
  })

  it.each(mainRegions)('%s prices every regionally sourced usage type, all bands', (region) => {
    const missing = regionalUsageTypes.filter((usageType) => !catalog.prices[region]?.[usageType])
    expect(missing).toEqual([])
    const partial = regionalUsageTypes.filter(
      (usageType) => catalog.prices[region]?.[usageType]?.tiers_incomplete,
    )
    expect(partial).toEqual([])
  })

  it('sa-east-1: 50 TB and 200 TB out to the internet, band by band', () => {
    const price = (gb: string) =>
      priceUsage({
        region: 'sa-east-1',
        usage: { 'data_transfer.out_gb': gb },
        includeFreeTier: false,
        catalog,
      })
    // 10,240 × 0.150 + 40,960 × 0.138, the worked example of a course quoting the 2026-09-16 offer
    expect(price('51200').total).toBe('7188.48')
    // + 102,400 × 0.126 + 51,200 × 0.114
    expect(price('204800').total).toBe('25927.68')
  })

  it('eu-west-2: Fargate x86 and Arm, S3, DynamoDB on-demand, HTTP API', () => {
    const result = priceUsage({
      region: 'eu-west-2',
      usage: {
        'fargate.vcpu_hours.x86_64': '730',
        'fargate.gb_hours.x86_64': '1460',
        'fargate.vcpu_hours.arm64': '730',
        's3.storage_gb_month': '1000',
        'dynamodb.write_request_units': '10000000',
        'dynamodb.read_request_units': '10000000',
        'apigw.requests.http': '1000000',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([])
    expect(cost(result, 'fargate.vcpu_hours.x86_64')).toBe('33.9888')
    expect(cost(result, 'fargate.gb_hours.x86_64')).toBe('7.4606')
    expect(cost(result, 'fargate.vcpu_hours.arm64')).toBe('27.1925')
    expect(cost(result, 's3.storage_gb_month')).toBe('24')
    expect(cost(result, 'dynamodb.write_request_units')).toBe('7.423')
    expect(cost(result, 'dynamodb.read_request_units')).toBe('1.487')
    expect(cost(result, 'apigw.requests.http')).toBe('1.16')
  })

  it('ap-south-1, ap-northeast-1 and us-east-2: EC2, RDS PostgreSQL, CloudWatch Logs, egress', () => {
    const mumbai = priceUsage({
      region: 'ap-south-1',
      usage: {
        'ec2.instance_hours.m7g.large': '730',
        'rds.instance_hours.db.t3.micro': '730',
        'data_transfer.out_gb': '1000',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(mumbai.unpriced).toEqual([])
    expect(cost(mumbai, 'ec2.instance_hours.m7g.large')).toBe('42.559')
    expect(cost(mumbai, 'rds.instance_hours.db.t3.micro')).toBe('18.98')
    expect(cost(mumbai, 'data_transfer.out_gb')).toBe('109.3')

    const tokyo = priceUsage({
      region: 'ap-northeast-1',
      usage: { 'cloudwatch_logs.ingested_gb': '100', 'lambda.ephemeral_gb_seconds': '1000000000' },
      includeFreeTier: false,
      catalog,
    })
    expect(cost(tokyo, 'cloudwatch_logs.ingested_gb')).toBe('76')
    expect(cost(tokyo, 'lambda.ephemeral_gb_seconds')).toBe('37')

    const ohio = priceUsage({
      region: 'us-east-2',
      usage: { 'ec2.instance_hours.m5.large': '730', 'rds.instance_hours.db.m5.large': '730' },
      includeFreeTier: false,
      catalog,
    })
    expect(ohio.total).toBe('200.02')
  })

  it('eu-west-2, ap-southeast-1 and sa-east-1: load balancers, Secrets Manager, Parameter Store, ECR, Scheduler, App Runner', () => {
    // eu-west-2 offer files of 2026-09/10 as quoted by a hosting-cost document (price-list-euw2-hosting-costs)
    const london = priceUsage({
      region: 'eu-west-2',
      usage: {
        'elb.alb_hours': '730',
        'elb.alb_lcu_hours': '1000',
        'secretsmanager.secret_months': '10',
        'secretsmanager.api_requests': '1000000',
        'ssm.advanced_parameter_hours': '7300',
        'ssm.api_interactions': '100000',
        'ecr.storage_gb_months': '50',
        'eventbridge.scheduler_invocations': '20000000',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(london.unpriced).toEqual([])
    expect(cost(london, 'elb.alb_hours')).toBe('19.3158') // 730 × 0.02646
    expect(cost(london, 'elb.alb_lcu_hours')).toBe('8.4')
    expect(cost(london, 'secretsmanager.secret_months')).toBe('4')
    expect(cost(london, 'secretsmanager.api_requests')).toBe('5')
    expect(cost(london, 'ssm.advanced_parameter_hours')).toBe('0.5') // 10 parameters all month
    expect(cost(london, 'ssm.api_interactions')).toBe('0.5')
    expect(cost(london, 'ecr.storage_gb_months')).toBe('5')
    expect(cost(london, 'eventbridge.scheduler_invocations')).toBe('23') // 20M × $1.15 per million
    const londonNlb = priceUsage({
      region: 'eu-west-2',
      usage: { 'elb.nlb_hours': '730' },
      includeFreeTier: false,
      catalog,
    })
    expect(londonNlb.unpriced.map((u) => u.usage_type)).toEqual(['elb.nlb_hours'])

    // ap-southeast-1 offer files of 2026-09-11 (price-list-apse1-prices-json)
    const singapore = priceUsage({
      region: 'ap-southeast-1',
      usage: {
        'elb.alb_hours': '730',
        'elb.alb_lcu_hours': '730',
        'secretsmanager.secret_months': '1',
        'secretsmanager.api_requests': '10000',
        'ecr.storage_gb_months': '10',
        'apprunner.active_vcpu_hours': '730',
        'apprunner.active_gb_hours': '1460',
        'apprunner.provisioned_gb_hours': '1460',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(cost(singapore, 'elb.alb_hours')).toBe('18.396')
    expect(cost(singapore, 'elb.alb_lcu_hours')).toBe('5.84')
    expect(cost(singapore, 'secretsmanager.secret_months')).toBe('0.4')
    expect(cost(singapore, 'ecr.storage_gb_months')).toBe('1')
    expect(cost(singapore, 'apprunner.active_vcpu_hours')).toBe('59.057')
    expect(cost(singapore, 'apprunner.active_gb_hours')).toBe('12.921')
    expect(singapore.unpriced.map((u) => u.usage_type)).toEqual(['apprunner.provisioned_gb_hours'])

    // the whole sa-east-1 AWSELB offer of 2026-07-20 (price-list-sae1-elb-offer)
    const saoPaulo = priceUsage({
      region: 'sa-east-1',
      usage: {
        'elb.alb_hours': '730',
        'elb.alb_lcu_hours': '100',
        'elb.nlb_hours': '730',
        'elb.nlb_lcu_hours': '1000',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(saoPaulo.unpriced).toEqual([])
    expect(cost(saoPaulo, 'elb.alb_hours')).toBe('24.82')
    expect(cost(saoPaulo, 'elb.alb_lcu_hours')).toBe('1.1')
    expect(cost(saoPaulo, 'elb.nlb_lcu_hours')).toBe('8.25')
    expect(saoPaulo.total).toBe('58.99')
  })

  it('eu-west-1 load balancers: the Elastic Beanstalk golden test and a 2022 bill', () => {
    const ireland = priceUsage({
      region: 'eu-west-1',
      usage: {
        'elb.nlb_hours': '730',
        'elb.nlb_lcu_hours': '25000', // the golden's 34.2465 LCU-months
        'elb.alb_hours': '59',
        'elb.alb_lcu_hours': '0.026',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(ireland.unpriced).toEqual([])
    expect(cost(ireland, 'elb.nlb_hours')).toBe('18.396') // printed $18.40
    expect(cost(ireland, 'elb.nlb_lcu_hours')).toBe('150')
    expect(cost(ireland, 'elb.alb_hours')).toBe('1.4868')
    expect(cost(ireland, 'elb.alb_lcu_hours')).toBe('0.000208')
  })

  it('ap-northeast-1: the NLB hour of a Tokyo deployment priced from the 2026-10-10 rates', () => {
    const tokyo = priceUsage({
      region: 'ap-northeast-1',
      usage: { 'elb.nlb_hours': '730', 'elb.nlb_lcu_hours': '730' },
      includeFreeTier: false,
      catalog,
    })
    expect(cost(tokyo, 'elb.nlb_hours')).toBe('17.739')
    expect(cost(tokyo, 'elb.nlb_lcu_hours')).toBe('4.38') // the 2026-09-03 snapshot's $0.006
  })

  it('us-west-2 ALB hours from an Oregon cost table', () => {
    const oregon = priceUsage({
      region: 'us-west-2',
      usage: { 'elb.alb_hours': '730', 'elb.alb_lcu_hours': '730' },
      includeFreeTier: false,
      catalog,
    })
    expect(cost(oregon, 'elb.alb_hours')).toBe('16.425')
    expect(cost(oregon, 'elb.alb_lcu_hours')).toBe('5.84') // the 2026-09-03 snapshot's $0.008
  })

  it('us-west-2 Secrets Manager from a cost model citing the 2026-08-31 offer SKUs', () => {
    const oregon = priceUsage({
      region: 'us-west-2',
      usage: { 'secretsmanager.secret_months': '10', 'secretsmanager.api_requests': '1000000' },
      includeFreeTier: false,
      catalog,
    })
    expect(oregon.unpriced).toEqual([])
    expect(oregon.total).toBe('9') // 10 × $0.40 + 1,000,000 × $0.000005
  })

  it('us-west-2 X-Ray: traces recorded and retrieved or scanned; Insights unpriced', () => {
    const oregon = priceUsage({
      region: 'us-west-2',
      usage: {
        'xray.traces_recorded': '148800',
        'xray.traces_retrieved_scanned': '2775000',
        'xray.insights_traces': '148800',
      },
      includeFreeTier: true,
      catalog,
    })
    // 148,800 traces recorded as in the pricing page's example 1 (48,800 billable); 1,775,000 billable retrieved
    expect(cost(oregon, 'xray.traces_recorded')).toBe('0.244')
    expect(cost(oregon, 'xray.traces_retrieved_scanned')).toBe('0.8875')
    expect(oregon.unpriced.map((u) => u.usage_type)).toEqual(['xray.insights_traces'])
  })

  it('ap-northeast-1 Secrets Manager and Scheduler from a Tokyo backup design (2026-08-31 offers)', () => {
    const tokyo = priceUsage({
      region: 'ap-northeast-1',
      usage: {
        'secretsmanager.secret_months': '2',
        'secretsmanager.api_requests': '10000',
        'eventbridge.scheduler_invocations': '30',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(tokyo.unpriced).toEqual([])
    expect(cost(tokyo, 'secretsmanager.secret_months')).toBe('0.8') // '2 secrets $0.80/month'
    expect(cost(tokyo, 'secretsmanager.api_requests')).toBe('0.05')
    expect(cost(tokyo, 'eventbridge.scheduler_invocations')).toBe('0.000038') // '30 invocations = $0.0000375'
  })

  it('ap-southeast-1 Secrets Manager API calls from a pricing snapshot of the AWSSecretsManager offer', () => {
    const singapore = priceUsage({
      region: 'ap-southeast-1',
      usage: { 'secretsmanager.secret_months': '50', 'secretsmanager.api_requests': '10000' },
      includeFreeTier: false,
      catalog,
    })
    expect(singapore.unpriced).toEqual([])
    expect(singapore.total).toBe('20.05') // its line: '50 secrets plus 10,000 API calls' = 20.05
  })

  it('eu-central-1 Parameter Store from a Frankfurt hosting study citing the AWSSystemsManager offer', () => {
    const frankfurt = priceUsage({
      region: 'eu-central-1',
      usage: { 'ssm.advanced_parameter_hours': '730', 'ssm.api_interactions': '10000' },
      includeFreeTier: false,
      catalog,
    })
    expect(frankfurt.unpriced).toEqual([])
    // 'Advanced parameters are $0.05/month, and higher-throughput API calls are $0.05 per 10k'
    expect(frankfurt.total).toBe('0.1')
  })

  it('ap-northeast-2 Scheduler from the 2026-09-11 AWSEvents offer, after its 14 million free', () => {
    const seoul = priceUsage({
      region: 'ap-northeast-2',
      usage: { 'eventbridge.scheduler_invocations': '20000000' },
      includeFreeTier: true,
      catalog,
    })
    expect(seoul.unpriced).toEqual([])
    expect(seoul.total).toBe('6.9') // (20M − 14M free) × $0.00000115
  })

  it('load balancers, Secrets Manager, custom events and ECR from the 2026-09-03 Price List snapshots', () => {
    const month = (region: string) =>
      priceUsage({
        region,
        usage: {
          'elb.alb_hours': '730',
          'elb.alb_lcu_hours': '730',
          'elb.nlb_hours': '730',
          'elb.nlb_lcu_hours': '730',
          'eventbridge.custom_events': '1000000',
        },
        includeFreeTier: false,
        catalog,
      })
    const frankfurt = month('eu-central-1')
    expect(frankfurt.unpriced).toEqual([])
    expect(cost(frankfurt, 'elb.alb_hours')).toBe('19.71') // 730 × $0.027
    expect(cost(frankfurt, 'elb.alb_lcu_hours')).toBe('5.84')
    expect(cost(frankfurt, 'elb.nlb_lcu_hours')).toBe('4.38')
    expect(frankfurt.total).toBe('50.64')
    const tokyo = month('ap-northeast-1')
    expect(tokyo.unpriced).toEqual([])
    expect(cost(tokyo, 'elb.alb_hours')).toBe('17.739') // 730 × $0.0243, as the NLB hour
    expect(month('us-west-2').total).toBe('44.07') // 2 × 16.425 + 5.84 + 4.38 + 1
    expect(month('ap-northeast-2').total).toBe('44.07')
    for (const region of ['eu-central-1', 'ap-northeast-1', 'ap-northeast-2']) {
      const storage = priceUsage({
        region,
        usage: {
          'ecr.storage_gb_months': '50',
          'secretsmanager.secret_months': '1',
          'secretsmanager.api_requests': '10000',
        },
        includeFreeTier: false,
        catalog,
      })
      expect(storage.unpriced, region).toEqual([])
      expect(storage.total, region).toBe('5.45')
    }
  })

  it('ap-south-1 ALB from the rates an account was billed on 2026-09-16; the NLB is unpriced', () => {
    const mumbai = priceUsage({
      region: 'ap-south-1',
      usage: { 'elb.alb_hours': '730', 'elb.alb_lcu_hours': '730', 'elb.nlb_hours': '730' },
      includeFreeTier: false,
      catalog,
    })
    expect(cost(mumbai, 'elb.alb_hours')).toBe('17.447')
    expect(cost(mumbai, 'elb.alb_lcu_hours')).toBe('5.84')
    expect(mumbai.unpriced.map((u) => u.usage_type)).toEqual(['elb.nlb_hours'])
  })

  it('eu-west-1 Secrets Manager and ECR from a rate snapshot of the 2026-09-11 offers', () => {
    const ireland = priceUsage({
      region: 'eu-west-1',
      usage: {
        'secretsmanager.secret_months': '1',
        'secretsmanager.api_requests': '1000',
        'ecr.storage_gb_months': '1',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(ireland.unpriced).toEqual([])
    expect(ireland.total).toBe('0.505') // the snapshot's scenario: 1 secret, 1,000 reads, 1 GiB of images
  })

  it('us-east-2 Secrets Manager and ECR from a rate snapshot naming the 2026-09-11 offer SKUs', () => {
    const ohio = priceUsage({
      region: 'us-east-2',
      usage: {
        'secretsmanager.secret_months': '2',
        'secretsmanager.api_requests': '1000',
        'ecr.storage_gb_months': '2',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(ohio.unpriced).toEqual([])
    // the snapshot's month: 2 secrets ($0.80) and 2 GiB of images ($0.20) of its $3.30
    // recurring total, plus its 1,000 secret reads ($0.005)
    expect(ohio.total).toBe('1.005')
  })

  it('sa-east-1 Step Functions Express: requests, and duration within its first band only', () => {
    const saoPaulo = (gbSeconds: string) =>
      priceUsage({
        region: 'sa-east-1',
        usage: { 'stepfunctions.express_requests': '1000000', 'stepfunctions.express_gb_seconds': gbSeconds },
        includeFreeTier: false,
        catalog,
      })
    // the cost analysis's happy path: 10 s at 64 MB = 0.625 GB-s, $0.0000104 a run; a million runs
    const within = saoPaulo('625000')
    expect(within.unpriced).toEqual([])
    expect(cost(within, 'stepfunctions.express_requests')).toBe('1')
    expect(cost(within, 'stepfunctions.express_gb_seconds')).toBe('10.41875')
    // beyond the first 3,600,000 GB-seconds the sa-east-1 bands are not sourced
    const beyond = saoPaulo('4000000')
    expect(cost(beyond, 'stepfunctions.express_gb_seconds')).toBe('60.012')
    expect(beyond.unpriced.map((u) => [u.usage_type, u.quantity])).toEqual([
      ['stepfunctions.express_gb_seconds', '400000'],
    ])
  })
})
