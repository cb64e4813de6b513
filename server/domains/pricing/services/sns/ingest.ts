import { countChunks, KIB, LIMITS, readBytes, readNumber } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

/** Deliveries per SNS subscription protocol. */
export interface SnsDeliveries {
  http: number
  email: number
  sqs: number
}

export interface SnsPublishEvent extends IngestEventBase {
  type: 'sns.publish'
  bytes: number
  deliveries: SnsDeliveries
}

/** SNS bills each 64 KB chunk of published data as one publish request. */
const SNS_CHUNK_BYTES = 64 * KIB

function readSnsPublish(
  type: 'sns.publish',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): SnsPublishEvent {
  return { type, time, bytes: readBytes(raw, problems, true), deliveries: readDeliveries(raw, problems) }
}

function readDeliveries(raw: RawEvent, problems: ProblemSink): SnsDeliveries {
  const value = raw.deliveries
  const deliveries: SnsDeliveries = { http: 0, email: 0, sqs: 0 }
  if (value === undefined) return deliveries
  // A bare count is the common case of one HTTP/S subscriber per delivery (docs/metering.md).
  if (typeof value === 'number') {
    deliveries.http = readNumber(raw, 'deliveries', 0, LIMITS.maxDeliveries, true, problems, false)
    return deliveries
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add('deliveries', 'must be an integer or an object {http?, email?, sqs?}')
    return deliveries
  }
  const counts = value as RawEvent
  for (const protocol of ['http', 'email', 'sqs'] as const) {
    if (counts[protocol] === undefined) continue
    deliveries[protocol] = readNumber(counts, protocol, 0, LIMITS.maxDeliveries, true, problems, false)
  }
  return deliveries
}

/**
 * SNS: each 64 KB chunk of published data is billed as one publish request; each delivery is billed per
 * subscription protocol (HTTP/S, email, SQS) as one delivery.
 */
function meterSnsPublish(event: SnsPublishEvent, sink: MeterSink): void {
  sink('sns.publishes', countChunks(event.bytes, SNS_CHUNK_BYTES))
  const { http, email, sqs } = event.deliveries
  if (http > 0) sink('sns.deliveries.http', http)
  if (email > 0) sink('sns.deliveries.email', email)
  if (sqs > 0) sink('sns.deliveries.sqs', sqs)
}

export const snsIngest: IngestSpecs<SnsPublishEvent> = {
  'sns.publish': {
    read: readSnsPublish,
    meter: meterSnsPublish,
    sample: { bytes: 10, deliveries: { http: 1, email: 1, sqs: 1 } },
  },
}
