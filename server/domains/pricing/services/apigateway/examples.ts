import type { WorkedExample } from '../service-descriptor.js'

const APIGW_ARTICLE =
  'https://awsforengineers.com/blog/aws-api-gateway-pricing-explained (restating https://aws.amazon.com/api-gateway/pricing/)'

/** AWS Messaging Blog, 24 March 2026 (Bruno Giorgini), "Cost considerations". */
const MESSAGING_API_BLOG =
  'https://aws.amazon.com/blogs/messaging-and-targeting/building-a-scalable-messaging-api-with-aws-end-user-messaging-and-ses/'

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
  {
    // "For 1 million messages per month estimated costs are: API Gateway | 1M requests | $3.50 [...]": the
    // post's REST API (JWT Lambda authorizer) at $3.50 per million requests, without the 12-month free tier.
    name: 'API Gateway: messaging API, 1M REST requests in a month (no free tier)',
    source: MESSAGING_API_BLOG,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'apigateway', params: { api_type: 'rest', requests: 1_000_000 } }],
    printedTotal: '3.50',
  },
]
