/**
 * Per-minute aggregation of a validated batch: metered usage and event counts per UTC minute, plus PII
 * findings, so the database receives a handful of upserts per request instead of one row per event.
 */
import type { EventType, IngestEvent } from './events.js'
import { meterEvent } from './metering.js'
import { type PiiFinding, scanEvent } from './pii.js'

/** Usage of one type in one minute, in the usage type's base unit (docs/usage-types.md). */
export interface UsageRollup {
  minute: Date
  usageType: string
  quantity: number
}

export interface EventCount {
  minute: Date
  eventType: EventType
  count: number
}

export interface BatchAggregate {
  /** Keyed by `${minute epoch ms}|${usageType}`. */
  rollups: Map<string, UsageRollup>
  /** Keyed by `${minute epoch ms}|${eventType}`. */
  eventCounts: Map<string, EventCount>
  pii: PiiFinding[]
  /** Earliest and latest event time of the batch (receive time for events without a timestamp). */
  firstEventAt: Date | undefined
  lastEventAt: Date | undefined
}

const MINUTE_MS = 60_000

/** One minute's rows while aggregating; keyed by plain strings so lookups never build a composite key. */
interface MinuteBucket {
  minute: Date
  usage: Map<string, UsageRollup>
  counts: Map<EventType, EventCount>
}

/**
 * Meters, counts and PII-scans a validated batch. An event without a timestamp is placed at `receivedAt`;
 * minutes are floored in UTC.
 */
export function aggregateEvents(events: readonly IngestEvent[], receivedAt: Date): BatchAggregate {
  const buckets = new Map<number, MinuteBucket>()
  const pii: PiiFinding[] = []
  const receivedMs = receivedAt.getTime()
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY

  let bucket: MinuteBucket | undefined
  let bucketMs = Number.NaN
  const addUsage = (usageType: string, quantity: number) => {
    const usage = (bucket as MinuteBucket).usage
    const rollup = usage.get(usageType)
    if (rollup) rollup.quantity += quantity
    else usage.set(usageType, { minute: (bucket as MinuteBucket).minute, usageType, quantity })
  }

  for (let i = 0; i < events.length; i++) {
    const event = events[i]
    if (event === undefined) continue
    const time = event.time ?? receivedMs
    if (time < first) first = time
    if (time > last) last = time
    const minuteMs = time - (((time % MINUTE_MS) + MINUTE_MS) % MINUTE_MS)
    // Events of a batch mostly share a minute, so the previous bucket is checked before the map.
    if (minuteMs !== bucketMs) {
      bucketMs = minuteMs
      bucket = buckets.get(minuteMs)
      if (bucket === undefined) {
        bucket = { minute: new Date(minuteMs), usage: new Map(), counts: new Map() }
        buckets.set(minuteMs, bucket)
      }
    }
    const current = bucket as MinuteBucket

    const count = current.counts.get(event.type)
    if (count) count.count++
    else current.counts.set(event.type, { minute: current.minute, eventType: event.type, count: 1 })

    meterEvent(event, addUsage)
    scanEvent(event, i, pii)
  }

  const rollups = new Map<string, UsageRollup>()
  const eventCounts = new Map<string, EventCount>()
  for (const [minuteMs, { usage, counts }] of buckets) {
    for (const rollup of usage.values()) rollups.set(`${minuteMs}|${rollup.usageType}`, rollup)
    for (const count of counts.values()) eventCounts.set(`${minuteMs}|${count.eventType}`, count)
  }
  return {
    rollups,
    eventCounts,
    pii,
    firstEventAt: events.length > 0 ? new Date(first) : undefined,
    lastEventAt: events.length > 0 ? new Date(last) : undefined,
  }
}
