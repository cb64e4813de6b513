import type { WorkedExample } from '../service-descriptor.js'

const EFS_PAGE = 'https://aws.amazon.com/efs/pricing/'

export const efsExamples: WorkedExample[] = [
  {
    // 100 GB for 15 days and 250 GB for 16 days of a 31-day month: 132,000 GB-hours / 744 = 177 GB-months
    // (the page rounds), × $0.30.
    name: 'EFS Standard: 100 GB for 15 days then 250 GB for 16 days of March = 177 GB-months',
    source: EFS_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'efs', params: { throughput_mode: 'bursting', standard_gb: 177 } }],
    printedTotal: '53.10',
  },
]
