import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { bundledCatalog, type Catalog } from './catalog.js'
import { priceUsage } from './cost-engine.js'
import { type LineItem, lineItemsToUsage } from './line-items.js'

/*
 * AWS's own worked examples, reproduced to the cent through the path the API uses:
 * validateLineItem → lineItemToUsage → priceUsage. Each case cites where the example is printed.
 * Where an example uses a figure the catalog does not (a rounded rate, a retired free allowance), the case
 * states the stale figure, runs with it patched into a copy of the catalog, and also pins what the current
 * catalog charges; docs/pricing.md lists these.
 */

interface WorkedExample {
  name: string
  source: string
  region: string
  includeFreeTier: boolean
  items: LineItem[]
  printedTotal: string
  catalog?: Catalog
}

function costOf(items: LineItem[], includeFreeTier: boolean, catalog: Catalog, region = 'us-east-1') {
  const result = lineItemsToUsage(items, catalog)
  if (!result.ok) throw new Error(`invalid example: ${JSON.stringify(result.details)}`)
  return priceUsage({ region, usage: result.usage, includeFreeTier, catalog })
}

function toCents(amount: string): string {
  return new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
}

function withPrice(usageType: string, price: string): Catalog {
  const catalog = structuredClone(bundledCatalog)
  const entry = catalog.prices['us-east-1']?.[usageType]
  if (!entry) throw new Error(`no price for ${usageType}`)
  entry.tiers = entry.tiers.map((tier) => ({ ...tier, price }))
  return catalog
}

function withFreeQuantity(service: string, quantity: string): Catalog {
  const catalog = structuredClone(bundledCatalog)
  const offer = catalog.services[service]?.free_tier[0]
  if (!offer) throw new Error(`no free tier for ${service}`)
  offer.quantity = quantity
  return catalog
}

const LAMBDA_PAGE = 'https://aws.amazon.com/lambda/pricing/'
const LAMBDA_PAGE_2020 =
  'https://aws.amazon.com/lambda/pricing/ (pre-Dec-2020 version: 128–3008 MB, $0.00001667 per GB-s)'
const S3_FAQ = 'https://aws.amazon.com/s3/faqs/ (billing examples; also https://aws.amazon.com/s3/pricing/)'
const FARGATE_PAGE = 'https://aws.amazon.com/fargate/pricing/'
const CLOUDWATCH_PAGE =
  'https://aws.amazon.com/cloudwatch/pricing/ (Logs example: web application access logs)'
const APIGW_ARTICLE =
  'https://awsforengineers.com/blog/aws-api-gateway-pricing-explained (restating https://aws.amazon.com/api-gateway/pricing/)'

/** 1 TB per day for 31 days from S3 plus the same from EC2: 62 TB = 63,488 GB aggregated (S3 FAQ). */
const AGGREGATE_DTO_GB = 62 * 1024

const examples: WorkedExample[] = [
  {
    name: 'Lambda example 1: mobile backend, 3M requests × 120 ms at 1536 MB x86, free tier',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'lambda', params: { invocations: 3_000_000, avg_duration_ms: 120, memory_mb: 1536 } }],
    printedTotal: '2.73',
  },
  {
    name: 'Lambda example 2: telemetry enrichment, 7.44M requests × 2 s at 1024 MB x86 (no free tier in the example)',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      { service: 'lambda', params: { invocations: 7_440_000, avg_duration_ms: 2000, memory_mb: 1024 } },
    ],
    printedTotal: '249.49',
  },
  {
    name: 'Lambda example 3: BERT inference, 6M × 280 ms at 4096 MB with 2048 MB ephemeral storage, free tier',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      {
        service: 'lambda',
        params: { invocations: 6_000_000, avg_duration_ms: 280, memory_mb: 4096, ephemeral_storage_mb: 2048 },
      },
    ],
    printedTotal: '106.41',
  },
  {
    name: 'Lambda 2020 example 2: 30M × 200 ms at 128 MB, free tier',
    source: LAMBDA_PAGE_2020,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'lambda', params: { invocations: 30_000_000, avg_duration_ms: 200, memory_mb: 128 } }],
    printedTotal: '11.63',
  },
  {
    name: 'Lambda 2020 example 1: 3M × 1 s at 512 MB, free tier, at the page’s rounded $0.00001667 per GB-s',
    source: LAMBDA_PAGE_2020,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'lambda', params: { invocations: 3_000_000, avg_duration_ms: 1000, memory_mb: 512 } }],
    printedTotal: '18.74',
    catalog: withPrice('lambda.gb_seconds.x86_64', '0.00001667'),
  },
  {
    name: 'S3 storage: 100 GB for 15 days and 100 TB for 16 days of March = 52,900 GB-months',
    source: S3_FAQ,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 's3', params: { storage_gb: 52_900, put_requests: 0, get_requests: 0 } }],
    printedTotal: '1215.00',
  },
  {
    name: 'S3 requests: 310,000 PUT and 620,000 GET in March (DELETE is free)',
    source: S3_FAQ,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 's3', params: { storage_gb: 0, put_requests: 310_000, get_requests: 620_000 } }],
    printedTotal: '1.80',
  },
  {
    name: 'Data transfer out: 31 TB from S3 + 31 TB from EC2, with the retired 1 GB free allowance',
    source: S3_FAQ,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      { service: 'data_transfer', params: { gb_out: 31 * 1024 } },
      { service: 'data_transfer', params: { gb_out: AGGREGATE_DTO_GB - 31 * 1024 } },
    ],
    printedTotal: '5263.27',
    catalog: withFreeQuantity('data_transfer', '1'),
  },
  {
    name: 'Fargate example 1: 5 ECS tasks × 10 min/day × 30 days, 1 vCPU, 2 GB, 30 GB ephemeral, Linux/x86',
    source: FARGATE_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      {
        service: 'fargate',
        params: {
          tasks: 5,
          vcpu: 1,
          memory_gb: 2,
          hours: 5,
          architecture: 'x86_64',
          ephemeral_storage_gb: 30,
        },
      },
    ],
    printedTotal: '1.26',
  },
  {
    name: 'Fargate example 2: the same service on Linux/Arm (Graviton2)',
    source: FARGATE_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      {
        service: 'fargate',
        params: {
          tasks: 5,
          vcpu: 1,
          memory_gb: 2,
          hours: 5,
          architecture: 'arm64',
          ephemeral_storage_gb: 30,
        },
      },
    ],
    printedTotal: '1.02',
  },
  {
    name: 'Fargate example 3: 10 EKS pods × 1 h/day × 30 days, 0.25 vCPU, 1 GB',
    source: FARGATE_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'fargate', params: { tasks: 10, vcpu: 0.25, memory_gb: 1, hours: 30 } }],
    printedTotal: '4.37',
  },
  {
    name: 'CloudWatch Logs: 1 GB/day ingested for 30 days, archived as 6 GB, free tier',
    source: CLOUDWATCH_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'cloudwatch_logs', params: { ingested_gb: 30, stored_gb: 6 } }],
    printedTotal: '12.53',
  },
  {
    name: 'API Gateway: 5M REST calls with 3 KB responses, data transfer out included (no free tier)',
    source: APIGW_ARTICLE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      { service: 'apigateway', params: { api_type: 'rest', requests: 5_000_000 } },
      { service: 'data_transfer', params: { gb_out: (5_000_000 * 3) / (1024 * 1024) } },
    ],
    printedTotal: '18.79',
  },
  {
    name: 'API Gateway: 216M HTTP API requests in a month',
    source: APIGW_ARTICLE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'apigateway', params: { api_type: 'http', requests: 216_000_000 } }],
    printedTotal: '216.00',
  },
]

describe('published AWS pricing examples', () => {
  it('covers at least 12 examples across at least 6 services', () => {
    const services = new Set(examples.flatMap((example) => example.items.map((item) => item.service)))
    expect(examples.length).toBeGreaterThanOrEqual(12)
    expect(services.size).toBeGreaterThanOrEqual(6)
  })

  for (const example of examples) {
    it(`${example.name} = $${example.printedTotal} (${example.source})`, () => {
      const priced = costOf(
        example.items,
        example.includeFreeTier,
        example.catalog ?? bundledCatalog,
        example.region,
      )
      expect(priced.unpriced).toEqual([])
      expect(toCents(priced.total)).toBe(example.printedTotal)
    })
  }

  it('charges $18.73, not the printed $18.74, for Lambda 2020 example 1 at the current $0.0000166667 rate', () => {
    const items = [
      { service: 'lambda', params: { invocations: 3_000_000, avg_duration_ms: 1000, memory_mb: 512 } },
    ]
    expect(toCents(costOf(items, true, bundledCatalog).total)).toBe('18.73')
  })

  it('charges $5,254.36 for the S3 FAQ data transfer example under today’s 100 GB free allowance', () => {
    const items = [{ service: 'data_transfer', params: { gb_out: AGGREGATE_DTO_GB } }]
    expect(toCents(costOf(items, true, bundledCatalog).total)).toBe('5254.36')
  })
})
