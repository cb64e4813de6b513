import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Solutions Library, "Guidance for Integrating Amazon DynamoDB and Amazon OpenSearch Service" (repository
 * guidance-for-real-time-text-search-using-amazon-opensearch-service), README "Sample Cost Table": "a sample
 * cost breakdown for deploying this Guidance with the default parameters in the US East (N. Virginia) Region for
 * one month". Read at commit b3caf4c.
 */
const DYNAMODB_OPENSEARCH_GUIDANCE =
  'https://github.com/aws-solutions-library-samples/guidance-for-real-time-text-search-using-amazon-opensearch-service'

/**
 * Landing Zone Accelerator on AWS implementation guide, "Cost", "Sample cost table" (AWS Solutions
 * documentation, US East (N. Virginia), the sample configuration "with no activity, for one month"; read from a
 * Markdown copy of the page).
 */
const LZA_COST = 'https://docs.aws.amazon.com/solutions/latest/landing-zone-accelerator-on-aws/cost.html'

/**
 * Generative AI Application Builder on AWS implementation guide, "Cost" (AWS Solutions documentation, US East
 * (N. Virginia); read from a Markdown copy of the page). "Incremental cost of
 * enabling Amazon VPC for a use case", a deployment in two Availability Zones.
 */
const GAAB_COST =
  'https://docs.aws.amazon.com/solutions/latest/generative-ai-application-builder-on-aws/cost.html'

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
  {
    // "Amazon VPC | [...] + 14 endpoints and 1 Availability Zone at 3 GB each month ($102.23)": 14 interface
    // endpoints in 1 AZ × 730 h × $0.01 = $102.20, and 3 GB processed in the month × $0.01 = $0.03. (Read as
    // 3 GB per endpoint, 42 GB, the row would be $102.62.)
    name: 'PrivateLink: Landing Zone Accelerator, 14 interface endpoints in 1 AZ, 3 GB processed',
    source: LZA_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'vpc_endpoints',
        params: { endpoints: 14, availability_zones: 1, hours: 730, data_processed_gb: 3 },
      },
    ],
    printedTotal: '102.23',
  },
  {
    // "AWS PrivateLink (VPC Endpoints) | [...] 6 VPC endpoints, 2 ENIs per VPC endpoint, 730 hours with 1,024 GB
    // data processed in a month | $97.84": 6 endpoints × 2 AZs × 730 h × $0.01 = $87.60, and 1,024 GB × $0.01 =
    // $10.24.
    name: 'PrivateLink: Generative AI Application Builder VPC, 6 endpoints in 2 AZs, 1,024 GB processed',
    source: GAAB_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'vpc_endpoints',
        params: { endpoints: 6, availability_zones: 2, hours: 730, data_processed_gb: 1_024 },
      },
    ],
    printedTotal: '97.84',
  },
]
