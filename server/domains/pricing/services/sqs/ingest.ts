import { countChunks, KIB, readBoolean, readBytes } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

export interface SqsEvent extends IngestEventBase {
  type: 'sqs.send' | 'sqs.receive' | 'sqs.delete'
  bytes: number
  fifo: boolean
}

/** SQS bills each 64 KB chunk of a request's payload as one request. */
const SQS_CHUNK_BYTES = 64 * KIB

function readSqs(
  type: SqsEvent['type'],
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): SqsEvent {
  return { type, time, bytes: readBytes(raw, problems, true), fifo: readBoolean(raw, 'fifo', problems) }
}

/**
 * SQS: every SendMessage, ReceiveMessage and DeleteMessage is a request, and each 64 KB chunk of its payload
 * is billed as one request (a 256 KB message is 4 requests; an empty receive is 1). FIFO queues have their
 * own request price.
 */
function meterSqs(event: SqsEvent, sink: MeterSink): void {
  sink(event.fifo ? 'sqs.requests.fifo' : 'sqs.requests.standard', countChunks(event.bytes, SQS_CHUNK_BYTES))
}

export const sqsIngest: IngestSpecs<SqsEvent> = {
  'sqs.send': { read: readSqs, meter: meterSqs, sample: { bytes: 10 } },
  'sqs.receive': { read: readSqs, meter: meterSqs, sample: { bytes: 10 } },
  'sqs.delete': { read: readSqs, meter: meterSqs, sample: { bytes: 0 } },
}
