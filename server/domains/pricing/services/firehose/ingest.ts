import { countChunks, readBoolean, readNumber } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'
import { MAX_RECORD_BYTES, RECORD_STEP_BYTES } from './billing.js'

/** One record put into a Firehose stream (PutRecord, or one record of PutRecordBatch). */
export interface FirehosePutEvent extends IngestEventBase {
  type: 'firehose.put'
  bytes: number
  /** The stream converts JSON to Parquet or ORC. */
  formatConversion: boolean
  /** The stream delivers to a destination in a VPC. */
  vpcDelivery: boolean
}

function readPut(
  type: 'firehose.put',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): FirehosePutEvent {
  return {
    type,
    time,
    bytes: readNumber(raw, 'bytes', 0, MAX_RECORD_BYTES, true, problems, true),
    formatConversion: readBoolean(raw, 'format_conversion', problems),
    vpcDelivery: readBoolean(raw, 'vpc_delivery', problems),
  }
}

/** The record rounded up to 5 KB is ingested, and converted or delivered into a VPC when the stream does so. */
function meterPut(event: FirehosePutEvent, sink: MeterSink): void {
  const billed = countChunks(event.bytes, RECORD_STEP_BYTES) * RECORD_STEP_BYTES
  sink('firehose.ingested_gb', billed)
  if (event.formatConversion) sink('firehose.format_conversion_gb', billed)
  if (event.vpcDelivery) sink('firehose.vpc_data_gb', billed)
}

export const firehoseIngest: IngestSpecs<FirehosePutEvent> = {
  'firehose.put': { read: readPut, meter: meterPut, sample: { bytes: 3000, format_conversion: true } },
}
