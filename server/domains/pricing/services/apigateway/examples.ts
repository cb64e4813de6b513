import type { WorkedExample } from '../service-descriptor.js'

const APIGW_ARTICLE =
  'https://awsforengineers.com/blog/aws-api-gateway-pricing-explained (restating https://aws.amazon.com/api-gateway/pricing/)'

export const apiGatewayExamples: WorkedExample[] = [
  {
    name: 'API Gateway: 5M REST calls with 3 KB responses, data transfer out included (no free tier)',
    source: APIGW_ARTICLE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      { service: 'apigateway', params: { api_type: 'rest', requests: 5_000_000 } },
      { service: 'data_transfer', params: { gb_out: (5_000_000 * 3) / (1024 * 1024) } },
    ],
    printedTotal: '18.79',
  },
  {
    name: 'API Gateway: 216M HTTP API requests in a month',
    source: APIGW_ARTICLE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'apigateway', params: { api_type: 'http', requests: 216_000_000 } }],
    printedTotal: '216.00',
  },
]
