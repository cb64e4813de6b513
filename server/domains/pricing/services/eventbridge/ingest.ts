import { countChunks, KIB, readBytes } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

/** One entry of an EventBridge PutEvents call; `bytes` is its size as AWS counts it. */
export interface EventBridgePutEvent extends IngestEventBase {
  type: 'eventbridge.put'
  bytes: number
}

/** EventBridge bills each 64 KB chunk of a custom event entry as one event. */
const EVENTBRIDGE_CHUNK_BYTES = 64 * KIB

function readEventBridgePut(
  type: 'eventbridge.put',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): EventBridgePutEvent {
  return { type, time, bytes: readBytes(raw, problems, true) }
}

/**
 * EventBridge: each PutEvents entry published to an event bus is a custom event, billed per 64 KB chunk of
 * its size (a 256 KB entry is 4 events; an entry of a few bytes is 1).
 */
function meterEventBridgePut(event: EventBridgePutEvent, sink: MeterSink): void {
  sink('eventbridge.custom_events', countChunks(event.bytes, EVENTBRIDGE_CHUNK_BYTES))
}

export const eventBridgeIngest: IngestSpecs<EventBridgePutEvent> = {
  'eventbridge.put': { read: readEventBridgePut, meter: meterEventBridgePut, sample: { bytes: 10 } },
}
