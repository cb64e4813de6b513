import { describe, expect, it } from 'vitest'
import { bundledCatalog as catalog, findNotOffered } from './catalog.js'
import { priceUsage } from './cost-engine.js'
import { catalogCoverage, MAIN_REGIONS } from './coverage.js'

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
  const mainRegions = [...MAIN_REGIONS]
  // The usage types sourced in every main Region (docs/pricing.md, "Coverage and gaps"). Bedrock models and EC2
  // Windows and Dedicated rates are sourced in some Regions only (their own tests below) and reported unpriced
  // elsewhere. A usage type added to the catalog later joins this list once its regional prices are sourced.
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
    ...['m5.large', 'm7g.large', 'c5.xlarge', 'r5.large'].map(
      (t) => `lambda.managed_instance_fee_hours.${t}`,
    ),
    // issue #21: completed in the ten main Regions with AWS's rate maps in iann0036/aws-price-watcher
    ...['elb.alb_hours', 'elb.alb_lcu_hours', 'elb.nlb_hours', 'elb.nlb_lcu_hours'],
    ...['secretsmanager.secret_months', 'secretsmanager.api_requests'],
    ...['s3.storage_gb_month.deep_archive', 's3.requests.put.deep_archive'],
    ...['db.t4g.small', 'db.t4g.medium'].flatMap((t) => [
      `memorydb.node_hours.${t}`,
      `memorydb.valkey_node_hours.${t}`,
    ]),
    ...['memorydb.data_written_gb.redis', 'memorydb.data_written_gb.valkey', 'memorydb.snapshot_gb_months'],
    // Aurora from AWS's Aurora rate maps of 2025-05-23 (db.r8g, Backtrack and Database Insights are not in all ten)
    ...['postgresql', 'mysql'].flatMap((engine) =>
      [
        'db.t3.medium',
        'db.t3.large',
        'db.t4g.medium',
        'db.t4g.large',
        'db.r5.large',
        'db.r5.xlarge',
        'db.r6g.large',
        'db.r6g.xlarge',
        'db.r6g.2xlarge',
        'db.r7g.large',
        'db.r7g.xlarge',
        'db.r7g.2xlarge',
      ].map((c) => `aurora.instance_hours.${engine}.${c}`),
    ),
    ...['db.t4g.medium', 'db.r6g.large', 'db.r6g.xlarge', 'db.r6g.2xlarge', 'db.r7g.xlarge'].map(
      (c) => `aurora.instance_hours_io_optimized.postgresql.${c}`,
    ),
    ...['aurora.acu_hours.standard', 'aurora.acu_hours.io_optimized'],
    ...['aurora.storage_gb_month.standard', 'aurora.storage_gb_month.io_optimized'],
    ...['aurora.io_requests', 'aurora.backup_gb_month'],
    // issue #21: the Lambda rate map of 2025-12-17 (source page-rates-lambda-2025-12)
    ...['lambda.esm_epu_hours.sqs', 'lambda.tenant_environment_gb.x86_64'],
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

  it('price SQS provisioned-mode EPUs and x86 tenant isolation at the 2025-12-17 Lambda rate map’s figures', () => {
    // Read under regionless codes Mwt8a0FC3o… (SQS EPU-hour) and K5bCBU3X5W… (tenant isolation, per GB) in each
    // Region's section of the map; us-east-1 keeps the page's figures ($0.00925, $0.000167 as printed).
    const sqs: Record<string, string> = {
      'us-east-2': '0.00925',
      'us-west-2': '0.00925',
      'eu-west-1': '0.01035',
      'eu-west-2': '0.01065',
      'eu-central-1': '0.01105',
      'ap-southeast-1': '0.01155',
      'ap-northeast-1': '0.0119',
      'ap-south-1': '0.0097',
      'sa-east-1': '0.0147',
    }
    for (const [region, price] of Object.entries(sqs)) {
      for (const [usageType, expected] of [
        ['lambda.esm_epu_hours.sqs', price],
        ['lambda.tenant_environment_gb.x86_64', '0.000166667'],
      ] as const) {
        const entry = catalog.prices[region]?.[usageType]
        expect(entry?.tiers, `${region} ${usageType}`).toEqual([{ upto: null, price: expected }])
        expect([entry?.source, entry?.confidence, entry?.as_of]).toEqual([
          'page-rates-lambda-2025-12',
          'price-list',
          '2025-12-17',
        ])
      }
    }
    expect(catalog.prices['us-east-1']?.['lambda.esm_epu_hours.sqs']?.tiers[0]?.price).toBe('0.00925')
    expect(catalog.prices['us-east-1']?.['lambda.tenant_environment_gb.x86_64']?.tiers[0]?.price).toBe(
      '0.000167',
    )
    // 500 EPU-hours in Frankfurt: 500 × $0.01105 = $5.525; 3,000 environments of 2 GB in Mumbai: 6,000 × $0.000166667.
    const frankfurt = priceUsage({
      region: 'eu-central-1',
      usage: { 'lambda.esm_epu_hours.sqs': '500' },
      catalog,
      includeFreeTier: false,
    })
    expect(cost(frankfurt, 'lambda.esm_epu_hours.sqs')).toBe('5.525')
    const mumbai = priceUsage({
      region: 'ap-south-1',
      usage: { 'lambda.tenant_environment_gb.x86_64': '6000' },
      catalog,
      includeFreeTier: false,
    })
    expect(Number(cost(mumbai, 'lambda.tenant_environment_gb.x86_64')).toFixed(2)).toBe('1.00')
  })

  it('price the Lambda Managed Instances fee at 15% of the same Region’s EC2 On-Demand rate, exactly where that rate is', () => {
    // AWS's rule (https://aws.amazon.com/lambda/pricing/, "15% premium on the EC2 on-demand instance price") applied to
    // each Region's own sourced EC2 rate; a Region without the EC2 rate of a type has no fee for it either.
    const feeTypes = Object.keys(catalog.prices['us-east-1'] ?? {})
      .filter((usageType) => usageType.startsWith('lambda.managed_instance_fee_hours.'))
      .map((usageType) => usageType.slice('lambda.managed_instance_fee_hours.'.length))
    expect(feeTypes).toHaveLength(64)
    for (const region of mainRegions) {
      const prices = catalog.prices[region] ?? {}
      for (const type of feeTypes) {
        const fee = prices[`lambda.managed_instance_fee_hours.${type}`]
        const ec2 = prices[`ec2.instance_hours.${type}`]
        expect(Boolean(fee), `${region} ${type}`).toBe(Boolean(ec2))
        if (!fee || !ec2) continue
        expect(fee.confidence).toBe('inferred')
        expect(fee.note).toContain(` in ${region} ($${ec2.tiers[0]?.price}, source ${ec2.source})`)
        expect(Number(fee.tiers[0]?.price)).toBeCloseTo(Number(ec2.tiers[0]?.price) * 0.15, 10)
      }
    }
    // Outside the main ten (LMI sold in all commercial Regions but four since 2026-06-08): every fee is 15% of the same
    // Region's EC2 entry, and the four Regions without LMI claim both its fee and its request rate not offered.
    for (const [region, prices] of Object.entries(catalog.prices)) {
      if ((mainRegions as string[]).includes(region)) continue
      for (const [usageType, fee] of Object.entries(prices)) {
        if (!usageType.startsWith('lambda.managed_instance_fee_hours.')) continue
        const type = usageType.slice('lambda.managed_instance_fee_hours.'.length)
        const ec2 = prices[`ec2.instance_hours.${type}`]
        expect(ec2, `${region} ${type}`).toBeDefined()
        expect(fee.note).toContain(` in ${region} ($${ec2?.tiers[0]?.price}, source ${ec2?.source})`)
        expect(Number(fee.tiers[0]?.price)).toBeCloseTo(Number(ec2?.tiers[0]?.price) * 0.15, 10)
      }
    }
    for (const region of ['il-central-1', 'me-south-1', 'me-central-1', 'ap-southeast-6']) {
      expect(findNotOffered(catalog, region, 'lambda.managed_instance_fee_hours.m7g.large')?.source).toBe(
        'lambda-mi-regions-2026-06',
      )
      expect(findNotOffered(catalog, region, 'lambda.managed_instance_requests')).toBeDefined()
    }
    // AWS does not sell m7a in ap-southeast-1, ap-south-1 and sa-east-1 (page-rates-ec2-2026-03): no EC2 rate, no fee,
    // and both are claimed not offered there (docs/pricing.md).
    for (const region of ['ap-southeast-1', 'ap-south-1', 'sa-east-1']) {
      expect(catalog.prices[region]?.['lambda.managed_instance_fee_hours.m7a.large']).toBeUndefined()
      expect(findNotOffered(catalog, region, 'lambda.managed_instance_fee_hours.m7a.large')).toBeDefined()
      expect(findNotOffered(catalog, region, 'ec2.instance_hours.m7a.large')).toBeDefined()
    }
    // sa-east-1 m7g.large $0.1301 an hour (page-rates-ec2): fee $0.019515, 2 instances all month pay $28.49.
    const saoPaulo = priceUsage({
      region: 'sa-east-1',
      usage: { 'lambda.managed_instance_fee_hours.m7g.large': '1460' },
      includeFreeTier: false,
      catalog,
    })
    expect(Number(cost(saoPaulo, 'lambda.managed_instance_fee_hours.m7g.large')).toFixed(2)).toBe('28.49')
  })

  // EC2 Linux and RDS PostgreSQL/MySQL Reserved Instances: AWS's rate maps mirrored in github.com/yeo/ec2.shop
  // (commit 74c9fd8; ec2-ri-rate-maps, rds-ri-rate-maps) hold every offer below for every type or class the Region
  // sells On-Demand, so a main Region with an On-Demand rate and no reserved one is a gap in the catalog. Types priced
  // On-Demand only from AWS's later rate map (page-rates-ec2-2026-03: m7a in eu-west-2) are not in those maps.
  it.each(mainRegions)(
    '%s prices every mirrored Reserved Instance offer of what it sells On-Demand',
    (region) => {
      const prices = catalog.prices[region] ?? {}
      const ec2Types = Object.keys(prices)
        .filter(
          (usageType) =>
            usageType.startsWith('ec2.instance_hours.') &&
            prices[usageType]?.source !== 'page-rates-ec2-2026-03',
        )
        .map((usageType) => usageType.slice('ec2.instance_hours.'.length))
      const ec2Offers = ['standard', 'convertible'].flatMap((offeringClass) =>
        ['1y', '3y'].map((term) => `${offeringClass}_${term}_no_upfront`),
      )
      const onDemandOf = {
        postgresql_single_az: 'rds.instance_hours.',
        postgresql_multi_az: 'rds.instance_hours_multi_az.',
        mysql_single_az: 'rds.mysql_instance_hours.',
        mysql_multi_az: 'rds.mysql_instance_hours_multi_az.',
      }
      const rdsOffers = Object.entries(onDemandOf).flatMap(([engineDeployment, prefix]) =>
        Object.keys(prices)
          .filter(
            (usageType) => usageType.startsWith(prefix) && usageType.slice(prefix.length).startsWith('db.'),
          )
          // classes priced only from AWS's 2026 On-Demand maps (São Paulo's db.m7g and db.r7g) are newer than the
          // 2025 reserved-instance mirror, which has no row for them: a known gap, asserted below
          .filter((usageType) => prices[usageType]?.source !== 'page-rates-rds-ondemand-2026-sae1')
          .flatMap((usageType) => {
            const offer = (payment: string) =>
              `${payment}.${engineDeployment}.${usageType.slice(prefix.length)}`
            return [
              `rds.reserved_hours.${offer('1y_no_upfront')}`,
              `rds.reserved_hours.${offer('1y_partial_upfront')}`,
              `rds.reserved_upfront.${offer('1y_partial_upfront')}`,
              `rds.reserved_hours.${offer('3y_partial_upfront')}`,
              `rds.reserved_upfront.${offer('3y_partial_upfront')}`,
            ]
          }),
      )
      const expected = [
        ...ec2Types.flatMap((type) => ec2Offers.map((offer) => `ec2.reserved_hours.${offer}.${type}`)),
        ...rdsOffers,
      ]
      expect(expected.length).toBeGreaterThan(600)
      expect(expected.filter((usageType) => !prices[usageType])).toEqual([])
      for (const usageType of expected) {
        expect(prices[usageType]?.source, usageType).toMatch(/^(ec2|rds)-ri-rate-maps$/)
      }
      // the known gap: São Paulo's db.m7g.large and db.r7g.large have On-Demand rates (2026 maps) and no reserved one
      const newer = Object.keys(prices).filter(
        (usageType) => prices[usageType]?.source === 'page-rates-rds-ondemand-2026-sae1',
      )
      expect(newer.length).toBe(region === 'sa-east-1' ? 12 : 0)
      for (const usageType of newer) {
        const klass = usageType.slice(usageType.indexOf('.db.') + 1)
        expect(
          Object.keys(prices).filter((key) => key.startsWith('rds.reserved_') && key.endsWith(`.${klass}`)),
          usageType,
        ).toEqual([])
      }
    },
  )

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
    expect(cost(london, 'ssm.advanced_parameter_hours')).toBe('0.511') // 10 parameters all month, page-rates-ssm
    expect(cost(london, 'ssm.api_interactions')).toBe('0.5')
    expect(cost(london, 'ecr.storage_gb_months')).toBe('5')
    expect(cost(london, 'eventbridge.scheduler_invocations')).toBe('23') // 20M × $1.15 per million
    // the NLB from the eu-west-2 AWSELB offer slice of 2026-08-31 (price-list-togen-euw2-offer-slices)
    const londonNlb = priceUsage({
      region: 'eu-west-2',
      usage: { 'elb.nlb_hours': '730', 'elb.nlb_lcu_hours': '1000' },
      includeFreeTier: false,
      catalog,
    })
    expect(londonNlb.unpriced).toEqual([])
    expect(cost(londonNlb, 'elb.nlb_hours')).toBe('19.3158') // 730 × 0.02646
    expect(cost(londonNlb, 'elb.nlb_lcu_hours')).toBe('6')

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
    // provisioned memory from AWS's App Runner rate map of 2026-08-31 (page-rates-apprunner)
    expect(cost(singapore, 'apprunner.provisioned_gb_hours')).toBe('12.921')
    expect(singapore.unpriced).toEqual([])

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

  // us-west-2 recorded and retrieved from a cost analysis, ap-south-1 from the 2026-09-18 Price List, Insights in both
  // from AWS's X-Ray rate map of 2025-03-13 (page-rates-xray): the same rates in both Regions.
  it.each(['us-west-2', 'ap-south-1'])(
    '%s X-Ray: traces recorded, retrieved or scanned, and Insights',
    (region) => {
      const result = priceUsage({
        region,
        usage: {
          'xray.traces_recorded': '148800',
          'xray.traces_retrieved_scanned': '2775000',
          'xray.insights_traces': '148800',
        },
        includeFreeTier: true,
        catalog,
      })
      // 148,800 traces recorded as in the pricing page's example 1: 48,800 billable × $5.00 per million; 1,775,000
      // billable retrieved or scanned × $0.50; Insights 148,800 × $1.00 per million, no free tier
      expect(cost(result, 'xray.traces_recorded')).toBe('0.244')
      expect(cost(result, 'xray.traces_retrieved_scanned')).toBe('0.8875')
      expect(result.unpriced).toEqual([])
      expect(cost(result, 'xray.insights_traces')).toBe('0.1488')
    },
  )

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

  it('eu-central-1 Parameter Store: API calls from a Frankfurt hosting study, parameter-hours from the rate map', () => {
    const frankfurt = priceUsage({
      region: 'eu-central-1',
      usage: { 'ssm.advanced_parameter_hours': '730', 'ssm.api_interactions': '10000' },
      includeFreeTier: false,
      catalog,
    })
    expect(frankfurt.unpriced).toEqual([])
    // 'higher-throughput API calls are $0.05 per 10k'; the parameter at the rate map's $0.00007 an hour
    // (page-rates-ssm; the study's '$0.05/month' is the pricing page's rounded monthly figure)
    expect(frankfurt.total).toBe('0.1011')
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

  it('ap-south-1 ALB from the rates an account was billed on 2026-09-16', () => {
    const mumbai = priceUsage({
      region: 'ap-south-1',
      usage: { 'elb.alb_hours': '730', 'elb.alb_lcu_hours': '730' },
      includeFreeTier: false,
      catalog,
    })
    expect(cost(mumbai, 'elb.alb_hours')).toBe('17.447')
    expect(cost(mumbai, 'elb.alb_lcu_hours')).toBe('5.84')
    expect(mumbai.unpriced).toEqual([])
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

  it('sa-east-1 Step Functions Express: requests, and duration in every band', () => {
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
    // beyond the first 3,600,000 GB-seconds, the bands of AWS's rate map of 2025-03-18 (page-rates-stepfunctions):
    // 3,600,000 × $0.00001667 + 400,000 × $0.00000833
    const beyond = saoPaulo('4000000')
    expect(beyond.unpriced).toEqual([])
    expect(cost(beyond, 'stepfunctions.express_gb_seconds')).toBe('63.344')
  })
})

describe('regional prices of the second batch (SQS, RDS storage, Aurora, ElastiCache Serverless, ...)', () => {
  const mainRegions = [...MAIN_REGIONS]
  const price = (region: string, usage: Record<string, string>) =>
    priceUsage({ region, usage, includeFreeTier: false, catalog })

  it.each(mainRegions)('%s: ElastiCache Serverless, every engine', (region) => {
    const engines = ['redis', 'valkey', 'memcached']
    const usage = Object.fromEntries(
      engines.flatMap((e) => [
        [`elasticache.serverless_gb_hours.${e}`, '730'],
        [`elasticache.serverless_ecpus.${e}`, '1000000000'],
      ]),
    )
    expect(price(region, usage).unpriced).toEqual([])
  })

  it('ElastiCache Serverless rates to the cent (rate map of 2025-03-14)', () => {
    // London Redis OSS: 730 GB-hours × $0.147 + 1,000M ECPUs × $0.004 per million
    const london = price('eu-west-2', {
      'elasticache.serverless_gb_hours.redis': '730',
      'elasticache.serverless_ecpus.redis': '1000000000',
    })
    expect(london.total).toBe('111.31')
    // São Paulo Valkey: 730 × $0.133 + 1,000M × $0.0037
    const saoPaulo = price('sa-east-1', {
      'elasticache.serverless_gb_hours.valkey': '730',
      'elasticache.serverless_ecpus.valkey': '1000000000',
    })
    expect(saoPaulo.total).toBe('100.79')
  })
  it('eu-west-2: SQS first bands, Aurora Standard and I/O-Optimized Serverless v2, RDS gp3 and backup (offers of 2026-09/10)', () => {
    const london = price('eu-west-2', {
      'sqs.requests.standard': '10000000',
      'sqs.requests.fifo': '10000000',
      'aurora.acu_hours.standard': '730',
      'aurora.acu_hours.io_optimized': '730',
      'aurora.storage_gb_month.standard': '100',
      'aurora.io_requests': '50000000',
      'aurora.backup_gb_month': '100',
      'rds.storage_gb_month.gp3': '100',
      'rds.backup_gb_month': '100',
    })
    expect(london.unpriced).toEqual([])
    expect(cost(london, 'sqs.requests.standard')).toBe('4')
    expect(cost(london, 'sqs.requests.fifo')).toBe('5')
    expect(cost(london, 'aurora.acu_hours.standard')).toBe('102.2')
    expect(cost(london, 'aurora.acu_hours.io_optimized')).toBe('138.7')
    // + 100 × 0.10 + 50 × 0.20 + 100 × 0.022 + 100 × 0.133 + 100 × 0.10
    expect(london.total).toBe('295.4')
  })
  it('RDS gp3 storage in eu-central-1, ap-northeast-1 and sa-east-1, Aurora backup in sa-east-1', () => {
    // 100 GB × $0.137 Single-AZ + 100 GB × $0.274 Multi-AZ in Frankfurt
    const frankfurt = price('eu-central-1', {
      'rds.storage_gb_month.gp3': '100',
      'rds.storage_gb_month_multi_az.gp3': '100',
    })
    expect(frankfurt.unpriced).toEqual([])
    expect(frankfurt.total).toBe('41.1')
    expect(price('ap-northeast-1', { 'rds.storage_gb_month.gp3': '20' }).total).toBe('2.76')
    expect(price('sa-east-1', { 'aurora.backup_gb_month': '1000' }).total).toBe('37')
    // São Paulo gp3: 100 GB × $0.219 Single-AZ + 100 GB × $0.438 Multi-AZ
    expect(
      price('sa-east-1', { 'rds.storage_gb_month.gp3': '100', 'rds.storage_gb_month_multi_az.gp3': '100' })
        .total,
    ).toBe('65.7')
  })

  it('ap-northeast-2 (Seoul): RDS storage, backup and Extended Support, Aurora PostgreSQL (offers of 2026-10-01)', () => {
    const seoul = price('ap-northeast-2', {
      'rds.storage_gb_month.gp3': '20',
      'rds.storage_gb_month_multi_az.gp3': '20',
      'rds.backup_gb_month': '100',
      'rds.extended_support_vcpu_hours.year_1': '1460',
      'rds.extended_support_vcpu_hours.year_2': '1460',
      'aurora.instance_hours.postgresql.db.t4g.medium': '730',
      'aurora.instance_hours_io_optimized.postgresql.db.t4g.medium': '730',
      'aurora.storage_gb_month.standard': '100',
      'aurora.storage_gb_month.io_optimized': '100',
      'aurora.io_requests': '10000000',
      'aurora.backup_gb_month': '100',
      'aurora.acu_hours.standard': '365',
      'sqs.requests.standard': '1000000',
      'sqs.requests.fifo': '1000000',
    })
    expect(seoul.unpriced).toEqual([])
    expect(cost(seoul, 'rds.storage_gb_month.gp3')).toBe('2.62')
    expect(cost(seoul, 'rds.storage_gb_month_multi_az.gp3')).toBe('5.24')
    expect(cost(seoul, 'rds.extended_support_vcpu_hours.year_1')).toBe('175.2')
    expect(cost(seoul, 'aurora.instance_hours.postgresql.db.t4g.medium')).toBe('82.49')
    expect(cost(seoul, 'aurora.instance_hours_io_optimized.postgresql.db.t4g.medium')).toBe('107.31')
    expect(cost(seoul, 'aurora.io_requests')).toBe('2.4')
    // 0.5 ACU all month × $0.20, the document's own "≈ $73/월"
    expect(cost(seoul, 'aurora.acu_hours.standard')).toBe('73')
    // 2.62 + 5.24 + 9.5 + 175.2 × 2 + 82.49 + 107.31 + 12 + 27 + 2.4 + 2.3 + 73 + 0.4 + 0.5
    expect(seoul.total).toBe('675.16')
  })
  it('Aurora storage in us-west-2, eu-central-1 and ap-northeast-1, Tokyo I/O-Optimized storage and I/O, London Backtrack (2026-09 Price List)', () => {
    // Snapshots of 2026-09-03 (price-list-snapshots-cost-calculator): Standard storage $0.10 Oregon, $0.119 Frankfurt
    expect(price('us-west-2', { 'aurora.storage_gb_month.standard': '250' }).total).toBe('25')
    expect(price('eu-central-1', { 'aurora.storage_gb_month.standard': '250' }).total).toBe('29.75')
    // Tokyo (aurora-offer-apn1-storage-io): 500 GB × $0.12 + 300M I/O × $0.24 per million; I/O-Optimized 500 GB × $0.27
    const tokyo = price('ap-northeast-1', {
      'aurora.storage_gb_month.standard': '500',
      'aurora.io_requests': '300000000',
      'aurora.storage_gb_month.io_optimized': '500',
      'aurora.acu_hours.standard': '730',
    })
    expect(tokyo.unpriced).toEqual([])
    expect(cost(tokyo, 'aurora.storage_gb_month.standard')).toBe('60')
    expect(cost(tokyo, 'aurora.io_requests')).toBe('72')
    expect(cost(tokyo, 'aurora.storage_gb_month.io_optimized')).toBe('135')
    // + 730 ACU-hours × $0.15
    expect(tokyo.total).toBe('376.5')
    // London Backtrack (EUW2-Aurora:BacktrackUsage, AmazonRDS offer of 2026-09-04, price-list-togen-euw2-offer-slices):
    // Infracost's 66,576M change records at $0.014 per million; $0.012 in us-east-1, where Infracost prints $798.91.
    const backtrack = { 'aurora.backtrack_change_records': '66576000000' }
    expect(price('eu-west-2', backtrack).total).toBe('932.064')
    expect(price('us-east-1', backtrack).total).toBe('798.912')
    // São Paulo's Backtrack is not offered (aurora-backtrack-regions; AWS's Aurora rate maps of 2025-05-23 and
    // 2026-04-24 name no Backtrack rate there): unpriced, never $0.
    expect(price('sa-east-1', backtrack).unpriced.map((row) => row.usage_type)).toEqual([
      'aurora.backtrack_change_records',
    ])
  })
  it('Cognito Essentials and Plus outside us-east-1, SQS first band in us-west-1 (Price List quotes)', () => {
    // Tokyo: 20,000 Essentials MAUs × $0.015 + 5,000 Plus MAUs × $0.020 (no free tier)
    const tokyo = price('ap-northeast-1', { 'cognito.mau.essentials': '20000', 'cognito.mau.plus': '5000' })
    expect(tokyo.unpriced).toEqual([])
    expect(tokyo.total).toBe('400')
    expect(price('eu-west-2', { 'cognito.mau.essentials': '1000' }).total).toBe('15')
    // Singapore (AmazonCognito offer of 2026-09-11, price-list-apse1-prices-json): 1,000 × $0.015 + 1,000 × $0.020
    const singapore = price('ap-southeast-1', {
      'cognito.mau.essentials': '1000',
      'cognito.mau.plus': '1000',
    })
    expect(singapore.unpriced).toEqual([])
    expect(cost(singapore, 'cognito.mau.essentials')).toBe('15')
    expect(cost(singapore, 'cognito.mau.plus')).toBe('20')
    // Oregon: every Cognito plan priced, 50,000 Lite MAUs × $0.0055 + 1,000 × $0.015 + 1,000 × $0.020
    const oregon = price('us-west-2', {
      'cognito.mau.lite': '50000',
      'cognito.mau.essentials': '1000',
      'cognito.mau.plus': '1000',
    })
    expect(oregon.unpriced).toEqual([])
    expect(oregon.total).toBe('310')
    expect(
      price('us-west-1', { 'cognito.mau.essentials': '1000', 'sqs.requests.standard': '5000000' }).total,
    ).toBe('17')
    // eu-west-2 Plus from the rate map (page-rates-cognito-essentials-plus): 1,000 × $0.020
    expect(price('eu-west-2', { 'cognito.mau.plus': '1000' }).total).toBe('20')
  })

  it('Cognito Essentials and Plus in Ohio, Ireland, Mumbai and São Paulo (the rate map of 2025-11-03)', () => {
    // 3,000 Essentials MAUs × $0.015 + 2,000 Plus MAUs × $0.020 = $45 + $40 in each (no free tier here)
    for (const region of ['us-east-2', 'eu-west-1', 'ap-south-1', 'sa-east-1']) {
      const result = price(region, { 'cognito.mau.essentials': '3000', 'cognito.mau.plus': '2000' })
      expect(result.unpriced, region).toEqual([])
      expect(cost(result, 'cognito.mau.essentials'), region).toBe('45')
      expect(cost(result, 'cognito.mau.plus'), region).toBe('40')
    }
    // Taipei is not in that map; the map of 2026-03-03 prices it by the same keys (page-rates-cognito-essentials-plus-2026-03)
    const taipei = price('ap-east-2', { 'cognito.mau.plus': '1000' })
    expect(taipei.unpriced).toEqual([])
    expect(cost(taipei, 'cognito.mau.plus')).toBe('20')
  })
  it('Aurora I/O-Optimized Serverless v2 and storage in us-east-2, backup in five more Regions (Price List quotes)', () => {
    const ohio = price('us-east-2', {
      'aurora.acu_hours.io_optimized': '730',
      'aurora.storage_gb_month.io_optimized': '100',
      'aurora.backup_gb_month': '100',
    })
    expect(ohio.unpriced).toEqual([])
    // 730 × $0.16 + 100 × $0.225 + 100 × $0.021
    expect(ohio.total).toBe('141.4')
    const backup = { 'aurora.backup_gb_month': '1000' }
    expect(price('us-west-2', backup).total).toBe('21')
    expect(price('eu-west-1', backup).total).toBe('21')
    expect(price('ap-southeast-1', { ...backup, 'rds.backup_gb_month': '1000' }).total).toBe('118')
  })
  it('Bedrock Nova Pro in ap-northeast-1 and Nova Lite in us-east-2 (Price List documents)', () => {
    const tokyo = price('ap-northeast-1', {
      'bedrock.input_tokens.amazon.nova-pro': '1000000',
      'bedrock.output_tokens.amazon.nova-pro': '1000000',
      'bedrock.batch_input_tokens.amazon.nova-pro': '1000000',
      'bedrock.batch_output_tokens.amazon.nova-pro': '1000000',
    })
    // 1M tokens each: $0.96 in, $3.84 out, $0.48 batch in; batch output $1.92 from the 2025-05-21 rate map
    expect(tokyo.total).toBe('7.2')
    expect(tokyo.unpriced).toEqual([])
    const ohio = price('us-east-2', {
      'bedrock.input_tokens.amazon.nova-lite': '1000000',
      'bedrock.output_tokens.amazon.nova-lite': '1000000',
    })
    expect(ohio.total).toBe('0.3')
    // Oregon, 1M tokens in and out of each first-generation Nova model: 0.175 + 0.30 + 4.00 + 15.00
    const oregon = price(
      'us-west-2',
      Object.fromEntries(
        ['nova-micro', 'nova-lite', 'nova-pro', 'nova-premier'].flatMap((model) => [
          [`bedrock.input_tokens.amazon.${model}`, '1000000'],
          [`bedrock.output_tokens.amazon.${model}`, '1000000'],
        ]),
      ),
    )
    expect(oregon.unpriced).toEqual([])
    expect(oregon.total).toBe('19.475')
    // Frankfurt Nova Lite: 1M × $0.078 + 1M × $0.312 per million
    const frankfurt = price('eu-central-1', {
      'bedrock.input_tokens.amazon.nova-lite': '1000000',
      'bedrock.output_tokens.amazon.nova-lite': '1000000',
    })
    expect(frankfurt.total).toBe('0.39')
  })
  it('Bedrock rates read from the 2025-05-21 rate map under codes tied by their us-east-1 values', () => {
    const rate = (region: string, usageType: string) => catalog.prices[region]?.[usageType]
    // Figures the catalog already had elsewhere agree with the map; these were filled from it.
    for (const [region, usageType, price] of [
      ['eu-west-1', 'bedrock.output_tokens.amazon.nova-micro', '0.00016'],
      ['ap-south-1', 'bedrock.input_tokens.amazon.nova-micro', '0.000041'],
      ['ap-southeast-1', 'bedrock.output_tokens.amazon.nova-pro', '0.00432'],
      ['ap-south-1', 'bedrock.output_tokens.meta.llama3-70b-instruct', '0.0042'],
      ['us-east-2', 'bedrock.input_tokens.deepseek.r1', '0.00135'],
      ['eu-west-2', 'bedrock.provisioned_mu_hours_6_months.amazon.titan-embed-image', '8.5699'],
    ] as const) {
      const entry = rate(region, usageType)
      expect(entry?.tiers, `${region} ${usageType}`).toEqual([{ upto: null, price }])
      expect([entry?.source, entry?.confidence, entry?.as_of]).toEqual([
        'page-rates-bedrock-2025-05',
        'price-list',
        '2025-05-21',
      ])
    }
    // Nova Micro in Mumbai, 1M tokens in and out: $0.041 + $0.164; Llama 3 70B in London: $3.45 + $4.55
    const mumbai = price('ap-south-1', {
      'bedrock.input_tokens.amazon.nova-micro': '1000000',
      'bedrock.output_tokens.amazon.nova-micro': '1000000',
    })
    expect(mumbai.unpriced).toEqual([])
    expect(mumbai.total).toBe('0.205')
    const london = price('eu-west-2', {
      'bedrock.input_tokens.meta.llama3-70b-instruct': '1000000',
      'bedrock.output_tokens.meta.llama3-70b-instruct': '1000000',
    })
    expect(london.total).toBe('8')
    // Nova Pro batch output in Frankfurt: 1M × $0.0021 per 1K
    expect(price('eu-central-1', { 'bedrock.batch_output_tokens.amazon.nova-pro': '1000000' }).total).toBe(
      '2.1',
    )
  })
  it('SQS first bands: FIFO in ap-northeast-1 (Tokyo decision records), Standard in eu-central-1 and us-east-2', () => {
    // 130,500 requests × $0.50 per million, the records' $0.06525
    const tokyo = price('ap-northeast-1', { 'sqs.requests.fifo': '130500', 'sqs.requests.standard': '1000' })
    expect(cost(tokyo, 'sqs.requests.fifo')).toBe('0.06525')
    // Standard's first band came later from the 2026-09-03 snapshot (third batch, below)
    expect(tokyo.unpriced).toEqual([])
    // Frankfurt Standard, 25M requests × $0.40 per million; FIFO, 1,000 × $0.50 per million, from the SQS rate map
    // of 2025-04-02 (page-rates-sqs, below)
    const frankfurt = price('eu-central-1', {
      'sqs.requests.standard': '25000000',
      'sqs.requests.fifo': '1000',
    })
    expect(cost(frankfurt, 'sqs.requests.standard')).toBe('10')
    expect(frankfurt.unpriced).toEqual([])
    expect(cost(frankfurt, 'sqs.requests.fifo')).toBe('0.0005')
    // Ohio Standard: the proposal's 0.2 million requests × $0.40 per million = $0.08
    expect(price('us-east-2', { 'sqs.requests.standard': '200000' }).total).toBe('0.08')
  })
  it.each(mainRegions)('%s: RDS storage, IOPS, magnetic I/O and backup, MariaDB instances', (region) => {
    const usage = Object.fromEntries(
      [
        'rds.storage_gb_month.gp2',
        'rds.storage_gb_month.gp3',
        'rds.storage_gb_month.io1',
        'rds.storage_gb_month.magnetic',
        'rds.storage_gb_month_multi_az.gp2',
        'rds.storage_gb_month_multi_az.gp3',
        'rds.storage_gb_month_multi_az.io1',
        'rds.iops_month.gp3',
        'rds.iops_month.io1',
        'rds.iops_month_multi_az.gp3',
        'rds.iops_month_multi_az.io1',
        'rds.io_requests.magnetic',
        'rds.backup_gb_month',
        'rds.mariadb_instance_hours.db.t3.medium',
        'rds.mariadb_instance_hours_multi_az.db.r6g.large',
      ].map((usageType) => [usageType, '100']),
    )
    expect(price(region, usage).unpriced).toEqual([])
  })

  it('RDS rate maps to the cent: São Paulo io1 and magnetic, Mumbai MariaDB (maps of 2024-09-28)', () => {
    const saoPaulo = price('sa-east-1', {
      'rds.storage_gb_month.io1': '100',
      'rds.iops_month.io1': '1000',
      'rds.storage_gb_month.magnetic': '100',
      'rds.io_requests.magnetic': '10000000',
    })
    expect(saoPaulo.unpriced).toEqual([])
    // 100 × $0.238 + 1,000 × $0.14 + 100 × $0.19 + 10M × $0.14 per million
    expect(saoPaulo.total).toBe('184.2')
    const mumbai = price('ap-south-1', { 'rds.mariadb_instance_hours.db.t3.micro': '730' })
    expect(mumbai.unpriced).toEqual([])
    // 730 h × $0.025, the rate MySQL has there too (rds-ri-rate-maps)
    expect(mumbai.total).toBe('18.25')
    expect(price('ap-south-1', { 'rds.mysql_instance_hours.db.t3.micro': '730' }).total).toBe('18.25')
  })
  it('OpenSearch Serverless OCUs in us-west-2 (billed rates); its managed storage stays unpriced', () => {
    const oregon = price('us-west-2', {
      'opensearch.ocu_hours.indexing': '192',
      'opensearch.ocu_hours.search': '192',
      'opensearch.managed_storage_gb_month': '10',
    })
    // 192 OCU-hours × $0.24 each, the CUR example's $46.08 + $46.08
    expect(oregon.total).toBe('92.16')
    expect(oregon.unpriced.map((row) => row.usage_type)).toEqual(['opensearch.managed_storage_gb_month'])
  })

  it('OpenSearch Serverless in ap-northeast-1 (Tokyo Price List rates of 2026-10-10)', () => {
    // A day at the 1-OCU minimum of each kind: 24 OCU-hours × $0.334 = $8.016, the bill's APN1-IndexingOCU
    // and APN1-SearchOCU lines; 50 GB-months × $0.026
    const tokyo = price('ap-northeast-1', {
      'opensearch.ocu_hours.indexing': '24',
      'opensearch.ocu_hours.search': '24',
      'opensearch.managed_storage_gb_month': '50',
    })
    expect(tokyo.unpriced).toEqual([])
    expect(cost(tokyo, 'opensearch.ocu_hours.indexing')).toBe('8.016')
    expect(cost(tokyo, 'opensearch.ocu_hours.search')).toBe('8.016')
    expect(cost(tokyo, 'opensearch.managed_storage_gb_month')).toBe('1.3')
  })
  it('ap-southeast-3 (Jakarta): internet egress, first band as the offer quote of 2026-09-25, then the rate map', () => {
    const jakarta = price('ap-southeast-3', { 'data_transfer.out_gb': '1000' })
    expect(jakarta.unpriced).toEqual([])
    // 1,000 GB × $0.132 (free tier left out here)
    expect(jakarta.total).toBe('132')
    // the bands above 10 TB come from the data transfer rate map of 2026-06-18 ('Next 40 TB' $0.10):
    // 10,240 × $0.132 + 9,760 × $0.10
    const beyond = price('ap-southeast-3', { 'data_transfer.out_gb': '20000' })
    expect(beyond.unpriced).toEqual([])
    expect(beyond.total).toBe('2327.68')
  })
  it('il-central-1 (Tel Aviv): SQS Standard and Cognito first bands (offer quotes of 2026-09-27)', () => {
    const telAviv = price('il-central-1', {
      'sqs.requests.standard': '10000000',
      'cognito.mau.lite': '50000',
      'cognito.mau.essentials': '1000',
      'cognito.mau.plus': '1000',
    })
    expect(telAviv.unpriced).toEqual([])
    // 10M × $0.42 per million + 50,000 × $0.0055 + 1,000 × $0.015 + 1,000 × $0.020 (free tier left out here)
    expect(cost(telAviv, 'sqs.requests.standard')).toBe('4.2')
    expect(telAviv.total).toBe('314.2')
    // Lite beyond its first band from Cognito's rate map of 2026-03-03 (page-rates-cognito-2026-03), whose first band
    // agrees: 100,000 × $0.0055 + 100,000 × $0.0046; FIFO from the SQS rate map (1,000 × $0.53 per million)
    const beyond = price('il-central-1', { 'sqs.requests.fifo': '1000', 'cognito.mau.lite': '200000' })
    expect(beyond.unpriced).toEqual([])
    expect(cost(beyond, 'cognito.mau.lite')).toBe('1010')
    expect(cost(beyond, 'sqs.requests.fifo')).toBe('0.00053')
  })
  it('ap-southeast-2 and ap-southeast-4: OpenSearch gp3 storage (AmazonES offer of 2026-09-27)', () => {
    // 500 GB-months × $0.1464 (Sydney) and × $0.146 (Melbourne)
    expect(price('ap-southeast-2', { 'opensearch.storage_gb_month.gp3': '500' }).total).toBe('73.2')
    expect(price('ap-southeast-4', { 'opensearch.storage_gb_month.gp3': '500' }).total).toBe('73')
  })
  it('ap-south-1: Aurora Standard Serverless v2, storage and I/O, OpenSearch Serverless (Mumbai feed figures)', () => {
    const mumbai = price('ap-south-1', {
      'aurora.acu_hours.standard': '730',
      'aurora.storage_gb_month.standard': '100',
      'aurora.io_requests': '10000000',
      'opensearch.ocu_hours.indexing': '730',
      'opensearch.ocu_hours.search': '730',
      'opensearch.managed_storage_gb_month': '100',
    })
    expect(mumbai.unpriced).toEqual([])
    // 730 × $0.18 + 100 × $0.11 + 10 × $0.22 = $144.6; 2 × 730 × $0.2472 + 100 × $0.026 = $363.512
    expect(mumbai.total).toBe('508.112')
  })
  it('EC2 Windows and Dedicated Instances: us-east-1, eu-west-1 and ap-northeast-1 (offer rows and a bill)', () => {
    const hours = (usageType: string) => ({ [usageType]: '730' })
    // us-east-1 offer of 2026-09-10: Windows m5.xlarge $0.376, Dedicated Linux m5.xlarge $0.204
    expect(price('us-east-1', hours('ec2.instance_hours_windows.m5.xlarge')).total).toBe('274.48')
    expect(price('us-east-1', hours('ec2.instance_hours_dedicated.m5.xlarge')).total).toBe('148.92')
    // eu-west-1 bill line of 2022: Windows t3.medium $0.064
    expect(price('eu-west-1', hours('ec2.instance_hours_windows.t3.medium')).total).toBe('46.72')
    // Tokyo offer of 2025-09-26: Windows c5.xlarge $0.398
    expect(price('ap-northeast-1', hours('ec2.instance_hours_windows.c5.xlarge')).total).toBe('290.54')
    // Each only where it was quoted (Windows on x86, non-burstable types follows AWS's per-vCPU licence rate in
    // every Region: ec2.test.ts)
    for (const region of mainRegions.filter((r) => r !== 'us-east-1')) {
      expect(price(region, hours('ec2.instance_hours_dedicated.m5.xlarge')).unpriced, region).toHaveLength(1)
    }
    for (const region of mainRegions.filter((r) => r !== 'us-east-1' && r !== 'eu-west-1')) {
      expect(price(region, hours('ec2.instance_hours_windows.t3.medium')).unpriced, region).toHaveLength(1)
    }
  })
  it('Bedrock in us-west-2 (eight more models) and Nova Lite in ap-south-1 (Price List rows)', () => {
    const models = [
      'anthropic.claude-3-5-sonnet',
      'anthropic.claude-3-5-sonnet-v2',
      'anthropic.claude-3-5-haiku',
      'anthropic.claude-3-haiku',
      'deepseek.r1',
      'meta.llama3-3-70b-instruct',
      'meta.llama4-maverick-17b-instruct',
    ]
    const usage = Object.fromEntries(
      models.flatMap((model) => [
        [`bedrock.input_tokens.${model}`, '1000000'],
        [`bedrock.output_tokens.${model}`, '1000000'],
      ]),
    )
    const oregon = price('us-west-2', usage)
    expect(oregon.unpriced).toEqual([])
    // 18 + 18 + 4.8 + 1.5 + 6.75 + 1.44 + 1.21, the same as N. Virginia
    expect(oregon.total).toBe('51.7')
    expect(price('us-east-1', usage).total).toBe('51.7')
    // Llama 3.1 405B on demand, in-Region in Oregon only (2026-06-11 offer check): 1M × $2.40 in and out
    const llama405 = {
      'bedrock.input_tokens.meta.llama3-1-405b-instruct': '1000000',
      'bedrock.output_tokens.meta.llama3-1-405b-instruct': '1000000',
    }
    expect(price('us-west-2', llama405).total).toBe('4.8')
    const mumbai = price('ap-south-1', {
      'bedrock.input_tokens.amazon.nova-lite': '1000000',
      'bedrock.output_tokens.amazon.nova-lite': '1000000',
    })
    expect(mumbai.total).toBe('0.355')
  })
  it('Bedrock Nova in Frankfurt, Tokyo and Seoul from the 2026-09-03 Price List snapshots', () => {
    const tokens = (models: string[]) =>
      Object.fromEntries(
        models.flatMap((model) => [
          [`bedrock.input_tokens.amazon.${model}`, '1000000'],
          [`bedrock.output_tokens.amazon.${model}`, '1000000'],
        ]),
      )
    const all = tokens(['nova-micro', 'nova-lite', 'nova-pro'])
    // 1M in and out of each: Frankfurt 0.23 + 0.39 + 5.25, Tokyo 0.21 + 0.36 + 4.80, Seoul 0.205 + 0.355 + 4.75
    for (const [region, total] of [
      ['eu-central-1', '5.87'],
      ['ap-northeast-1', '5.37'],
      ['ap-northeast-2', '5.31'],
    ] as const) {
      const priced = price(region, all)
      expect(priced.unpriced, region).toEqual([])
      expect(priced.total, region).toBe(total)
    }
    // Nova Premier is not in the snapshots: unpriced there
    expect(price('eu-central-1', tokens(['nova-premier'])).unpriced).toHaveLength(2)
  })
  it('Bedrock Nova Lite in eu-west-1 (2026-10-09 offer check), Nova Micro and Lite in ap-southeast-1 (2026-09-01 offer)', () => {
    const tokens = (models: string[]) =>
      Object.fromEntries(
        models.flatMap((model) => [
          [`bedrock.input_tokens.amazon.${model}`, '1000000'],
          [`bedrock.output_tokens.amazon.${model}`, '1000000'],
        ]),
      )
    // Ireland: 1M × $0.069 + 1M × $0.276 per million
    expect(price('eu-west-1', tokens(['nova-lite'])).total).toBe('0.345')
    // Singapore: 0.047 + 0.188 + 0.081 + 0.324
    const singapore = price('ap-southeast-1', tokens(['nova-micro', 'nova-lite']))
    expect(singapore.unpriced).toEqual([])
    expect(singapore.total).toBe('0.64')
    // Nova Pro from the 2025-05-21 rate map: 1M × $0.00108 + 1M × $0.00432 per 1K
    const novaPro = price('ap-southeast-1', tokens(['nova-pro']))
    expect(novaPro.unpriced).toEqual([])
    expect(novaPro.total).toBe('5.4')
  })
  it('Bedrock in us-east-2 (offer of 2026-10-03): Nova Micro, Lite and Pro, Llama 3.3 70B, Llama 4 Scout and Maverick', () => {
    const models = [
      'amazon.nova-micro',
      'amazon.nova-lite',
      'amazon.nova-pro',
      'meta.llama3-3-70b-instruct',
      'meta.llama4-scout-17b-instruct',
      'meta.llama4-maverick-17b-instruct',
    ]
    const usage = Object.fromEntries(
      models.flatMap((model) => [
        [`bedrock.input_tokens.${model}`, '1000000'],
        [`bedrock.output_tokens.${model}`, '1000000'],
      ]),
    )
    const ohio = price('us-east-2', usage)
    expect(ohio.unpriced).toEqual([])
    // 0.175 + 0.30 + 4.00 + 1.44 + 0.83 + 1.21, the N. Virginia rates
    expect(ohio.total).toBe('7.955')
    expect(price('us-east-1', usage).total).toBe('7.955')
  })
})

describe('regional prices of the third batch (issue #21: Secrets Manager, Firehose, ...)', () => {
  const price = (region: string, usage: Record<string, string>) =>
    priceUsage({ region, usage, includeFreeTier: false, catalog })

  it('ap-south-1: Secrets Manager secrets and API calls (AWSSecretsManager offer of 2026-09-11)', () => {
    const mumbai = price('ap-south-1', {
      'secretsmanager.secret_months': '10',
      'secretsmanager.api_requests': '1000000',
    })
    expect(mumbai.unpriced).toEqual([])
    // 10 × $0.40 + 100 × $0.05 per 10,000
    expect(cost(mumbai, 'secretsmanager.secret_months')).toBe('4')
    expect(cost(mumbai, 'secretsmanager.api_requests')).toBe('5')
  })

  it('us-east-2: Firehose first ingestion band, format conversion, VPC delivery (AmazonKinesisFirehose rates as quoted)', () => {
    const ohio = price('us-east-2', {
      'firehose.ingested_gb': '1000',
      'firehose.format_conversion_gb': '1000',
      'firehose.vpc_data_gb': '1000',
      'firehose.vpc_az_hours': '1460',
    })
    expect(ohio.unpriced).toEqual([])
    // 1,000 GB × ($0.029 + $0.018 + $0.01) + 1,460 AZ-hours × $0.01
    expect(ohio.total).toBe('71.6')
    // (see below for the band edges)
    expect(cost(ohio, 'firehose.ingested_gb')).toBe('29')
    // eu-west-2 keeps the band edges its offer rows have in Infracost's price filter: 512,000 and 2,048,000 GB
    expect(catalog.prices['eu-west-2']?.['firehose.ingested_gb']?.tiers.map((t) => t.upto)).toEqual([
      '512000',
      '2048000',
      null,
    ])
  })

  it('us-east-2: the ALB (AWSELB offer of 2026-09-11 as quoted)', () => {
    const ohio = price('us-east-2', { 'elb.alb_hours': '730', 'elb.alb_lcu_hours': '100' })
    expect(cost(ohio, 'elb.alb_hours')).toBe('16.425')
    expect(cost(ohio, 'elb.alb_lcu_hours')).toBe('0.8')
    expect(ohio.unpriced).toEqual([])
  })

  it('eu-west-2: SQS Standard and FIFO in every band (the whole AWSQueueService offer of 2026-09-04)', () => {
    // 250 billion requests: 100B × $0.40 + 100B × $0.35 + 50B × $0.32 per million (Standard),
    // 100B × $0.50 + 100B × $0.46 + 50B × $0.42 (FIFO)
    const london = price('eu-west-2', {
      'sqs.requests.standard': '250000000000',
      'sqs.requests.fifo': '250000000000',
    })
    expect(london.unpriced).toEqual([])
    expect(cost(london, 'sqs.requests.standard')).toBe('91000')
    expect(cost(london, 'sqs.requests.fifo')).toBe('117000')
  })

  it('Price List snapshots of 2026-09-03: SQS Standard in Tokyo, Cognito Essentials and Plus in Frankfurt, OpenSearch gp3', () => {
    // Tokyo: 10M Standard requests × $0.40 per million (first band)
    const tokyo = price('ap-northeast-1', {
      'sqs.requests.standard': '10000000',
      'opensearch.storage_gb_month.gp3': '100',
    })
    expect(tokyo.unpriced).toEqual([])
    expect(cost(tokyo, 'sqs.requests.standard')).toBe('4')
    expect(cost(tokyo, 'opensearch.storage_gb_month.gp3')).toBe('14.64')
    // Frankfurt: 1,000 × $0.015 + 1,000 × $0.020, 100 GB-months × $0.1452
    const frankfurt = price('eu-central-1', {
      'cognito.mau.essentials': '1000',
      'cognito.mau.plus': '1000',
      'opensearch.storage_gb_month.gp3': '100',
    })
    expect(frankfurt.unpriced).toEqual([])
    expect(frankfurt.total).toBe('49.52')
    expect(price('us-west-2', { 'opensearch.storage_gb_month.gp3': '100' }).total).toBe('12.2')
    expect(price('ap-northeast-2', { 'opensearch.storage_gb_month.gp3': '100' }).total).toBe('13.91')
  })
})

describe('regional prices of the fourth batch (issue #21: SQS, X-Ray, ...)', () => {
  it.each([
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'eu-west-1',
    'eu-west-2',
    'eu-central-1',
    'ap-northeast-1',
    'ap-south-1',
    'sa-east-1',
  ])(
    "%s Parameter Store from AWS's rate map of 2025-04-30: parameter-hours and API interactions",
    (region) => {
      const priced = priceUsage({
        region,
        usage: { 'ssm.advanced_parameter_hours': '7300', 'ssm.api_interactions': '100000' },
        includeFreeTier: false,
        catalog,
      })
      expect(priced.unpriced).toEqual([])
      // 10 advanced parameters all month × $0.00007 + 100,000 interactions × $0.05 per 10,000
      expect(priced.total).toBe('1.011')
    },
  )

  it.each([...MAIN_REGIONS])(
    '%s prices Firehose ingestion in every band, conversion and VPC delivery',
    (region) => {
      for (const usageType of [
        'firehose.ingested_gb',
        'firehose.format_conversion_gb',
        'firehose.vpc_data_gb',
        'firehose.vpc_az_hours',
      ]) {
        const entry = catalog.prices[region]?.[usageType]
        expect(entry, usageType).toBeDefined()
        expect(entry?.tiers_incomplete, usageType).toBeUndefined()
      }
      expect(catalog.prices[region]?.['firehose.ingested_gb']?.tiers.map((t) => t.upto)).toEqual([
        '512000',
        '2048000',
        null,
      ])
    },
  )

  it("Firehose in Tokyo and São Paulo from AWS's rate map of 2025-05-22", () => {
    const usage = {
      'firehose.ingested_gb': '1000',
      'firehose.format_conversion_gb': '1000',
      'firehose.vpc_data_gb': '1000',
      'firehose.vpc_az_hours': '1460',
    }
    const price = (region: string) => priceUsage({ region, usage, includeFreeTier: false, catalog })
    // 1,000 GB × ($0.036 + $0.022 + $0.01) + 1,460 AZ-hours × $0.014
    expect(price('ap-northeast-1').total).toBe('88.44')
    // 1,000 GB × ($0.058 + $0.035 + $0.01) + 1,460 AZ-hours × $0.021
    expect(price('sa-east-1').total).toBe('133.66')
  })

  it('us-east-1: SQS FIFO in every band (Requests-FIFO-RBP as the Price List returned it on 2026-10-08)', () => {
    // 250 billion FIFO requests: 100B × $0.50 + 100B × $0.40 + 50B × $0.35 per million
    const virginia = priceUsage({
      region: 'us-east-1',
      usage: { 'sqs.requests.fifo': '250000000000' },
      includeFreeTier: false,
      catalog,
    })
    expect(virginia.unpriced).toEqual([])
    expect(cost(virginia, 'sqs.requests.fifo')).toBe('107500')
    expect(catalog.prices['us-east-1']?.['sqs.requests.fifo']?.tiers_incomplete).toBeUndefined()
  })

  it.each([
    'us-east-2',
    'eu-west-1',
    'eu-west-2',
    'eu-central-1',
    'ap-southeast-1',
    'ap-northeast-1',
    'sa-east-1',
  ])("%s X-Ray: recorded, retrieved or scanned and Insights from AWS's rate map of 2025-03-13", (region) => {
    const priced = priceUsage({
      region,
      usage: {
        'xray.traces_recorded': '148800',
        'xray.traces_retrieved_scanned': '2775000',
        'xray.insights_traces': '148800',
      },
      includeFreeTier: true,
      catalog,
    })
    expect(priced.unpriced).toEqual([])
    // 48,800 × $5.00 + 1,775,000 × $0.50 + 148,800 × $1.00 per million
    expect(priced.total).toBe('1.2803')
  })

  it("X-Ray in Malaysia and Thailand at the rate map's lower rates; Paris has no retrieved or scanned rate", () => {
    const usage = {
      'xray.traces_recorded': '1100000',
      'xray.traces_retrieved_scanned': '2000000',
      'xray.insights_traces': '1000000',
    }
    for (const region of ['ap-southeast-5', 'ap-southeast-7']) {
      const priced = priceUsage({ region, usage, includeFreeTier: true, catalog })
      // 1,000,000 × $4.25 + 1,000,000 × $0.425 + 1,000,000 × $0.85 per million
      expect(priced.total, region).toBe('5.525')
    }
    const paris = priceUsage({ region: 'eu-west-3', usage, includeFreeTier: true, catalog })
    expect(paris.unpriced.map((u) => u.usage_type)).toEqual(['xray.traces_retrieved_scanned'])
  })
})

describe("SQS in every band from AWS's SQS rate map of 2025-04-02 (page-rates-sqs)", () => {
  // 'Standard per Requests' and its Tier2 and Tier3, 'FIFO first-in first-out per Requests' and its Tier2 and Tier3,
  // on the bands to 100 and 200 billion requests. 250 billion requests a month: 100B + 100B + 50B.
  const month = { 'sqs.requests.standard': '250000000000', 'sqs.requests.fifo': '250000000000' }
  it.each([
    ['us-east-1', '82000', '107500'], // Standard $0.40 / $0.30 / $0.24, FIFO $0.50 / $0.40 / $0.35 per million
    ['us-east-2', '82000', '107500'],
    ['us-west-2', '82000', '107500'],
    ['eu-west-1', '82000', '107500'],
    ['eu-west-2', '91000', '117000'], // $0.40 / $0.35 / $0.32, $0.50 / $0.46 / $0.42
    ['eu-central-1', '92000', '120000'], // $0.40 / $0.36 / $0.32, $0.50 / $0.48 / $0.44
    ['ap-southeast-1', '91000', '117000'],
    ['ap-northeast-1', '91000', '117000'],
    ['ap-south-1', '91000', '117000'],
    ['sa-east-1', '98000', '123000'], // $0.40 / $0.39 / $0.38, $0.50 / $0.49 / $0.48
  ])('%s: Standard $%s and FIFO $%s', (region, standard, fifo) => {
    const result = priceUsage({ region, usage: month, includeFreeTier: false, catalog })
    expect(result.unpriced).toEqual([])
    expect(cost(result, 'sqs.requests.standard')).toBe(standard)
    expect(cost(result, 'sqs.requests.fifo')).toBe(fifo)
  })

  it('a Region’s own first band (Cape Town $0.476 and $0.595, Malaysia $0.34)', () => {
    const tenMillion = { 'sqs.requests.standard': '10000000', 'sqs.requests.fifo': '10000000' }
    const capeTown = priceUsage({ region: 'af-south-1', usage: tenMillion, includeFreeTier: false, catalog })
    expect(cost(capeTown, 'sqs.requests.standard')).toBe('4.76')
    expect(cost(capeTown, 'sqs.requests.fifo')).toBe('5.95')
    const malaysia = priceUsage({
      region: 'ap-southeast-5',
      usage: tenMillion,
      includeFreeTier: false,
      catalog,
    })
    expect(cost(malaysia, 'sqs.requests.standard')).toBe('3.4')
  })

  it('Taipei and New Zealand in every band from the rate map of 2026-09-04 (page-rates-sqs-2026-09)', () => {
    // aws-price-watcher raw/queueservice.json at 34b6cbc. 'Asia Pacific (Taipei)': 'Standard per Requests'
    // 0.0000003600, 'Tier2' 0.0000003150, 'Tier3' 0.0000002880; 'FIFO first-in first-out per Requests' 0.0000004500,
    // 'Tier2' 0.0000004140, 'Tier3' 0.0000003780. 'Asia Pacific (New Zealand)': Standard 0.0000004200, 0.0000003675,
    // 0.0000003360; FIFO 0.0000005250, 0.0000004830, 0.0000004410. 250 billion requests: 100B + 100B + 50B.
    const month = { 'sqs.requests.standard': '250000000000', 'sqs.requests.fifo': '250000000000' }
    const taipei = priceUsage({ region: 'ap-east-2', usage: month, includeFreeTier: false, catalog })
    expect(taipei.unpriced).toEqual([])
    expect(cost(taipei, 'sqs.requests.standard')).toBe('81900') // 36,000 + 31,500 + 14,400
    expect(cost(taipei, 'sqs.requests.fifo')).toBe('105300') // 45,000 + 41,400 + 18,900
    const zealand = priceUsage({ region: 'ap-southeast-6', usage: month, includeFreeTier: false, catalog })
    expect(zealand.unpriced).toEqual([])
    expect(cost(zealand, 'sqs.requests.standard')).toBe('95550') // 42,000 + 36,750 + 16,800
    expect(cost(zealand, 'sqs.requests.fifo')).toBe('122850') // 52,500 + 48,300 + 22,050
  })
})

describe("AWS's rate maps as committed in iann0036/aws-price-watcher (issue #21, read at commit d65c44f)", () => {
  const price = (region: string, usage: Record<string, string>) =>
    priceUsage({ region, usage, includeFreeTier: false, catalog })

  it('NLB hours and NLCU-hours in us-east-2, ap-southeast-1 and ap-south-1 (elb rate map of 2025-05-20)', () => {
    // 730 hours and 1,000 NLCU-hours: Ohio 730 × $0.0225 + 1,000 × $0.006, Singapore 730 × $0.0252,
    // Mumbai 730 × $0.0239 (NLCU $0.006 in all three)
    const nlb = { 'elb.nlb_hours': '730', 'elb.nlb_lcu_hours': '1000' }
    const cases: [string, string, string][] = [
      ['us-east-2', '16.425', '22.425'],
      ['ap-southeast-1', '18.396', '24.396'],
      ['ap-south-1', '17.447', '23.447'],
    ]
    for (const [region, hours, total] of cases) {
      const result = price(region, nlb)
      expect(result.unpriced, region).toEqual([])
      expect(cost(result, 'elb.nlb_hours'), region).toBe(hours)
      expect(cost(result, 'elb.nlb_lcu_hours'), region).toBe('6')
      expect(result.total, region).toBe(total)
      expect(catalog.prices[region]?.['elb.nlb_hours']?.source).toBe('page-rates-elb')
    }
  })

  it('Aurora instance classes, I/O-Optimized compute and storage in each main Region (Aurora rate maps of 2025-05-23)', () => {
    // 730 h of Aurora PostgreSQL db.r6g.large, Aurora MySQL db.t4g.medium and I/O-Optimized Aurora PostgreSQL
    // db.r7g.xlarge, 100 I/O-Optimized ACU-hours and 100 GB of I/O-Optimized storage; the rates, in that order,
    // as the maps name them per Region
    const usage = {
      'aurora.instance_hours.postgresql.db.r6g.large': '730',
      'aurora.instance_hours.mysql.db.t4g.medium': '730',
      'aurora.instance_hours_io_optimized.postgresql.db.r7g.xlarge': '730',
      'aurora.acu_hours.io_optimized': '100',
      'aurora.storage_gb_month.io_optimized': '100',
    }
    const cases: [string, string, string][] = [
      ['us-east-2', '0.26 0.073 0.719 0.16 0.225', '806.46'],
      ['us-west-2', '0.26 0.073 0.719 0.16 0.225', '806.46'],
      ['eu-west-1', '0.286 0.078 0.79 0.19 0.248', '886.22'],
      ['eu-west-2', '0.304 0.082 0.84 0.19 0.225', '936.48'],
      ['eu-central-1', '0.313 0.085 0.865 0.19 0.268', '967.79'],
      ['ap-southeast-1', '0.313 0.114 0.865 0.26 0.248', '993.96'],
      ['ap-northeast-1', '0.313 0.113 0.865 0.2 0.27', '989.43'],
      ['ap-south-1', '0.295 0.093 0.815 0.24 0.248', '926.99'],
      ['sa-east-1', '0.537 0.153 1.485 0.33 0.428', '1663.55'],
    ]
    for (const [region, rates, total] of cases) {
      const result = price(region, usage)
      expect(result.unpriced, region).toEqual([])
      const [r6g, t4g, r7gIo, acuIo, storageIo] = rates.split(' ')
      for (const [usageType, rate] of [
        ['aurora.instance_hours.postgresql.db.r6g.large', r6g],
        ['aurora.instance_hours.mysql.db.t4g.medium', t4g],
        ['aurora.instance_hours_io_optimized.postgresql.db.r7g.xlarge', r7gIo],
        ['aurora.acu_hours.io_optimized', acuIo],
        ['aurora.storage_gb_month.io_optimized', storageIo],
      ] as const)
        expect(catalog.prices[region]?.[usageType]?.tiers[0]?.price, `${region} ${usageType}`).toBe(rate)
      expect(result.total, region).toBe(total)
    }
    // us-east-1's only gap before the maps: I/O-Optimized Aurora PostgreSQL db.t4g.medium, $0.095
    expect(
      price('us-east-1', { 'aurora.instance_hours_io_optimized.postgresql.db.t4g.medium': '730' }).total,
    ).toBe('69.35')
  })

  it('Aurora coverage in the ten main Regions: what the rate maps do not list stays unpriced', () => {
    // db.r8g: priced in Singapore from the 2026-05-12 map; London and São Paulo are sourced not_offered claims (the
    // 2026-05-12 map lists no db.r8g there), which leave the four usage types out of those Regions' totals.
    // Database Insights is priced everywhere (Price List in us-east-1 and us-east-2, page-rates-cloudwatch elsewhere).
    const expected: Record<string, string[]> = {
      'us-east-1': [],
      'us-east-2': [],
      'us-west-2': [],
      'eu-west-1': [],
      'eu-west-2': [],
      'eu-central-1': [],
      'ap-southeast-1': [],
      'ap-northeast-1': [],
      'ap-south-1': [],
      'sa-east-1': [],
    }
    const regions = Object.keys(expected)
    const coverage = catalogCoverage(catalog, regions)
    expect(coverage.map((r) => r.code).sort()).toEqual([...regions].sort())
    for (const region of coverage) {
      const aurora = region.services.find((s) => s.service === 'aurora')
      // sa-east-1 also has Backtrack, which AWS does not offer there (aurora-backtrack-regions)
      const notOffered = region.code === 'eu-west-2' ? 4 : region.code === 'sa-east-1' ? 5 : 0
      expect(aurora?.usage_types_total, region.code).toBe(42 - notOffered)
      expect(aurora?.usage_types_not_offered, region.code).toBe(notOffered)
      expect([...(aurora?.unpriced_usage_types ?? [])].sort(), region.code).toEqual(
        [...(expected[region.code] ?? [])].sort(),
      )
    }
  })
})

describe("AWS's RDS for SQL Server On-Demand rate map (iann0036/aws-price-watcher raw/rds-sqlserver-ondemand.json, publication 2026-05-12)", () => {
  it('prices the four licence-included SQL Server editions in us-west-2 and us-east-2 to the cent', () => {
    // one Single-AZ instance each, 730 hours: Express and Web db.t3.large $0.162 and $0.232, Standard and
    // Enterprise db.m5.xlarge $1.224 and $2.336 (the N. Virginia rates, which the map confirms for us-east-1)
    const usage = {
      'rds.sqlserver_ex_instance_hours.db.t3.large': '730',
      'rds.sqlserver_web_instance_hours.db.t3.large': '730',
      'rds.sqlserver_se_instance_hours.db.m5.xlarge': '730',
      'rds.sqlserver_ee_instance_hours.db.m5.xlarge': '730',
    }
    for (const region of ['us-west-2', 'us-east-2', 'us-east-1']) {
      const result = priceUsage({ region, usage, includeFreeTier: false, catalog })
      expect(result.unpriced, region).toEqual([])
      expect(cost(result, 'rds.sqlserver_ex_instance_hours.db.t3.large'), region).toBe('118.26')
      expect(cost(result, 'rds.sqlserver_web_instance_hours.db.t3.large'), region).toBe('169.36')
      expect(cost(result, 'rds.sqlserver_se_instance_hours.db.m5.xlarge'), region).toBe('893.52')
      expect(cost(result, 'rds.sqlserver_ee_instance_hours.db.m5.xlarge'), region).toBe('1705.28')
      expect(result.total, region).toBe('2886.42')
    }
    expect(catalog.prices['us-west-2']?.['rds.sqlserver_se_instance_hours.db.m5.xlarge']?.source).toBe(
      'page-rates-rds-sqlserver',
    )
    // Asia Pacific (Taipei) is in none of the SQL Server rate maps read: all four stay unpriced, never $0.
    const taipei = priceUsage({ region: 'ap-east-2', usage, includeFreeTier: false, catalog })
    expect(taipei.unpriced.map((row) => row.usage_type).sort()).toEqual(Object.keys(usage).sort())
  })

  it('prices the same four editions in the seven other main Regions at their own rates', () => {
    // 730 hours each at the Region's Express, Web, Standard and Enterprise rates, e.g. London $0.178, $0.246,
    // $1.323 and $2.376 an hour (source page-rates-rds-sqlserver-regions)
    const usage = {
      'rds.sqlserver_ex_instance_hours.db.t3.large': '730',
      'rds.sqlserver_web_instance_hours.db.t3.large': '730',
      'rds.sqlserver_se_instance_hours.db.m5.xlarge': '730',
      'rds.sqlserver_ee_instance_hours.db.m5.xlarge': '730',
    }
    const totals: Record<string, string> = {
      'eu-west-1': '2947.74',
      'eu-west-2': '3009.79',
      'eu-central-1': '2997.38',
      'ap-southeast-1': '3101.04',
      'ap-northeast-1': '3106.15',
      'ap-south-1': '3060.89',
      'sa-east-1': '3231.71',
    }
    for (const [region, total] of Object.entries(totals)) {
      const result = priceUsage({ region, usage, includeFreeTier: false, catalog })
      expect(result.unpriced, region).toEqual([])
      expect(result.total, region).toBe(total)
      expect(catalog.prices[region]?.['rds.sqlserver_ee_instance_hours.db.m5.xlarge']?.source, region).toBe(
        'page-rates-rds-sqlserver-regions',
      )
    }
  })
})

describe("services without an endpoint in a Region (the AWS SDK's endpoint list, sdk-endpoints-botocore-2026-08)", () => {
  // botocore/data/endpoints.json at 0e6e240 (2026-08-07): the memory-db entry lists 19 Regions, not ca-west-1; the
  // email entry (SES) 27, not ap-east-2 (Taipei); the aoss entry (OpenSearch Serverless) 22, not ap-southeast-5,
  // while the es entry (managed OpenSearch) lists all 34.
  it('claims MemoryDB in Calgary and SES in Taipei not offered, and the cost engine says so', () => {
    const usage = {
      'memorydb.node_hours.db.r7g.large': '730',
      'ses.emails_sent': '1000000',
      'lambda.requests': '2000000',
    }
    for (const [region, usageType, pattern] of [
      ['ca-west-1', 'memorydb.node_hours.db.r7g.large', 'memorydb.*'],
      ['ap-east-2', 'ses.emails_sent', 'ses.*'],
    ] as const) {
      const claim = findNotOffered(catalog, region, usageType)
      expect(claim?.pattern).toBe(pattern)
      expect(claim?.source).toBe('sdk-endpoints-botocore-2026-08')
      expect(claim?.as_of).toBe('2026-08-07')
      expect(claim?.note).toContain(`not ${region}.`)
      const result = priceUsage({
        region,
        usage: { [usageType]: usage[usageType] },
        includeFreeTier: false,
        catalog,
      })
      expect(result.total).toBe('0')
      expect(result.unpriced.map((u) => u.reason)).toEqual([
        `AWS does not offer ${usageType} in ${region} ` +
          '(https://github.com/boto/botocore/blob/0e6e2404b85dc336dd2889814e089bde7d1a4c55/botocore/data/endpoints.json, ' +
          'as of 2026-08-07)',
      ])
    }
    // Coverage leaves both services out of the Region's count: AWS offers none of their usage types there.
    for (const [region, service] of [
      ['ca-west-1', 'memorydb'],
      ['ap-east-2', 'ses'],
    ] as const) {
      const entry = catalogCoverage(catalog, [region])[0]?.services.find((s) => s.service === service)
      expect(entry?.status, `${service} ${region}`).toBe('not_offered')
      expect(entry?.usage_types_total).toBe(0)
    }
    // Where the endpoint list names the Region, nothing is claimed (Calgary sells SES; Taipei sells managed
    // OpenSearch, whose Serverless OCUs are claimed only where the aoss entry has no endpoint, as in Malaysia).
    expect(findNotOffered(catalog, 'ca-west-1', 'ses.emails_sent')).toBeUndefined()
    expect(findNotOffered(catalog, 'ap-east-2', 'opensearch.storage_gb_month.gp3')).toBeUndefined()
    expect(findNotOffered(catalog, 'ap-southeast-5', 'opensearch.ocu_hours.search')?.pattern).toBe(
      'opensearch.ocu_hours.*',
    )
    expect(findNotOffered(catalog, 'ap-southeast-5', 'opensearch.managed_storage_gb_month')).toBeDefined()
    expect(findNotOffered(catalog, 'ap-northeast-2', 'opensearch.ocu_hours.search')).toBeUndefined()
  })
})
