import { describe, expect, it } from 'vitest'
import type { IngestEvent } from './events.js'
import { aggregateEvents, type EventCount, type UsageRollup } from './rollup.js'

const received = new Date('2025-06-15T12:00:42.500Z')

/** The rows by `${minute epoch ms}|${type}`, or `day|${day epoch ms}|${type}` for per-day rows. */
function byKey<T extends { minute: Date; perDay: boolean }>(
  rows: T[],
  type: (row: T) => string,
): Map<string, T> {
  return new Map(rows.map((row) => [`${row.perDay ? 'day|' : ''}${row.minute.getTime()}|${type(row)}`, row]))
}
const usageByKey = (rows: UsageRollup[]) => byKey(rows, (row) => row.usageType)
const countsByKey = (rows: EventCount[]) => byKey(rows, (row) => row.eventType)
const at = (iso: string) => Date.parse(iso)

describe('aggregateEvents', () => {
  it('sums usage per UTC minute and usage type, placing untimed events at the receive time', () => {
    const events: IngestEvent[] = [
      { type: 'sqs.send', time: at('2025-06-15T11:59:59.999Z'), bytes: 256 * 1024, fifo: false },
      { type: 'sqs.send', time: at('2025-06-15T12:00:00.000Z'), bytes: 10, fifo: false },
      { type: 'sqs.send', time: undefined, bytes: 70 * 1024, fifo: false },
      { type: 'lambda.invoke', time: undefined, durationMs: 10.1, memoryMb: 128, architecture: 'x86_64' },
    ]
    const { rollups } = aggregateEvents(events, received)
    const minute1159 = Date.UTC(2025, 5, 15, 11, 59)
    const minute1200 = Date.UTC(2025, 5, 15, 12, 0)
    expect([...usageByKey(rollups).entries()]).toEqual([
      [
        `${minute1159}|sqs.requests.standard`,
        { minute: new Date(minute1159), perDay: false, usageType: 'sqs.requests.standard', quantity: 4 },
      ],
      // 1 request for 10 bytes + 2 for 70 KB.
      [
        `${minute1200}|sqs.requests.standard`,
        { minute: new Date(minute1200), perDay: false, usageType: 'sqs.requests.standard', quantity: 3 },
      ],
      [
        `${minute1200}|lambda.requests`,
        { minute: new Date(minute1200), perDay: false, usageType: 'lambda.requests', quantity: 1 },
      ],
      [
        `${minute1200}|lambda.gb_seconds.x86_64`,
        {
          minute: new Date(minute1200),
          perDay: false,
          usageType: 'lambda.gb_seconds.x86_64',
          quantity: 11 * 128,
        },
      ],
    ])
  })

  it('counts events per minute and event type', () => {
    const events: IngestEvent[] = [
      { type: 's3.list', time: undefined, bytes: 0 },
      { type: 's3.list', time: undefined, bytes: 0 },
      { type: 's3.get', time: at('2025-06-15T11:00:30Z'), bytes: 0 },
    ]
    const eventCounts = countsByKey(aggregateEvents(events, received).eventCounts)
    const minute1200 = Date.UTC(2025, 5, 15, 12, 0)
    const minute1100 = Date.UTC(2025, 5, 15, 11, 0)
    expect(Object.fromEntries([...eventCounts].map(([key, value]) => [key, value.count]))).toEqual({
      [`${minute1200}|s3.list`]: 2,
      [`${minute1100}|s3.get`]: 1,
    })
    expect(eventCounts.get(`${minute1100}|s3.get`)).toEqual({
      minute: new Date(minute1100),
      perDay: false,
      eventType: 's3.get',
      count: 1,
    })
  })

  it('rolls events more than a day older than their arrival up per UTC day, the rest per minute', () => {
    const events: IngestEvent[] = [
      // 24 h + 1 ms before arrival, and two events three days back: per day.
      { type: 'sqs.send', time: received.getTime() - 86_400_001, bytes: 10, fifo: false },
      { type: 'sqs.send', time: at('2025-06-12T00:00:00.000Z'), bytes: 10, fifo: false },
      { type: 'sqs.send', time: at('2025-06-12T23:59:59.999Z'), bytes: 10, fifo: false },
      // Exactly 24 h before arrival, and midnight of the arrival day: per minute.
      { type: 'sqs.send', time: received.getTime() - 86_400_000, bytes: 10, fifo: false },
      { type: 'sqs.send', time: at('2025-06-15T00:00:10.000Z'), bytes: 10, fifo: false },
    ]
    const aggregate = aggregateEvents(events, received)
    const rollups = usageByKey(aggregate.rollups)
    const eventCounts = countsByKey(aggregate.eventCounts)
    const day12 = Date.UTC(2025, 5, 12)
    const day14 = Date.UTC(2025, 5, 14)
    const minuteDayBefore = Date.UTC(2025, 5, 14, 12, 0)
    const midnight15 = Date.UTC(2025, 5, 15)
    expect(
      Object.fromEntries([...rollups].map(([key, r]) => [key, [r.perDay, r.minute.getTime(), r.quantity]])),
    ).toEqual({
      [`day|${day14}|sqs.requests.standard`]: [true, day14, 1],
      [`day|${day12}|sqs.requests.standard`]: [true, day12, 2],
      [`${minuteDayBefore}|sqs.requests.standard`]: [false, minuteDayBefore, 1],
      [`${midnight15}|sqs.requests.standard`]: [false, midnight15, 1],
    })
    expect(eventCounts.get(`day|${day12}|sqs.send`)).toEqual({
      minute: new Date(day12),
      perDay: true,
      eventType: 'sqs.send',
      count: 2,
    })
  })

  it('nets S3 storage changes within a minute', () => {
    const events: IngestEvent[] = [
      { type: 's3.put', time: undefined, bytes: 1_000 },
      { type: 's3.delete', time: undefined, bytes: 400 },
    ]
    const minute1200 = Date.UTC(2025, 5, 15, 12, 0)
    const rollups = usageByKey(aggregateEvents(events, received).rollups)
    expect(rollups.get(`${minute1200}|s3.storage_gb_month`)?.quantity).toBe(600)
    expect(rollups.get(`${minute1200}|s3.requests.put`)?.quantity).toBe(1)
  })

  it('sums each of thousands of distinct usage types in one minute, seen once or again later in the batch', () => {
    // Bedrock's usage types name the client's model, so one minute can hold any number of them.
    const invoke = (model: string): IngestEvent => ({
      type: 'bedrock.invoke',
      time: undefined,
      model,
      inputTokens: 10,
      outputTokens: 1,
      inputText: undefined,
      outputText: undefined,
    })
    const models = Array.from({ length: 3_000 }, (_, i) => `vendor.model-${i}`)
    const events = [...models.map(invoke), invoke('vendor.model-0'), invoke('vendor.model-2999')]
    const rollups = usageByKey(aggregateEvents(events, received).rollups)
    const minute1200 = Date.UTC(2025, 5, 15, 12, 0)
    expect(rollups.size).toBe(6_000)
    expect(rollups.get(`${minute1200}|bedrock.input_tokens.vendor.model-0`)?.quantity).toBe(20)
    expect(rollups.get(`${minute1200}|bedrock.input_tokens.vendor.model-1`)?.quantity).toBe(10)
    expect(rollups.get(`${minute1200}|bedrock.output_tokens.vendor.model-2999`)?.quantity).toBe(2)
  })

  it('collects masked PII findings with the index of their event', () => {
    const events: IngestEvent[] = [
      { type: 's3.list', time: undefined, bytes: 0 },
      {
        type: 'log',
        time: undefined,
        message: 'login jane@example.com from 10.0.0.1',
        level: undefined,
        service: undefined,
      },
    ]
    expect(aggregateEvents(events, received).pii).toEqual([
      { kind: 'email', masked: 'j***@e***.com', eventIndex: 1 },
      { kind: 'ipv4', masked: '10.*.*.*', eventIndex: 1 },
    ])
  })

  it('reports the earliest and latest event times, and none for an empty batch', () => {
    const events: IngestEvent[] = [
      { type: 's3.list', time: at('2025-06-15T11:00:00Z'), bytes: 0 },
      { type: 's3.list', time: undefined, bytes: 0 },
    ]
    const aggregate = aggregateEvents(events, received)
    expect(aggregate.firstEventAt).toEqual(new Date('2025-06-15T11:00:00Z'))
    expect(aggregate.lastEventAt).toEqual(received)
    const empty = aggregateEvents([], received)
    expect(empty.firstEventAt).toBeUndefined()
    expect(empty.rollups).toEqual([])
  })
})
