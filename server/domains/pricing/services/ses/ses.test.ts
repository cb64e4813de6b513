import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/ses/pricing/'
/** Every SES usage type once: sending with attachments, receiving with its chunks, one dedicated IP. */
const item = {
  emails_sent: 5400,
  attachments_gb: 3.7,
  emails_received: 10_000,
  inbound_chunks: 20_000,
  dedicated_ips: 1,
}

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('ses', [params], { region, includeFreeTier: true })
}

describe(`SES at the rates of ${PAGE}`, () => {
  it('bills $0.10 per 1,000 emails sent and $0.12 per GB of attachments', () => {
    // 5,400 recipients × $0.10/1,000 + 3.7 GB × $0.12
    expect(cents(cost({ emails_sent: 5400, attachments_gb: 3.7 }).total)).toBe('0.98')
    expect(cents(cost({ emails_sent: 1_000_000 }, 'eu-west-1').total)).toBe('100.00')
  })

  it('bills received email per 1,000 plus $0.09 per 1,000 chunks of 256 KB, and dedicated IPs per month', () => {
    // 10,000 × $0.10/1,000 + 20,000 × $0.09/1,000 + 2 × $24.95
    expect(
      cents(
        cost({ emails_sent: 0, emails_received: 10_000, inbound_chunks: 20_000, dedicated_ips: 2 }).total,
      ),
    ).toBe('52.70')
  })

  it('prices the other Regions from the same rate map, receiving only where the map lists it', () => {
    // github.com/lamngockhuong/aws-price lib/data/pricing/ses.json at 508fb45: 'Email sent to an external recipient' 0.0001, 'Charged for attachments sent'
    // 0.12, 'Dedicated IPs' 24.95 in both; Seoul also 'Received e mail communication' 0.0001 and 'Charged for chunks
    // of 256 KB applicable to incoming mail' 0.00009, which the map does not list for Middle East (UAE).
    // $0.54 + $0.444 + $1 + $1.80 + $24.95
    const seoul = cost(item, 'ap-northeast-2')
    expect(seoul.unpriced).toEqual([])
    expect(cents(seoul.total)).toBe('28.73')
    // $0.54 + $0.444 + $24.95, receiving unpriced
    const uae = cost(item, 'me-central-1')
    expect(cents(uae.total)).toBe('25.93')
    expect(uae.unpriced.map((row) => row.usage_type).sort()).toEqual([
      'ses.emails_received',
      'ses.inbound_chunks',
    ])
  })

  it('prices Calgary and Malaysia from the rate map of 2026-05-26 (page-rates-ses-2026-05)', () => {
    // aws-price-watcher processed/ses.json at 9d79611, under 'Canada West (Calgary)' and 'Asia Pacific (Malaysia)':
    // 'Email sent to an external recipient' 0.0001000000, 'Charged for attachments sent' 0.1200000000, 'Received e mail
    // communication' 0.0001000000, 'Charged for chunks of 256 KB applicable to incoming mail' 0.0000900000 and
    // 'Dedicated IPs' 24.9500000000; Taipei is not in the map.
    for (const region of ['ca-west-1', 'ap-southeast-5']) {
      const priced = cost(item, region)
      expect(priced.unpriced).toEqual([])
      // $0.54 + $0.444 + $1 + $1.80 + $24.95
      expect(cents(priced.total)).toBe('28.73')
    }
  })

  it('reports a region without sourced SES prices as unpriced, never $0', () => {
    const priced = cost({ emails_sent: 1000 }, 'ap-east-2')
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['ses.emails_sent'])
  })

  it('refuses a fractional email count', () => {
    const result = lineItemsToUsage([{ service: 'ses', params: { emails_sent: 1.5 } }], bundledCatalog)
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.emails_sent' }] })
  })

  it('imports sending identities with no emails yet', () => {
    const plan = terraformPlan([planResource('domain', 'aws_sesv2_email_identity', {})])
    expect(planToLineItems(plan).items.map((item) => [item.service, item.params])).toEqual([
      ['ses', { emails_sent: 0 }],
    ])
  })
})
