import { readBytes } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

export interface TransferOutEvent extends IngestEventBase {
  type: 'transfer.out'
  bytes: number
}

function readTransferOut(
  type: 'transfer.out',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): TransferOutEvent {
  return { type, time, bytes: readBytes(raw, problems, true) }
}

/** Bytes sent from AWS to the internet, priced per GB (stored in bytes). */
function meterTransferOut(event: TransferOutEvent, sink: MeterSink): void {
  if (event.bytes > 0) sink('data_transfer.out_gb', event.bytes)
}

export const dataTransferIngest: IngestSpecs<TransferOutEvent> = {
  'transfer.out': { read: readTransferOut, meter: meterTransferOut, sample: { bytes: 10 } },
}
