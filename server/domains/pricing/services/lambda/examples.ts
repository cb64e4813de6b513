import type { Catalog } from '../../catalog.js'
import type { WorkedExample } from '../service-descriptor.js'

const LAMBDA_PAGE = 'https://aws.amazon.com/lambda/pricing/'
const LAMBDA_PAGE_2020 =
  'https://aws.amazon.com/lambda/pricing/ (pre-Dec-2020 version: 128–3008 MB, $0.00001667 per GB-s)'

/** The 2020 page's rounded GB-second rate in place of today's $0.0000166667. */
function withRounded2020Rate(bundled: Catalog): Catalog {
  const catalog = structuredClone(bundled)
  const entry = catalog.prices['us-east-1']?.['lambda.gb_seconds.x86_64']
  if (!entry) throw new Error('no price for lambda.gb_seconds.x86_64')
  entry.tiers = entry.tiers.map((tier) => ({ ...tier, price: '0.00001667' }))
  return catalog
}

export const lambdaExamples: WorkedExample[] = [
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
    catalog: withRounded2020Rate,
  },
  {
    name: 'Lambda Provisioned Concurrency example 1: launch day, PC 100 for 8 h (0.5M × 100 ms) plus 2.5M × 120 ms on demand, 1536 MB, free tier',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      {
        service: 'lambda',
        params: {
          invocations: 500_000,
          avg_duration_ms: 100,
          memory_mb: 1536,
          provisioned_concurrency: 100,
          provisioned_hours: 8,
        },
      },
      { service: 'lambda', params: { invocations: 2_500_000, avg_duration_ms: 120, memory_mb: 1536 } },
    ],
    printedTotal: '19.96',
  },
  {
    name: 'Lambda Provisioned Concurrency example 2: Cyber Monday, PC 7 for 24 h, 2M × 280 ms at 4096 MB',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'lambda',
        params: {
          invocations: 2_000_000,
          avg_duration_ms: 280,
          memory_mb: 4096,
          provisioned_concurrency: 7,
          provisioned_hours: 24,
        },
      },
    ],
    printedTotal: '32.26',
  },
  {
    name: 'Lambda SnapStart example: 7.44M × 2 s at 1024 MB, one version cached 31 days, 1% of requests restored',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'lambda',
        params: {
          invocations: 7_440_000,
          avg_duration_ms: 2000,
          memory_mb: 1024,
          snapstart_cached_version_hours: 744,
          snapstart_restores: 74_400,
        },
      },
    ],
    printedTotal: '263.92',
  },
  {
    name: 'Lambda provisioned-mode ESM example 2: SQS, 30M × 1 s at 1024 MB, 8,000 EPU-hours',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'lambda',
        params: {
          invocations: 30_000_000,
          avg_duration_ms: 1000,
          memory_mb: 1024,
          esm_source: 'sqs',
          esm_epu_hours: 8000,
        },
      },
    ],
    printedTotal: '580.00',
  },
  {
    name: 'Lambda provisioned-mode ESM example 3: 10 Kafka ESMs in one poller group, 300M × 200 ms at 1024 MB, 720 EPU-hours',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'lambda',
        params: {
          invocations: 300_000_000,
          avg_duration_ms: 200,
          memory_mb: 1024,
          esm_source: 'kafka',
          esm_epu_hours: 720,
        },
      },
    ],
    printedTotal: '1193.20',
  },
  {
    name: 'Lambda@Edge example: 10M × 10 ms at 128 MB',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'lambda',
        params: { invocations: 10_000_000, avg_duration_ms: 10, memory_mb: 128, deployment: 'edge' },
      },
    ],
    printedTotal: '6.63',
  },
  {
    // 1M claims × (30 s step + 2 s step) on 1 GB Arm = 32M GB-s − 400,000 free = 31.6M × $0.0000133334 = $421.34;
    // 2M invocations (initial + after the wait) − 1M free = $0.20; operations 1M × (1 start + 2 steps + 1 wait)
    // = 4M × $8.00/M = $32.00; data written 1M × (8 KB + 3 × 32 KB) = 104 GB × $0.25 = $26.00; retained
    // 104 GB × (7 + 14)/30 months = 72.8 GB-months × $0.15 = $10.92; "$421.34 + $0.20 + $32.00 + $26.00 + $10.92
    // = $490.46".
    name: 'Lambda durable functions example: 1M insurance claims, two steps around a 7-day wait, 1 GB Arm, 14-day retention, free tier',
    source: LAMBDA_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      {
        service: 'lambda',
        params: {
          invocations: 2_000_000,
          avg_duration_ms: 16_000,
          memory_mb: 1024,
          architecture: 'arm64',
          durable_operations: 4_000_000,
          durable_data_written_gb: 104,
          durable_data_retained_gb_months: 72.8,
        },
      },
    ],
    printedTotal: '490.46',
  },
]
