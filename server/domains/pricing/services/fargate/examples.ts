import type { WorkedExample } from '../service-descriptor.js'

const FARGATE_PAGE = 'https://aws.amazon.com/fargate/pricing/'
const ecsService = (architecture: string) => ({
  service: 'fargate',
  params: { tasks: 5, vcpu: 1, memory_gb: 2, hours: 5, architecture, ephemeral_storage_gb: 30 },
})

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
    items: [{ service: 'fargate', params: { tasks: 10, vcpu: 0.25, memory_gb: 1, hours: 30 } }],
    printedTotal: '4.37',
  },
]
