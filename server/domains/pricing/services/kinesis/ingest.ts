import { countChunks, readEnum, readNumber } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'
import { MAX_RECORD_BYTES, ON_DEMAND_RECORD_STEP_BYTES, PUT_PAYLOAD_UNIT_BYTES } from './billing.js'

const CAPACITY_MODES = ['provisioned', 'on_demand'] as const

/** One record put into a Kinesis data stream (PutRecord, or one record of PutRecords). */
export interface KinesisPutEvent extends IngestEventBase {
  type: 'kinesis.put'
  /** Data blob plus partition key, in bytes. */
  bytes: number
  capacityMode: (typeof CAPACITY_MODES)[number]
}

function readPut(
  type: 'kinesis.put',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): KinesisPutEvent {
  return {
    type,
    time,
    bytes: readNumber(raw, 'bytes', 0, MAX_RECORD_BYTES, true, problems, true),
    capacityMode: readEnum(raw, 'capacity_mode', CAPACITY_MODES, problems, false) ?? 'provisioned',
  }
}

/** Provisioned: 25 KB PUT payload units; on-demand: bytes ingested, the record rounded up to 1 KB. */
function meterPut(event: KinesisPutEvent, sink: MeterSink): void {
  if (event.capacityMode === 'provisioned') {
    sink('kinesis.put_payload_units', countChunks(event.bytes, PUT_PAYLOAD_UNIT_BYTES))
    return
  }
  sink(
    'kinesis.data_in_gb',
    countChunks(event.bytes, ON_DEMAND_RECORD_STEP_BYTES) * ON_DEMAND_RECORD_STEP_BYTES,
  )
}

export const kinesisIngest: IngestSpecs<KinesisPutEvent> = {
  'kinesis.put': { read: readPut, meter: meterPut, sample: { bytes: 30_000, capacity_mode: 'provisioned' } },
}
