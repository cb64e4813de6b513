import type { WorkedExample } from '../service-descriptor.js'

const GLUE_PAGE = 'https://aws.amazon.com/glue/pricing/'

export const glueExamples: WorkedExample[] = [
  {
    // 6 DPUs × 1/4 hour × $0.44 = $0.66
    name: 'Glue ETL job: an Apache Spark job running 15 minutes on 6 DPUs',
    source: GLUE_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'glue', params: { job_runs: 1, job_minutes_per_run: 15, job_dpus: 6 } }],
    printedTotal: '0.66',
  },
  {
    // 5 DPUs (the default) × 0.4 hour × $0.44 = $0.88
    name: 'Glue Studio notebook: a 24-minute interactive session on the default 5 DPUs',
    source: GLUE_PAGE,
    region: 'us-east-1',
    includeFreeTier: true,
    items: [{ service: 'glue', params: { interactive_sessions: 1, session_minutes: 24 } }],
    printedTotal: '0.88',
  },
]
