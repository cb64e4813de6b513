import { countChunks, KIB, readBoolean, readBytes } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

export interface DynamoDbEvent extends IngestEventBase {
  type: 'dynamodb.write' | 'dynamodb.read'
  bytes: number
  consistent: boolean
  transactional: boolean
}

/** One write request unit writes up to 1 KB. */
const WRITE_UNIT_BYTES = KIB
/** One read request unit reads up to 4 KB strongly consistently. */
const READ_UNIT_BYTES = 4 * KIB

function readDynamoDb(
  type: DynamoDbEvent['type'],
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): DynamoDbEvent {
  return {
    type,
    time,
    bytes: readBytes(raw, problems, true),
    consistent: readBoolean(raw, 'consistent', problems),
    transactional: readBoolean(raw, 'transactional', problems),
  }
}

/**
 * DynamoDB on-demand write: one WRU per 1 KB of item (rounded up, at least 1), doubled when transactional.
 */
function meterWrite(event: DynamoDbEvent, sink: MeterSink): void {
  const units = countChunks(event.bytes, WRITE_UNIT_BYTES)
  sink('dynamodb.write_request_units', event.transactional ? units * 2 : units)
}

/**
 * DynamoDB on-demand read: one RRU per 4 KB (rounded up, at least 1) when strongly consistent, half that when
 * eventually consistent (the default) and double when transactional. Stored in half-RRUs so the eventually
 * consistent half stays an integer.
 */
function meterRead(event: DynamoDbEvent, sink: MeterSink): void {
  const units = countChunks(event.bytes, READ_UNIT_BYTES)
  const halfUnitsPerUnit = event.transactional ? 4 : event.consistent ? 2 : 1
  sink('dynamodb.read_request_units', units * halfUnitsPerUnit)
}

export const dynamoDbIngest: IngestSpecs<DynamoDbEvent> = {
  'dynamodb.write': { read: readDynamoDb, meter: meterWrite, sample: { bytes: 10 } },
  'dynamodb.read': { read: readDynamoDb, meter: meterRead, sample: { bytes: 10 } },
}
