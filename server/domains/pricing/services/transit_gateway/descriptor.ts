import { Type } from '@sinclair/typebox'
import { countHours, d, gigabytes, hours, instanceCount, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { transitGatewayExamples } from './examples.js'

/**
 * Transit Gateway: each attachment (VPC, VPN, Direct Connect gateway, peering, Connect) is billed per hour it
 * is attached, and the GB sent from an attachment through the gateway are billed once, by the account that
 * owns the sending attachment; peering attachments carry no data-processing charge.
 */
export const transitGateway = defineService({
  id: 'transit_gateway',
  usageTypePrefix: 'tgw',
  name: 'AWS Transit Gateway',
  category: 'networking',
  description: 'Hub for VPCs and on-premises networks, billed per attachment-hour and per GB processed.',
  help:
    'Attachments × hours, and the GB sent into the gateway from VPC, VPN and Direct Connect attachments ' +
    '(peering attachments are not charged for data). Multicast and inter-Region data transfer are not included.',
  params: Type.Object(
    {
      attachments: instanceCount(5000, {
        title: 'Attachments',
        description:
          'VPC, VPN, Direct Connect gateway, peering and Connect attachments, or {min, typical, max}.',
      }),
      hours,
      data_processed_gb: gigabytes({
        title: 'Data processed per month (GB)',
        description: 'GB sent to the gateway from its VPC, VPN and Direct Connect attachments per month.',
      }),
    },
    strict,
  ),
  rangedParams: ['attachments', 'hours'],
  catalogValues: [],
  toUsage(p, at, sink) {
    sink('tgw.attachment_hours', countHours(p.attachments, p.hours, at))
    sink('tgw.data_processed_gb', d(p.data_processed_gb))
  },
  usageTypes: [
    {
      match: 'tgw.attachment_hours',
      unit: 'attachment-hours',
      kind: 'flow',
      description: 'Attachment-hours.',
    },
    { match: 'tgw.data_processed_gb', unit: 'GB', kind: 'flow', description: 'GB processed by the gateway.' },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonVPC',
      awsUsageType: /^TransitGateway-Hours$/,
      usageType: 'tgw.attachment_hours',
      unit: 'attachment-hours',
    },
    {
      offerCode: 'AmazonVPC',
      awsUsageType: /^TransitGateway-Bytes$/,
      usageType: 'tgw.data_processed_gb',
      unit: 'GB',
    },
  ],
  terraform: {
    aws_ec2_transit_gateway: () => ({ skip: 'no charge of its own: its attachments are billed' }),
    aws_ec2_transit_gateway_vpc_attachment: () => ({
      params: { attachments: 1, hours: 730, data_processed_gb: 0 },
    }),
    aws_ec2_transit_gateway_peering_attachment: () => ({
      params: { attachments: 1, hours: 730, data_processed_gb: 0 },
    }),
  },
  examples: transitGatewayExamples,
})
