import { Type } from '@sinclair/typebox'
import { count, d, gigabytes, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { sesExamples } from './examples.js'
import { sesIngest } from './ingest.js'

const BYTES_PER_GB = '1073741824'

const optionalCount = (title: string, description: string) => Type.Optional(count({ title, description }))

/**
 * Amazon SES outbound and inbound email: every recipient of a sent message is one email, attachments are
 * billed per GB sent, and every received message is billed, plus each 256 KB chunk of received mail. Dedicated IPs
 * (standard) are billed per IP-month.
 */
export const ses = defineService({
  id: 'ses',
  usageTypePrefix: 'ses',
  name: 'Amazon Simple Email Service',
  category: 'integration',
  description:
    'Email sending and receiving, billed per 1,000 emails, per GB of attachments and per dedicated IP.',
  help:
    'Emails sent (each recipient counts as one email) and the GB of attachments they carry, emails received and ' +
    'their 256 KB chunks, and standard dedicated IPs. Managed dedicated IPs, Virtual Deliverability Manager and Mail ' +
    'Manager are not included; the Free Tier is not applied.',
  params: Type.Object(
    {
      emails_sent: count({
        title: 'Emails sent per month',
        description: 'Messages sent × their recipients (To, Cc and Bcc each count as one email).',
      }),
      attachments_gb: Type.Optional(
        gigabytes({
          title: 'Attachments sent per month (GB)',
          description: 'GB of attachments in the emails sent.',
        }),
      ),
      emails_received: optionalCount('Emails received per month', 'Messages received by SES receipt rules.'),
      inbound_chunks: optionalCount(
        'Incoming mail chunks per month',
        'Chunks of 256 KB of received mail (headers, body and attachments together), as SES counts them.',
      ),
      dedicated_ips: optionalCount(
        'Dedicated IPs (standard)',
        'Standard dedicated IP addresses leased all month.',
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('ses.emails_sent', d(p.emails_sent))
    sink('ses.attachments_gb', d(p.attachments_gb ?? 0))
    sink('ses.emails_received', d(p.emails_received ?? 0))
    sink('ses.inbound_chunks', d(p.inbound_chunks ?? 0))
    sink('ses.dedicated_ip_months', d(p.dedicated_ips ?? 0))
  },
  usageTypes: [
    {
      match: 'ses.emails_sent',
      unit: 'emails',
      kind: 'flow',
      description: 'Emails sent, one per recipient.',
    },
    {
      match: 'ses.attachments_gb',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'GB of attachments sent.',
    },
    { match: 'ses.emails_received', unit: 'emails', kind: 'flow', description: 'Emails received.' },
    {
      match: 'ses.inbound_chunks',
      unit: 'chunks',
      kind: 'flow',
      description: '256 KB chunks of received mail.',
    },
    {
      match: 'ses.dedicated_ip_months',
      unit: 'IP-months',
      kind: 'stock',
      description: 'Dedicated IP-months.',
    },
  ],
  ingest: sesIngest,
  sdk: [
    { client: 'SESv2Client', commands: ['SendEmail', 'SendBulkEmail'] },
    { client: 'SESClient', commands: ['SendEmail', 'SendRawEmail', 'SendTemplatedEmail'] },
  ],
  priceList: [
    { offerCode: 'AmazonSES', awsUsageType: /^Recipients$/, usageType: 'ses.emails_sent', unit: 'emails' },
    {
      offerCode: 'AmazonSES',
      awsUsageType: /^AttachmentsSize-Bytes$/,
      usageType: 'ses.attachments_gb',
      unit: 'GB',
    },
    { offerCode: 'AmazonSES', awsUsageType: /^Message$/, usageType: 'ses.emails_received', unit: 'emails' },
    {
      offerCode: 'AmazonSES',
      awsUsageType: /^ReceivedChunk$/,
      usageType: 'ses.inbound_chunks',
      unit: 'chunks',
    },
  ],
  terraform: {
    aws_ses_domain_identity: () => ({ params: { emails_sent: 0 } }),
    aws_sesv2_email_identity: () => ({ params: { emails_sent: 0 } }),
    aws_sesv2_dedicated_ip_pool: () => ({ skip: 'no charge of its own: dedicated IPs are billed per IP' }),
  },
  examples: sesExamples,
})
