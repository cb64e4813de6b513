import type { WorkedExample } from '../service-descriptor.js'

const CLOUDTRAIL_PAGE = 'https://aws.amazon.com/cloudtrail/pricing/'

export const cloudtrailExamples: WorkedExample[] = [
  {
    // "Your AWS account is configured to deliver management events to two trails and data events to one trail.
    // In a month, you had 150,000 management events and 2M data events. [...] Charges for the first copy of
    // 150,000 management events = $0 [...] Charges for the second copy of 150,000 management events = 150,000 at
    // a price of $2 per 100,000 events = $3. Charges for 2M data events = 2M at a price of $0.10 per 100,000
    // events = $2." The first copy is not entered: the param counts only the copies of additional trails.
    name: 'CloudTrail: 150,000 management events to two trails, 2M data events to one trail',
    source: CLOUDTRAIL_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [
      { service: 'cloudtrail', params: { additional_management_events: 150_000, data_events: 2_000_000 } },
    ],
    printedTotal: '5.00',
  },
]
