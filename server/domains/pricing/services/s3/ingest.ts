import { readBytes } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

export interface S3Event extends IngestEventBase {
  type: 's3.put' | 's3.get' | 's3.list' | 's3.delete'
  bytes: number
}

function readS3(
  type: S3Event['type'],
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): S3Event {
  return { type, time, bytes: readBytes(raw, problems, false) }
}

/*
 * S3: PUT and LIST are billed in the PUT/COPY/POST/LIST request class, GET in the GET/SELECT class, DELETE is
 * free. Storage is recorded as the change in stored bytes: a put adds its bytes, a delete with bytes
 * subtracts them (so this quantity may be negative). The stored level is the running sum of these changes;
 * GB-month is that level integrated over time (docs/metering.md).
 */

function meterPut(event: S3Event, sink: MeterSink): void {
  sink('s3.requests.put', 1)
  if (event.bytes > 0) sink('s3.storage_gb_month', event.bytes)
}

function meterList(_event: S3Event, sink: MeterSink): void {
  sink('s3.requests.put', 1)
}

function meterGet(_event: S3Event, sink: MeterSink): void {
  sink('s3.requests.get', 1)
}

function meterDelete(event: S3Event, sink: MeterSink): void {
  if (event.bytes > 0) sink('s3.storage_gb_month', -event.bytes)
}

export const s3Ingest: IngestSpecs<S3Event> = {
  's3.put': { read: readS3, meter: meterPut, sample: { bytes: 10 } },
  's3.get': { read: readS3, meter: meterGet, sample: {} },
  's3.list': { read: readS3, meter: meterList, sample: {} },
  's3.delete': { read: readS3, meter: meterDelete, sample: { bytes: 10 } },
}
