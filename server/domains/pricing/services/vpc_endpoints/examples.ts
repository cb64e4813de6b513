import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Solutions Library, "Guidance for Integrating Amazon DynamoDB and Amazon OpenSearch Service" (repository
 * guidance-for-real-time-text-search-using-amazon-opensearch-service), README "Sample Cost Table": "a sample
 * cost breakdown for deploying this Guidance with the default parameters in the US East (N. Virginia) Region for
 * one month". Read at commit b3caf4c.
 */
const DYNAMODB_OPENSEARCH_GUIDANCE =
  'https://github.com/aws-solutions-library-samples/guidance-for-real-time-text-search-using-amazon-opensearch-service'

export const vpcEndpointsExamples: WorkedExample[] = [
  {
    // "VPC Interface Endpoint | $0.01 per AZ hour | $7.30 | monthly": one interface endpoint in one
    // Availability Zone for a 730-hour month, with no data processing charge in the row.
    name: 'PrivateLink: DynamoDB–OpenSearch guidance, one interface endpoint in one AZ for a month',
    source: DYNAMODB_OPENSEARCH_GUIDANCE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'vpc_endpoints',
        params: { endpoints: 1, availability_zones: 1, hours: 730, data_processed_gb: 0 },
      },
    ],
    printedTotal: '7.30',
  },
]
