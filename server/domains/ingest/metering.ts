/**
 * Metering: turns one validated ingest event into AWS usage with AWS's billing rules.
 *
 * Pure and synchronous. Each event type's rule is its service's meter (`services/<id>/ingest.ts`), found
 * through the registry. Usage type keys and base units are those of docs/usage-types.md; every quantity is an
 * integer in its base unit. docs/metering.md lists each rule with its AWS source.
 */
import { INGEST_EVENT_SPECS, type IngestEvent } from '../pricing/services/registry.js'
import type { MeterSink } from '../pricing/services/service-descriptor.js'

/**
 * Meters one event into `sink`. Zero quantities are never emitted, so a sink can treat every call as usage.
 */
export function meterEvent(event: IngestEvent, sink: MeterSink): void {
  const spec = INGEST_EVENT_SPECS.get(event.type)
  if (spec === undefined) throw new Error(`no meter for ingest event type ${event.type}`)
  spec.meter(event, sink)
}

/** Whether metering these events has to count text (Bedrock events sending text without counts). */
export function needsTextTokens(events: readonly IngestEvent[]): boolean {
  return events.some(
    (e) =>
      e.type === 'bedrock.invoke' &&
      ((e.inputTokens === undefined && e.inputText !== undefined) ||
        (e.outputTokens === undefined && e.outputText !== undefined)),
  )
}
