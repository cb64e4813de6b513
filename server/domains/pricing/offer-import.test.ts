import { readFileSync } from 'node:fs'
import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import {
  bundledCatalog,
  type Catalog,
  notOfferedProblems,
  type PriceEntry,
  type PriceTier,
} from './catalog.js'
import { priceUsage } from './cost-engine.js'
import { importOfferFile, type OfferFile, type OfferImport } from './offer-import.js'

function fixture(name: string): OfferFile {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as OfferFile
}

describe('importOfferFile', () => {
  it('maps Lambda products to our usage types and counts the rest as skipped', () => {
    const { catalog, updated, skipped } = importOfferFile(bundledCatalog, fixture('lambda-offer.json'))
    expect(updated.map((u) => `${u.region} ${u.usage_type}`)).toEqual([
      'eu-west-1 lambda.gb_seconds.arm64',
      'us-east-1 lambda.requests',
      'us-east-1 lambda.gb_seconds.x86_64',
      'us-east-1 lambda.provisioned_concurrency_gb_seconds.x86_64',
    ])
    // Lambda@Edge duration maps to no usage type of ours.
    expect(skipped).toBe(1)
    expect(catalog.prices['us-east-1']?.['lambda.gb_seconds.x86_64']).toMatchObject({
      per: '1',
      confidence: 'price-list',
      as_of: '2025-10-01',
      source: 'offer-AWSLambda',
      tiers: [
        { upto: '6000000000', price: '0.0000166667' },
        { upto: '15000000000', price: '0.000015' },
        { upto: null, price: '0.0000133334' },
      ],
    })
    expect(catalog.meta.sources['offer-AWSLambda']?.url).toContain('AWSLambda')
  })

  it('replaces an inferred price and keeps what it replaced in the report', () => {
    const { catalog, updated } = importOfferFile(bundledCatalog, fixture('lambda-offer.json'))
    const arm = updated.find((u) => u.region === 'eu-west-1')
    expect(arm?.previous_tiers).toEqual(
      bundledCatalog.prices['eu-west-1']?.['lambda.gb_seconds.arm64']?.tiers,
    )
    expect(catalog.prices['eu-west-1']?.['lambda.gb_seconds.arm64']?.confidence).toBe('price-list')
  })

  it('drops a not_offered claim that a price of the file contradicts: the price wins', () => {
    const claimed: Catalog = structuredClone(bundledCatalog)
    const euw1 = claimed.prices['eu-west-1'] ?? {}
    for (const usageType of Object.keys(euw1)) {
      if (usageType.startsWith('lambda.gb_seconds.')) delete euw1[usageType]
    }
    claimed.not_offered = {
      'eu-west-1': {
        'lambda.gb_seconds.*': { source: 'lambda-page', as_of: '2026-12-07' },
        'lambda.managed_instance_requests': { source: 'lambda-page', as_of: '2026-12-07' },
      },
    }
    const { catalog, withdrawn_not_offered } = importOfferFile(claimed, fixture('lambda-offer.json'))
    expect(withdrawn_not_offered).toEqual([
      { region: 'eu-west-1', pattern: 'lambda.gb_seconds.*', usage_type: 'lambda.gb_seconds.arm64' },
    ])
    expect(catalog.not_offered).toEqual({
      'eu-west-1': { 'lambda.managed_instance_requests': { source: 'lambda-page', as_of: '2026-12-07' } },
    })
    expect(notOfferedProblems(catalog)).toEqual([])
    expect(notOfferedProblems(claimed)).toEqual([])
    expect(importOfferFile(bundledCatalog, fixture('lambda-offer.json')).withdrawn_not_offered).toEqual([])
  })

  it('does not modify the catalog it is given', () => {
    const before = JSON.stringify(bundledCatalog)
    importOfferFile(bundledCatalog, fixture('lambda-offer.json'))
    expect(JSON.stringify(bundledCatalog)).toBe(before)
  })

  it('folds the $0 free-tier band of SQS into the first paid band, so the free tier stays switchable', () => {
    const { catalog } = importOfferFile(bundledCatalog, fixture('sqs-offer.json'))
    expect(catalog.prices['us-east-1']?.['sqs.requests.standard']?.tiers).toEqual([
      { upto: '100000000000', price: '0.0000004' },
      { upto: '200000000000', price: '0.0000003' },
      { upto: null, price: '0.00000024' },
    ])
    const usage = { 'sqs.requests.standard': '3000000' }
    expect(priceUsage({ region: 'us-east-1', usage, includeFreeTier: true, catalog }).total).toBe('0.8')
    expect(priceUsage({ region: 'us-east-1', usage, includeFreeTier: false, catalog }).total).toBe('1.2')
  })

  it('maps the us-east-1 SQS request products named -RBP (no Tier1 rows there) and skips fair queues', () => {
    const product = (usagetype: string, queueType: string) => ({
      attributes: { regionCode: 'us-east-1', location: 'US East (N. Virginia)', usagetype, queueType },
    })
    const bands = (first: string, second: string, third: string) => ({
      T: {
        priceDimensions: {
          A: {
            beginRange: '0',
            endRange: '1000000',
            unit: 'Requests',
            pricePerUnit: { USD: '0.0000000000' },
          },
          B: {
            beginRange: '1000000',
            endRange: '100000000000',
            unit: 'Requests',
            pricePerUnit: { USD: first },
          },
          C: {
            beginRange: '100000000000',
            endRange: '200000000000',
            unit: 'Requests',
            pricePerUnit: { USD: second },
          },
          D: { beginRange: '200000000000', endRange: 'Inf', unit: 'Requests', pricePerUnit: { USD: third } },
        },
      },
    })
    const offer: OfferFile = {
      offerCode: 'AWSQueueService',
      publicationDate: '2026-09-11T00:00:00Z',
      products: {
        STD: product('Requests-RBP', 'Standard'),
        FIFO: product('Requests-FIFO-RBP', 'FIFO (first-in, first-out)'),
        FAIR: product('Requests-Fair-RBP', 'Fair'),
      },
      terms: {
        OnDemand: {
          STD: bands('0.0000004000', '0.0000003000', '0.0000002400'),
          FIFO: bands('0.0000005000', '0.0000004000', '0.0000003500'),
          FAIR: bands('0.0000004000', '0.0000003000', '0.0000002400'),
        },
      },
    }
    const { catalog, updated, skipped } = importOfferFile(bundledCatalog, offer)
    expect(updated.map((u) => `${u.region} ${u.usage_type}`).sort()).toEqual([
      'us-east-1 sqs.requests.fifo',
      'us-east-1 sqs.requests.standard',
    ])
    expect(skipped).toBe(1)
    expect(catalog.prices['us-east-1']?.['sqs.requests.fifo']?.tiers).toEqual([
      { upto: '100000000000', price: '0.0000005' },
      { upto: '200000000000', price: '0.0000004' },
      { upto: null, price: '0.00000035' },
    ])
  })

  it('imports EC2 instance hours by operating system and tenancy, and the Reserved terms of each', () => {
    const { catalog, updated, skipped } = importOfferFile(bundledCatalog, fixture('ec2-offer.json'))
    expect(updated.map((u) => u.usage_type)).toEqual([
      'ec2.instance_hours.c7g.large',
      'ec2.instance_hours.m5.large',
      'ec2.reserved_hours.standard_1y_partial_upfront.m5.large',
      'ec2.reserved_upfront.standard_1y_partial_upfront.m5.large',
      'ec2.reserved_hours.convertible_3y_all_upfront.m5.large',
      'ec2.reserved_upfront.convertible_3y_all_upfront.m5.large',
      // Windows with its licence is operation RunInstances:0002; a dedicated instance is DedicatedUsage.
      'ec2.instance_hours_windows.m5.large',
      'ec2.instance_hours_dedicated.t3.micro',
    ])
    expect(skipped).toBe(0)
    const use1 = catalog.prices['us-east-1'] ?? {}
    expect(use1['ec2.instance_hours.c7g.large']?.tiers).toEqual([{ upto: null, price: '0.0725' }])
    // The Partial Upfront term's two dimensions: $252 per reservation, then $0.029 an hour.
    expect(use1['ec2.reserved_upfront.standard_1y_partial_upfront.m5.large']).toMatchObject({
      unit: 'reservations',
      tiers: [{ upto: null, price: '252' }],
      confidence: 'price-list',
    })
    expect(use1['ec2.reserved_hours.standard_1y_partial_upfront.m5.large']).toMatchObject({
      unit: 'instance-hours',
      tiers: [{ upto: null, price: '0.029' }],
    })
    expect(use1['ec2.reserved_hours.convertible_3y_all_upfront.m5.large']?.tiers).toEqual([
      { upto: null, price: '0' },
    ])
  })

  it('imports the Reserved terms of an RDS product under its engine and deployment, and skips utilisation offers', () => {
    const dimensions = (upfront: string, hourly: string) => ({
      U: { unit: 'Quantity', pricePerUnit: { USD: upfront } },
      H: { unit: 'Hrs', pricePerUnit: { USD: hourly } },
    })
    const offer: OfferFile = {
      offerCode: 'AmazonRDS',
      publicationDate: '2026-10-08T00:00:00Z',
      products: {
        PGMULTI: {
          attributes: {
            regionCode: 'us-east-1',
            usagetype: 'Multi-AZUsage:db.m5.large',
            instanceType: 'db.m5.large',
            databaseEngine: 'PostgreSQL',
            licenseModel: 'No license required',
            deploymentOption: 'Multi-AZ',
          },
        },
      },
      terms: {
        OnDemand: {
          PGMULTI: { T: { priceDimensions: { H: { unit: 'Hrs', pricePerUnit: { USD: '0.356' } } } } },
        },
        Reserved: {
          PGMULTI: {
            R1: {
              priceDimensions: dimensions('1000', '0.1'),
              termAttributes: {
                LeaseContractLength: '3yr',
                OfferingClass: 'standard',
                PurchaseOption: 'Partial Upfront',
              },
            },
            R2: {
              priceDimensions: dimensions('500', '0.05'),
              termAttributes: { LeaseContractLength: '1yr', PurchaseOption: 'Heavy Utilization' },
            },
          },
        },
      },
    }
    const { catalog, updated } = importOfferFile(bundledCatalog, offer)
    expect(updated.map((u) => u.usage_type)).toEqual([
      'rds.instance_hours_multi_az.db.m5.large',
      'rds.reserved_hours.3y_partial_upfront.postgresql_multi_az.db.m5.large',
      'rds.reserved_upfront.3y_partial_upfront.postgresql_multi_az.db.m5.large',
    ])
    expect(
      catalog.prices['us-east-1']?.[
        'rds.reserved_upfront.3y_partial_upfront.postgresql_multi_az.db.m5.large'
      ],
    ).toMatchObject({ unit: 'reservations', tiers: [{ upto: null, price: '1000' }], as_of: '2026-10-08' })
  })

  it('imports CloudWatch Logs and data transfer products, adding an unknown region by its location name', () => {
    const offer: OfferFile = {
      offerCode: 'AWSDataTransfer',
      publicationDate: '2026-08-12T00:00:00Z',
      products: {
        SKU1: {
          attributes: {
            regionCode: 'eu-north-1',
            location: 'EU (Stockholm)',
            usagetype: 'EUN1-DataTransfer-Out-Bytes',
          },
        },
      },
      terms: {
        OnDemand: {
          SKU1: {
            T: {
              priceDimensions: {
                A: { beginRange: '0', endRange: '100', unit: 'GB', pricePerUnit: { USD: '0.0000000000' } },
                B: {
                  beginRange: '100',
                  endRange: '10240',
                  unit: 'GB',
                  pricePerUnit: { USD: '0.0900000000' },
                },
                C: {
                  beginRange: '10240',
                  endRange: 'Inf',
                  unit: 'GB',
                  pricePerUnit: { USD: '0.0850000000' },
                },
              },
            },
          },
        },
      },
    }
    // The bundled catalog lists every commercial Region, so start from one without eu-north-1.
    const regions = Object.fromEntries(
      Object.entries(bundledCatalog.regions).filter(([code]) => code !== 'eu-north-1'),
    )
    const { catalog, updated } = importOfferFile({ ...bundledCatalog, regions }, offer)
    expect(updated).toHaveLength(1)
    expect(catalog.regions['eu-north-1']).toEqual({ name: 'EU (Stockholm)' })
    expect(catalog.prices['eu-north-1']?.['data_transfer.out_gb']?.tiers).toEqual([
      { upto: '10240', price: '0.09' },
      { upto: null, price: '0.085' },
    ])
  })
})

/** Each imported price per one unit equals the catalog's price per its `per` units, band by band. */
function perOne(entry: PriceEntry | undefined): PriceTier[] {
  if (!entry) return []
  return entry.tiers.map((tier) => ({
    upto: tier.upto,
    price: new Decimal(tier.price).dividedBy(entry.per).toFixed(),
  }))
}

describe('importOfferFile mappings of the breadth services', () => {
  const imported = (name: string) => importOfferFile(bundledCatalog, fixture(name))
  const updates = (result: OfferImport) => result.updated.map((u) => `${u.region} ${u.usage_type} ${u.sku}`)

  it('tells RDS engines, editions, deployments and Aurora apart by attributes on a shared usagetype', () => {
    const result = imported('rds-offer.json')
    expect(updates(result).sort()).toEqual(
      [
        'us-east-1 rds.mysql_instance_hours.db.r6g.large RDSMYSQLR6GLARGESAZ',
        'us-east-1 rds.mysql_instance_hours_multi_az.db.t3.micro RDSMYSQLT3MICROMAZ',
        'us-east-1 rds.mysql_instance_hours.db.t3.micro RDSMYSQLT3MICROSAZ',
        'us-east-1 aurora.instance_hours.postgresql.db.r6g.xlarge RDSAURORAPGR6GXL',
        'us-east-1 rds.storage_gb_month.gp3 RDSGP3PGSAZ',
        'us-east-1 rds.instance_hours_multi_az.db.r6g.large RDSPGR6GLARGEMAZ',
        'us-east-1 rds.instance_hours.db.r6g.large RDSPGR6GLARGESAZ',
        'us-east-1 rds.instance_hours_multi_az.db.t3.micro RDSPGT3MICROMAZ',
        'us-east-1 rds.instance_hours.db.t3.micro RDSPGT3MICROSAZ',
        'us-east-1 rds.sqlserver_se_instance_hours.db.m5.xlarge RDSSQLSESTDM5XLSAZ',
      ].sort(),
    )
    // MySQL's storage, the MySQL, Oracle and RDS Custom backup products and the RDS Custom for SQL Server
    // instance (no licence included) are other rows than ours.
    expect(result.skipped).toBe(6)
    // The rows carry the rates the catalog already has: imported per one, they equal it band for band.
    for (const update of result.updated) {
      const previous = bundledCatalog.prices['us-east-1']?.[update.usage_type]
      expect(update.tiers, update.usage_type).toEqual(perOne(previous))
    }
  })

  it('keeps a leading IA- of DynamoDB, which is a table class and not a region prefix', () => {
    const result = imported('dynamodb-offer.json')
    expect(result.updated.map((u) => `${u.aws_usage_type} → ${u.usage_type}`).sort()).toEqual(
      [
        'IA-ReadCapacityUnit-Hrs → dynamodb.rcu_hours.standard_ia',
        'ReadCapacityUnit-Hrs → dynamodb.rcu_hours.standard',
        'IA-ReadRequestUnits → dynamodb.read_request_units.standard_ia',
        'ReadRequestUnits → dynamodb.read_request_units',
        'ReplWriteRequestUnits → dynamodb.replicated_write_request_units.standard',
        'TimedStorage-ByteHrs → dynamodb.storage_gb_month',
        'IA-TimedStorage-ByteHrs → dynamodb.storage_gb_month.standard_ia',
        'USE1-TimedStorage-ByteHrs → dynamodb.storage_gb_month',
        'IA-WriteCapacityUnit-Hrs → dynamodb.wcu_hours.standard_ia',
        'WriteCapacityUnit-Hrs → dynamodb.wcu_hours.standard',
        'IA-WriteRequestUnits → dynamodb.write_request_units.standard_ia',
        'WriteRequestUnits → dynamodb.write_request_units',
        'USE1-TimedPITRStorage-ByteHrs → dynamodb.pitr_gb_month',
      ].sort(),
    )
    for (const update of result.updated) {
      expect(update.tiers, update.usage_type).toEqual(
        perOne(bundledCatalog.prices['us-east-1']?.[update.usage_type]),
      )
    }
    // The free 25 GB stays the catalog's free tier: 30 GB-months cost 5 × $0.25 with it, 30 × $0.25 without.
    const usage = { 'dynamodb.storage_gb_month': '30' }
    const priced = (includeFreeTier: boolean) =>
      priceUsage({ region: 'us-east-1', usage, includeFreeTier, catalog: result.catalog }).total
    expect([priced(true), priced(false)]).toEqual(['1.25', '7.5'])
  })

  it('maps S3 storage classes and request tiers, with the attribute that separates a shared usagetype', () => {
    const result = imported('s3-offer.json')
    expect(updates(result).sort()).toEqual(
      [
        'us-east-1 s3.storage_gb_month.standard_ia 379GYJUQ5WFBUYGM',
        'us-east-1 s3.retrieval_gb.glacier_flexible.bulk S3BULKRESTORE',
        'us-east-1 s3.retrieval_gb.glacier_flexible.expedited S3EXPEDITEDRETRIEVAL',
        'us-east-1 s3.storage_gb_month.express_one_zone S3EXPRESSONEZONE',
        'us-east-1 s3.retrieval_gb.deep_archive.standard S3GDARESTORE',
        'us-east-1 s3.requests.put.glacier_flexible S3GLACIERPUT',
        'us-east-1 s3.retrieval_gb.glacier_flexible.standard S3GLACIERRESTORE',
        'us-east-1 s3.requests.put S3REQUESTSTIER1',
        'us-east-1 s3.requests.get S3REQUESTSTIER2',
        'us-east-1 s3.storage_gb_month S3STANDARD',
        'us-east-1 s3.restore_requests.glacier_flexible.standard S3TIER3RESTORE',
        'us-east-1 s3.restore_requests.glacier_flexible.bulk S3TIER5',
        'us-east-1 s3.restore_requests.glacier_flexible.expedited S3TIER6',
      ].sort(),
    )
    // The Intelligent-Tiering overhead storage, the lifecycle transitions (Requests-GLACIER-Tier1 and Tier3) and
    // Deep Archive's bulk retrieval (read from its own offer) are not what these rules price.
    expect(result.skipped).toBe(4)
    for (const update of result.updated) {
      expect(update.tiers, update.usage_type).toEqual(
        perOne(bundledCatalog.prices['us-east-1']?.[update.usage_type]),
      )
    }
  })

  it('maps every Fargate rate of the AmazonECS offer and skips ECS on EC2 and ECS Anywhere', () => {
    const result = imported('fargate-offer.json')
    expect(result.updated.map((u) => `${u.usage_type} ${u.tiers[0]?.price}`)).toEqual([
      'fargate.ephemeral_gb_hours 0.000111',
      'fargate.vcpu_hours.x86_64 0.04048',
      'fargate.gb_hours.windows 0.01005',
      'fargate.windows_license_vcpu_hours 0.046',
      'fargate.gb_hours.x86_64 0.004445',
      'fargate.vcpu_hours.windows 0.09148',
      'fargate.gb_hours.arm64 0.00356',
      'fargate.vcpu_hours.arm64 0.03238',
    ])
    expect(result.skipped).toBe(2)
    expect(result.catalog.prices['us-east-1']?.['fargate.vcpu_hours.windows']).toMatchObject({
      per: '1',
      as_of: '2022-11-21',
      confidence: 'price-list',
      tiers: [{ upto: null, price: '0.09148' }],
    })
  })

  it('maps SNS publishes and deliveries, leaving their free bands to the free tier', () => {
    const result = imported('sns-offer.json')
    expect(result.updated.map((u) => u.usage_type).sort()).toEqual([
      'sns.deliveries.email',
      'sns.deliveries.firehose',
      'sns.deliveries.http',
      'sns.deliveries.lambda',
      'sns.deliveries.mobile_push',
      'sns.deliveries.sqs',
      'sns.publishes',
    ])
    for (const update of result.updated) {
      expect(update.tiers, update.usage_type).toEqual(
        perOne(bundledCatalog.prices['us-east-1']?.[update.usage_type]),
      )
    }
    const usage = { 'sns.publishes': '3000000', 'sns.deliveries.email': '11000' }
    const priced = (catalog: typeof bundledCatalog) =>
      priceUsage({ region: 'us-east-1', usage, includeFreeTier: true, catalog }).total
    expect(priced(result.catalog)).toBe(priced(bundledCatalog))
    expect(priced(result.catalog)).toBe('1.2')
  })

  it('maps API Gateway HTTP requests and a cache size read from the usagetype', () => {
    const result = imported('apigateway-offer.json')
    expect(updates(result)).toEqual([
      'eu-central-1 apigw.cache_hours.0.5 APIGWCACHEEUC1',
      'us-east-1 apigw.requests.http APIGWHTTP',
    ])
    for (const update of result.updated) {
      expect(update.tiers, update.usage_type).toEqual(
        perOne(bundledCatalog.prices[update.region]?.[update.usage_type]),
      )
    }
  })

  it('maps X-Ray traces recorded and accessed, reading one of the two accessed products', () => {
    const result = imported('xray-offer.json')
    expect(updates(result)).toEqual([
      'ap-northeast-2 xray.traces_retrieved_scanned XRAYRETRIEVEDAPN2',
      'ap-northeast-2 xray.traces_recorded XRAYSTOREDAPN2',
    ])
    expect(result.skipped).toBe(1)
    // X-Ray was priced in us-east-1 only: the Price List prices Seoul at the same per-trace rates.
    expect(perOne(result.catalog.prices['ap-northeast-2']?.['xray.traces_recorded'])).toEqual(
      perOne(bundledCatalog.prices['us-east-1']?.['xray.traces_recorded']),
    )
  })

  it('maps the Cognito Essentials and Plus MAU rates', () => {
    const result = imported('cognito-offer.json')
    expect(result.updated.map((u) => `${u.region} ${u.usage_type} ${u.tiers[0]?.price}`)).toEqual([
      'us-west-1 cognito.mau.essentials 0.015',
      'ap-northeast-1 cognito.mau.plus 0.02',
    ])
  })
  it('maps MSK brokers, storage and Serverless hours, and skips Express brokers and private connectivity', () => {
    const result = imported('msk-offer.json')
    expect(result.updated.map((u) => `${u.aws_usage_type} → ${u.usage_type}`).sort()).toEqual([
      'APS1-Kafka.DataRetrieval.Tiered → msk.tiered_retrieved_gb',
      'APS1-Kafka.Storage.GP2 → msk.storage_gb_months',
      'APS1-Kafka.Storage.Tiered → msk.tiered_storage_gb_months',
      'APS1-Kafka.m5.large → msk.broker_hours.kafka.m5.large',
      'APS1-Kafka.m7g.large → msk.broker_hours.kafka.m7g.large',
      'APS1-Kafka.t3.small → msk.broker_hours.kafka.t3.small',
      'APS1-KafkaServerless-ClusterHours → msk.serverless_cluster_hours',
      'APS1-KafkaServerless-In-Bytes → msk.serverless_data_in_gb',
      'APS1-KafkaServerless-Out-Bytes → msk.serverless_data_out_gb',
      'APS1-KafkaServerless-PartitionHours → msk.serverless_partition_hours',
    ])
    expect(result.skipped).toBe(3)
    for (const update of result.updated) {
      expect(update.tiers, update.usage_type).toEqual(
        perOne(bundledCatalog.prices['ap-southeast-1']?.[update.usage_type]),
      )
    }
  })

  it('maps OpenSearch instances by their instanceType, EBS storage and Serverless OCUs by their usagetype', () => {
    const result = imported('opensearch-offer.json')
    expect(updates(result).sort()).toEqual([
      'ap-southeast-1 opensearch.instance_hours.m7g.xlarge.search ESM7GXLARGEAPS1',
      'ap-southeast-1 opensearch.storage_gb_month.gp3 ESGP3APS1',
      'us-east-1 opensearch.ocu_hours.indexing ESINDEXINGOCUUSE1',
      'us-east-1 opensearch.ocu_hours.search ESSEARCHOCUUSE1',
      'us-east-1 opensearch.storage_gb_month.gp2 ESGP2USE1',
      'us-east-1 opensearch.storage_gb_month.gp3 ESGP3USE1',
    ])
    // Direct Query OCUs share the instance product family but are not an instance.
    expect(result.skipped).toBe(1)
    for (const update of result.updated.filter((u) => u.region === 'us-east-1')) {
      expect(update.tiers, update.usage_type).toEqual(
        perOne(bundledCatalog.prices['us-east-1']?.[update.usage_type]),
      )
    }
  })

  it('maps App Runner provisioned and active rates', () => {
    const result = imported('apprunner-offer.json')
    expect(result.updated.map((u) => u.usage_type).sort()).toEqual([
      'apprunner.active_gb_hours',
      'apprunner.active_vcpu_hours',
      'apprunner.provisioned_gb_hours',
    ])
    for (const update of result.updated) {
      expect(update.tiers, update.usage_type).toEqual(
        perOne(bundledCatalog.prices['us-east-1']?.[update.usage_type]),
      )
    }
  })

  it('reads the Amazon MQ engine and deployment from the usagetype', () => {
    const result = imported('mq-offer.json')
    expect(result.updated.map((u) => u.usage_type).sort()).toEqual([
      'mq.broker_hours.activemq.active_standby_multi_az.mq.m5.large',
      'mq.broker_hours.activemq.single_instance.mq.t2.micro',
      'mq.broker_hours.rabbitmq.cluster_multi_az.mq.m5.xlarge',
      'mq.broker_hours.rabbitmq.single_instance.mq.m5.xlarge',
      'mq.storage_gb_month.ebs',
      'mq.storage_gb_month.efs',
    ])
    // RabbitMQ's own storage rate is not the catalog's ebs usage type.
    expect(result.skipped).toBe(1)
    for (const update of result.updated) {
      expect(update.tiers, update.usage_type).toEqual(
        perOne(bundledCatalog.prices['us-east-1']?.[update.usage_type]),
      )
    }
  })
  it('maps MemoryDB Redis OSS node hours by their instanceType', () => {
    const result = imported('memorydb-offer.json')
    expect(updates(result)).toEqual(['ap-east-1 memorydb.node_hours.db.r6g.xlarge MEMORYDBR6GXLAPE1'])
    expect(result.catalog.prices['ap-east-1']?.['memorydb.node_hours.db.r6g.xlarge']?.tiers).toEqual([
      { upto: null, price: '0.812' },
    ])
  })

  it('maps Data Firehose ingestion bands, format conversion and VPC delivery, and skips dynamic partitioning', () => {
    const result = imported('firehose-offer.json')
    expect(result.updated.map((u) => u.usage_type).sort()).toEqual([
      'firehose.format_conversion_gb',
      'firehose.ingested_gb',
      'firehose.vpc_az_hours',
      'firehose.vpc_data_gb',
    ])
    expect(result.skipped).toBe(1)
    expect(result.catalog.prices['us-east-2']?.['firehose.ingested_gb']?.tiers).toEqual([
      { upto: '500000', price: '0.029' },
      { upto: '2000000', price: '0.025' },
      { upto: null, price: '0.02' },
    ])
  })
  it('removes a region code used as prefix, as the KMS offer writes it', () => {
    // ap-southeast-1 rows of the awskms offer as tabulated from the Pricing API (2026-08-12) in a public
    // repository price reference: a key $1.00 a month, symmetric requests $0.000003 each.
    const row = (usagetype: string, usd: string, unit: string) => ({
      attributes: { regionCode: 'ap-southeast-1', location: 'Asia Pacific (Singapore)', usagetype },
      usd,
      unit,
    })
    const rows = {
      KEYS: row('ap-southeast-1-KMS-Keys', '1.0000000000', 'Keys'),
      REQS: row('ap-southeast-1-KMS-Requests', '0.0000030000', 'Requests'),
    }
    const offer: OfferFile = {
      offerCode: 'awskms',
      publicationDate: '2026-08-12T00:00:00Z',
      products: Object.fromEntries(
        Object.entries(rows).map(([sku, r]) => [sku, { sku, attributes: r.attributes }]),
      ),
      terms: {
        OnDemand: Object.fromEntries(
          Object.entries(rows).map(([sku, r]) => [
            sku,
            {
              [`${sku}.JRTCKXETXF`]: {
                priceDimensions: {
                  [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: {
                    beginRange: '0',
                    endRange: 'Inf',
                    unit: r.unit,
                    pricePerUnit: { USD: r.usd },
                  },
                },
              },
            },
          ]),
        ),
      },
    }
    const result = importOfferFile(bundledCatalog, offer)
    expect(result.updated.map((u) => `${u.usage_type} ${u.tiers[0]?.price}`)).toEqual([
      'kms.key_months 1',
      'kms.requests 0.000003',
    ])
  })
  it('maps Glacier Deep Archive from its own offer, whose products have no product family', () => {
    const result = imported('s3-deep-archive-offer.json')
    expect(updates(result).sort()).toEqual([
      'us-east-1 s3.requests.put.deep_archive GDAPUT',
      'us-east-1 s3.retrieval_gb.deep_archive.bulk GDABULKRETRIEVAL',
      'us-east-1 s3.retrieval_gb.deep_archive.standard GDASTANDARDRETRIEVAL',
      'us-east-1 s3.storage_gb_month.deep_archive GDASTORAGE',
    ])
    // EarlyDelete-GDA carries the storage rate but is the early-deletion fee.
    expect(result.skipped).toBe(1)
    for (const update of result.updated) {
      expect(update.tiers, update.usage_type).toEqual(
        perOne(bundledCatalog.prices['us-east-1']?.[update.usage_type]),
      )
    }
  })
})
