/**
 * Per-minute aggregation of a validated batch: metered usage and event counts per UTC minute, plus PII
 * findings, so the database receives a handful of upserts per request instead of one row per event. Events
 * that arrive more than a day late are aggregated per UTC day instead: a batch spread over weeks (a replayed
 * log, a mobile client's backlog) then costs one row per day and type, not one per minute (docs/metering.md).
 */
import type { EventType, IngestEvent } from './events.js'
import { meterEvent } from './metering.js'
import { type PiiFinding, scanEvent } from './pii.js'

/** Usage of one type in one minute (or day), in the usage type's base unit (docs/usage-types.md). */
export interface UsageRollup {
  /** The start of the UTC minute, or of the UTC day when `perDay`. */
  minute: Date
  perDay: boolean
  usageType: string
  quantity: number
}

export interface EventCount {
  /** The start of the UTC minute, or of the UTC day when `perDay`. */
  minute: Date
  perDay: boolean
  eventType: EventType
  count: number
}

export interface BatchAggregate {
  /** One per minute (or day) and usage type: minutes first, then days. */
  rollups: UsageRollup[]
  /** One per minute (or day) and event type: minutes first, then days. */
  eventCounts: EventCount[]
  pii: PiiFinding[]
  /** Earliest and latest event time of the batch (receive time for events without a timestamp). */
  firstEventAt: Date | undefined
  lastEventAt: Date | undefined
}

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
/** An event whose time is further than this before the request's arrival is rolled up per day. */
const LATE_EVENT_MS = DAY_MS

/**
 * One minute's (or day's) rows while aggregating. Arrays searched in order: a batch scattered over months opens a
 * bucket for most of its events, and a map per bucket cost more than the aggregation. Usage types are not a
 * fixed list (Bedrock's name the client's model), so past SMALL_BUCKET types a bucket indexes them in a map
 * (`byType`) and a batch of thousands of distinct models stays linear.
 */
interface MinuteBucket {
  minute: Date
  perDay: boolean
  usage: UsageRollup[]
  byType: Map<string, UsageRollup> | undefined
  /** Event types are a fixed, short list. */
  counts: EventCount[]
}

const SMALL_BUCKET = 16

const floorTo = (time: number, span: number) => time - (((time % span) + span) % span)

/**
 * Meters, counts and PII-scans a validated batch. An event without a timestamp is placed at `receivedAt`;
 * minutes and days are floored in UTC.
 */
export function aggregateEvents(events: readonly IngestEvent[], receivedAt: Date): BatchAggregate {
  const buckets = new Map<number, MinuteBucket>()
  const dayBuckets = new Map<number, MinuteBucket>()
  const pii: PiiFinding[] = []
  const receivedMs = receivedAt.getTime()
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY

  const lateBefore = receivedMs - LATE_EVENT_MS

  let bucket: MinuteBucket | undefined
  let bucketMs = Number.NaN
  const addUsage = (usageType: string, quantity: number) => {
    const current = bucket as MinuteBucket
    const { usage, byType } = current
    const rollup = byType ? byType.get(usageType) : usage.find((row) => row.usageType === usageType)
    if (rollup) {
      rollup.quantity += quantity
      return
    }
    const row = { minute: current.minute, perDay: current.perDay, usageType, quantity }
    usage.push(row)
    if (byType) byType.set(usageType, row)
    else if (usage.length > SMALL_BUCKET) current.byType = new Map(usage.map((r) => [r.usageType, r]))
  }

  for (let i = 0; i < events.length; i++) {
    const event = events[i]
    if (event === undefined) continue
    const time = event.time ?? receivedMs
    if (time < first) first = time
    if (time > last) last = time
    const perDay = time < lateBefore
    // A day bucket's start is a whole day (never a minute bucket's start unless that is midnight), so the
    // previous bucket is reused only when both agree; events of a batch mostly share one.
    const startMs = perDay ? floorTo(time, DAY_MS) : floorTo(time, MINUTE_MS)
    if (startMs !== bucketMs || perDay !== (bucket as MinuteBucket).perDay) {
      bucketMs = startMs
      const map = perDay ? dayBuckets : buckets
      bucket = map.get(startMs)
      if (bucket === undefined) {
        bucket = { minute: new Date(startMs), perDay, usage: [], byType: undefined, counts: [] }
        map.set(startMs, bucket)
      }
    }
    const current = bucket as MinuteBucket

    const count = current.counts.find((row) => row.eventType === event.type)
    if (count) count.count++
    else current.counts.push({ minute: current.minute, perDay, eventType: event.type, count: 1 })

    meterEvent(event, addUsage)
    scanEvent(event, i, pii)
  }

  // Arrays, not maps keyed by minute and type: a batch scattered over months has a row per event or more, and
  // building a composite key for each cost more than the rows' aggregation (docs/PERFORMANCE.md).
  const rollups: UsageRollup[] = []
  const eventCounts: EventCount[] = []
  for (const { usage, counts } of [...buckets.values(), ...dayBuckets.values()]) {
    // One by one: a bucket can hold tens of thousands of types, too many to spread as arguments.
    for (const row of usage) rollups.push(row)
    for (const row of counts) eventCounts.push(row)
  }
  return {
    rollups,
    eventCounts,
    pii,
    firstEventAt: events.length > 0 ? new Date(first) : undefined,
    lastEventAt: events.length > 0 ? new Date(last) : undefined,
  }
}
