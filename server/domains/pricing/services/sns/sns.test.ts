import { describe, expect, it } from 'vitest'
import { priceItems } from '../../../../test/priced-items.js'
import { bundledCatalog } from '../../catalog.js'
import { validateLineItem } from '../../line-items.js'

const PAGES = 'https://aws.amazon.com/sns/pricing/ and https://aws.amazon.com/sqs/pricing/'

function cost(
  service: string,
  params: Record<string, unknown>,
  includeFreeTier = false,
  region = 'us-east-1',
) {
  return priceItems(service, [params], { region, includeFreeTier })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.quantity]))
const costs = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))

describe(`SNS and SQS payloads in 64 KB chunks, SNS FIFO (${PAGES})`, () => {
  it('bills each started 64 KB chunk of a payload as one request', () => {
    expect(rows(cost('sns', { publishes: 1_000_000, avg_payload_kb: 256 }))).toEqual({
      'sns.publishes': '4000000',
    })
    expect(rows(cost('sns', { publishes: 1_000_000, avg_payload_kb: 65 }))).toEqual({
      'sns.publishes': '2000000',
    })
    expect(rows(cost('sqs', { requests: 3_000_000, avg_payload_kb: 200 }))).toEqual({
      'sqs.requests.standard': '12000000',
    })
    // Left out: requests are billed as entered, as before the param existed.
    expect(rows(cost('sqs', { requests: 3_000_000, queue_type: 'fifo' }))).toEqual({
      'sqs.requests.fifo': '3000000',
    })
  })

  it('prices a FIFO topic’s publishes, deliveries and payload GB', () => {
    // 10M publishes of 16 KB to 2 SQS queues: $0.30/M publishes, $0.017/GB published, $0.01/M deliveries,
    // $0.001/GB delivered; 10M × 16 KB = 152.587890625 GB.
    const priced = cost('sns', {
      topic_type: 'fifo',
      publishes: 10_000_000,
      sqs_deliveries: 20_000_000,
      avg_payload_kb: 16,
    })
    expect(costs(priced)).toEqual({
      'sns.publishes.fifo': '3',
      'sns.publish_payload_gb.fifo': '2.593994',
      'sns.deliveries.fifo': '0.2',
      'sns.delivery_payload_gb.fifo': '0.305176',
    })
  })

  it('prices mobile push, Firehose and Lambda deliveries (Lambda free)', () => {
    const priced = cost('sns', {
      publishes: 0,
      mobile_push_deliveries: 2_000_000,
      firehose_deliveries: 10_000_000,
      lambda_deliveries: 5_000_000,
    })
    expect(costs(priced)).toEqual({
      'sns.deliveries.firehose': '1.9',
      'sns.deliveries.lambda': '0',
      'sns.deliveries.mobile_push': '1',
    })
    const telAviv = cost('sns', { publishes: 0, mobile_push_deliveries: 1 }, false, 'il-central-1')
    expect(telAviv.unpriced.map((row) => row.usage_type)).toEqual(['sns.deliveries.mobile_push'])
  })

  it('refuses non-SQS deliveries and a missing payload size on a FIFO topic, and oversized payloads', () => {
    const fields = (service: string, params: Record<string, unknown>) => {
      const result = validateLineItem(service, params, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(
      fields('sns', { publishes: 1, topic_type: 'fifo', http_deliveries: 1, avg_payload_kb: 1 }),
    ).toEqual(['params.http_deliveries'])
    expect(fields('sns', { publishes: 1, topic_type: 'fifo' })).toEqual(['params.avg_payload_kb'])
    expect(fields('sns', { publishes: 1, avg_payload_kb: 300 })).toEqual(['params.avg_payload_kb'])
    expect(fields('sqs', { requests: 1, avg_payload_kb: 2048 })).toEqual(['params.avg_payload_kb'])
  })
})
