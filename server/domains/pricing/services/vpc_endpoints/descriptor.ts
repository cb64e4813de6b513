import { Type } from '@sinclair/typebox'
import { countHours, d, gigabytes, hours, instanceCount, strict } from '../params.js'
import { asArray, asString } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'
import { vpcEndpointsExamples } from './examples.js'

/**
 * Interface VPC endpoints (AWS PrivateLink): each endpoint is billed per hour in each Availability Zone it is
 * provisioned in, and the GB it processes are billed in bands aggregated across the Region's endpoints (first
 * PB, next 4 PB, beyond). Gateway endpoints for S3 and DynamoDB are free.
 */
export const vpcEndpoints = defineService({
  id: 'vpc_endpoints',
  usageTypePrefix: 'vpce',
  name: 'AWS PrivateLink interface endpoints',
  category: 'networking',
  description:
    'Interface VPC endpoints, billed per endpoint-hour in each Availability Zone and per GB processed.',
  help:
    'Interface endpoints × the Availability Zones each is provisioned in × hours, and the GB they process in both ' +
    'directions. Gateway endpoints (S3, DynamoDB) are free; Gateway Load Balancer endpoints are not modelled.',
  params: Type.Object(
    {
      endpoints: instanceCount(10_000, {
        title: 'Interface endpoints',
        description: 'Interface VPC endpoints, or {min, typical, max}.',
      }),
      availability_zones: Type.Integer({
        minimum: 1,
        maximum: 6,
        default: 2,
        title: 'Availability Zones per endpoint',
        description: 'Availability Zones (subnets) each endpoint has a network interface in; each is billed.',
      }),
      hours,
      data_processed_gb: gigabytes({
        title: 'Data processed per month (GB)',
        description: 'GB passing through the endpoints per month, both directions.',
      }),
    },
    strict,
  ),
  rangedParams: ['endpoints', 'hours'],
  catalogValues: [],
  toUsage(p, at, sink) {
    sink('vpce.endpoint_hours', countHours(p.endpoints, p.hours, at).times(p.availability_zones))
    sink('vpce.data_processed_gb', d(p.data_processed_gb))
  },
  usageTypes: [
    {
      match: 'vpce.endpoint_hours',
      unit: 'endpoint-hours',
      kind: 'flow',
      description: 'Endpoint-hours per AZ.',
    },
    { match: 'vpce.data_processed_gb', unit: 'GB', kind: 'flow', description: 'GB processed by endpoints.' },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonVPC',
      awsUsageType: /^VpcEndpoint-Hours$/,
      usageType: 'vpce.endpoint_hours',
      unit: 'endpoint-hours',
    },
    {
      offerCode: 'AmazonVPC',
      awsUsageType: /^VpcEndpoint-Bytes$/,
      usageType: 'vpce.data_processed_gb',
      unit: 'GB',
    },
  ],
  terraform: {
    aws_vpc_endpoint: ({ values }) => {
      const type = asString(values.vpc_endpoint_type) ?? 'Gateway'
      if (type === 'Gateway') return { skip: 'no charge of its own (gateway endpoint)' }
      if (type !== 'Interface') return { skip: `${type} endpoints are not in the pricing catalog (unpriced)` }
      const subnets = asArray(values.subnet_ids).length
      return {
        params: {
          endpoints: 1,
          availability_zones: Math.min(Math.max(subnets, 1), 6),
          hours: 730,
          data_processed_gb: 0,
        },
      }
    },
  },
  examples: vpcEndpointsExamples,
})
