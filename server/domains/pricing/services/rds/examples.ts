import type { WorkedExample } from '../service-descriptor.js'

/**
 * Sensitive Data Protection on AWS implementation guide (awslabs), "Cost", "US East-1 Region Cost", "Base cost
 * for Infra (in Admin account)", as the table read before commit 8c041ea (December 2023), when it still named
 * the rates; the current page keeps the same quantities and costs ("for one month (calculated as 30 days)").
 */
const SDP_COST =
  'https://github.com/awslabs/sensitive-data-protection-on-aws/blob/main/docs/en/plan-deployment/cost.md'

export const rdsExamples: WorkedExample[] = [
  {
    // "Amazon Relational Database Service for MySQL Community Edition | USD 0.136 per db.t3.medium Multi-AZ
    // instance hour (or partial hour) running MySQL | 720 Hrs | 97.92": the instance-hours alone. The table's
    // storage row (20 GB-months of Multi-AZ gp2, $4.60) bills a full month against 720 instance-hours; the
    // descriptor prorates storage over a 730-hour month, so the example enters no storage and reproduces the
    // instance row only.
    name: 'RDS: Sensitive Data Protection, db.t3.medium MySQL Multi-AZ for 720 hours (instance row)',
    source: SDP_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'rds',
        params: {
          instance_class: 'db.t3.medium',
          count: 1,
          hours: 720,
          storage_gb: 0,
          storage_type: 'gp2',
          engine: 'mysql',
          deployment: 'multi_az',
        },
      },
    ],
    printedTotal: '97.92',
  },
]
