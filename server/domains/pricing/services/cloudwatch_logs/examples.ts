import type { WorkedExample } from '../service-descriptor.js'

const CLOUDWATCH_PAGE =
  'https://aws.amazon.com/cloudwatch/pricing/ (Logs example: web application access logs)'

export const cloudWatchLogsExamples: WorkedExample[] = [
  {
    name: 'CloudWatch Logs: 1 GB/day ingested for 30 days, archived as 6 GB, free tier',
    source: CLOUDWATCH_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'cloudwatch_logs', params: { ingested_gb: 30, stored_gb: 6 } }],
    printedTotal: '12.53',
  },
]
