import { type IngestEvent, validateEvents } from '../domains/ingest/events.js'
import { meterEvent } from '../domains/ingest/metering.js'

/** Meters events as the ingest domain does and sums what they meter, usage type → quantity. */
function sumUsage(events: readonly IngestEvent[]): Record<string, number> {
  const usage: Record<string, number> = {}
  for (const event of events)
    meterEvent(event, (usageType, quantity) => {
      usage[usageType] = (usage[usageType] ?? 0) + quantity
    })
  return usage
}

/** The usage one event meters, usage type → quantity. */
export function meter(event: IngestEvent): Record<string, number> {
  return sumUsage([event])
}

/** Validates wire events as the ingest API does (throwing when any is refused), then meters them all. */
export function meterWire(events: readonly unknown[]): Record<string, number> {
  const validated = validateEvents(events)
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems))
  return sumUsage(validated.events)
}
