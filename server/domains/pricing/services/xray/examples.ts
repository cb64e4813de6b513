import type { WorkedExample } from '../service-descriptor.js'

const XRAY_PAGE = 'https://aws.amazon.com/xray/pricing/'

export const xrayExamples: WorkedExample[] = [
  {
    // 2,000 requests an hour × 24 × 31 days × 10% sampling = 148,800 recorded, 48,800 billable × $0.000005
    // = $0.24; 100 queries a day scanning 200 traces and retrieving 50, × 31 days = 775,000, within the free
    // 1,000,000; Insights on every group processes the 148,800 recorded traces × $0.000001 = $0.15.
    name: 'X-Ray example 1: 2,000 requests an hour sampled at 10%, 100 queries a day, Insights on',
    source: XRAY_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      {
        service: 'xray',
        params: {
          traces_recorded: 148_800,
          traces_scanned: 620_000,
          traces_retrieved: 155_000,
          insights_traces: 148_800,
        },
      },
    ],
    printedTotal: '0.39',
  },
]
