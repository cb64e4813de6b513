import type { Catalog } from '../../catalog.js'
import type { WorkedExample } from '../service-descriptor.js'

const FARGATE_PAGE = 'https://aws.amazon.com/fargate/pricing/'
/** Keycloak on AWS implementation guide (aws-samples), "Cost Estimation", examples 1–3 (us-east-1, June 2022). */
const KEYCLOAK_COST =
  'https://github.com/aws-samples/keycloak-on-aws/blob/main/docs/en/implementation-guide/cost.md'
const ecsService = (architecture: string) => ({
  service: 'fargate',
  params: { tasks: 5, vcpu: 1, memory_gb: 2, hours: 5, architecture, ephemeral_storage_gb: 30 },
})

/**
 * Example 4's Windows rates, per second on the page ($0.0000254167 per vCPU, $0.0000027778 per GB) × 3,600,
 * in place of the Price List's current $0.046552 and $0.00511175 per hour; the OS licence fee is unchanged.
 */
function withPageWindowsRates(bundled: Catalog): Catalog {
  const catalog = structuredClone(bundled)
  const rates = { 'fargate.vcpu_hours.windows': '0.09150012', 'fargate.gb_hours.windows': '0.01000008' }
  for (const [usageType, price] of Object.entries(rates)) {
    const entry = catalog.prices['us-east-1']?.[usageType]
    if (!entry) throw new Error(`no price for ${usageType}`)
    entry.tiers = [{ upto: null, price }]
  }
  return catalog
}

export const fargateExamples: WorkedExample[] = [
  {
    name: 'Fargate example 1: 5 ECS tasks × 10 min/day × 30 days, 1 vCPU, 2 GB, 30 GB ephemeral, Linux/x86',
    source: FARGATE_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [ecsService('x86_64')],
    printedTotal: '1.26',
  },
  {
    name: 'Fargate example 2: the same service on Linux/Arm (Graviton2)',
    source: FARGATE_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [ecsService('arm64')],
    printedTotal: '1.02',
  },
  {
    name: 'Fargate example 3: 10 EKS pods × 1 h/day × 30 days, 0.25 vCPU, 1 GB',
    source: FARGATE_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    // EKS pods, priced at the Fargate rates AWS lists under EKS (orchestrator: eks).
    items: [
      {
        service: 'fargate',
        params: { tasks: 10, vcpu: 0.25, memory_gb: 1, hours: 30, orchestrator: 'eks' },
      },
    ],
    printedTotal: '4.37',
  },
  {
    // vCPU 10 × 1 × 0.0000254167 × 3600 × 30 = $27.45; Windows OS 10 × 1 × 0.0000127778 × 3600 × 30 = $13.80;
    // memory 10 × 2 × 0.0000027778 × 3600 × 30 = $6.00; "$27.45 + $13.80 + $6.00 = $47.25".
    name: 'Fargate example 4: 10 Windows ECS tasks × 1 h/day × 30 days, 1 vCPU, 2 GB, at the page’s Windows rates',
    source: FARGATE_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      {
        service: 'fargate',
        params: { tasks: 10, vcpu: 1, memory_gb: 2, hours: 30, operating_system: 'windows' },
      },
    ],
    printedTotal: '47.25',
    catalog: withPageWindowsRates,
  },
  {
    // "AWS Fargate | 1. 2 ECS Tasks that run for 24 hours every day. 2. Each ECS task uses 1 vCPU, 2GB memory,
    // and 20GB ephemeral storage. | $ 72.08": 2 tasks × 730 h × ($0.04048 + 2 × $0.004445) = $72.0802; the
    // 20 GB of ephemeral storage are within the free 20 GB per task.
    name: 'Fargate: Keycloak on AWS, 2 Linux/x86 tasks of 1 vCPU and 2 GB all month, 20 GB ephemeral',
    source: KEYCLOAK_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'fargate',
        params: {
          tasks: 2,
          vcpu: 1,
          memory_gb: 2,
          hours: 730,
          architecture: 'x86_64',
          ephemeral_storage_gb: 20,
        },
      },
    ],
    printedTotal: '72.08',
  },
]
