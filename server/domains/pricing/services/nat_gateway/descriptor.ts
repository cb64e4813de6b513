import { Type } from '@sinclair/typebox'
import { countHours, d, gigabytes, hours, instanceCount, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { natGatewayExamples } from './examples.js'

/**
 * Public and private NAT gateways: each gateway is billed for every hour (or part of an hour) it is
 * provisioned, and every GB it processes is billed in both directions, whatever the source or destination.
 * Data transfer out to the internet and across Availability Zones is billed on top, under data transfer.
 */
export const natGateway = defineService({
  id: 'nat_gateway',
  usageTypePrefix: 'nat_gateway',
  name: 'Amazon VPC NAT Gateway',
  category: 'networking',
  description:
    'Managed network address translation for private subnets, billed per gateway-hour and per GB processed.',
  help:
    'Gateways × hours (one gateway per Availability Zone is usual) and the GB they process in both directions; ' +
    'internet egress is billed separately under data transfer, and regional NAT gateways with provisioned ' +
    'bandwidth are not modelled.',
  params: Type.Object(
    {
      gateways: instanceCount(1000, {
        title: 'NAT gateways',
        description: 'Gateways provisioned (one per Availability Zone is usual), or {min, typical, max}.',
      }),
      hours,
      data_processed_gb: gigabytes({
        title: 'Data processed per month (GB)',
        description: 'GB passing through the gateways per month, inbound and outbound together.',
      }),
    },
    strict,
  ),
  rangedParams: ['gateways', 'hours'],
  catalogValues: [],
  toUsage(p, at, sink) {
    sink('nat_gateway.hours', countHours(p.gateways, p.hours, at))
    sink('nat_gateway.data_processed_gb', d(p.data_processed_gb))
  },
  usageTypes: [
    { match: 'nat_gateway.hours', unit: 'gateway-hours', kind: 'flow', description: 'NAT gateway-hours.' },
    {
      match: 'nat_gateway.data_processed_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'GB processed by NAT gateways.',
    },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonEC2',
      awsUsageType: /^NatGateway-Hours$/,
      usageType: 'nat_gateway.hours',
      unit: 'gateway-hours',
    },
    {
      offerCode: 'AmazonEC2',
      awsUsageType: /^NatGateway-Bytes$/,
      usageType: 'nat_gateway.data_processed_gb',
      unit: 'GB',
    },
  ],
  terraform: {
    aws_nat_gateway: () => ({ params: { gateways: 1, hours: 730, data_processed_gb: 0 } }),
  },
  examples: natGatewayExamples,
})
