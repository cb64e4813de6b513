import type { IngestEventBase, IngestSpecs, MeterSink, RawEvent } from '../service-descriptor.js'

/** One billable KMS API request (symmetric or HMAC key, within the free tier's scope). */
export interface KmsRequestEvent extends IngestEventBase {
  type: 'kms.request'
}

function readKmsRequest(type: 'kms.request', _raw: RawEvent, time: number | undefined): KmsRequestEvent {
  return { type, time }
}

/** Each API request is one request whatever its payload (Encrypt takes at most 4 KB of plaintext). */
function meterKmsRequest(_event: KmsRequestEvent, sink: MeterSink): void {
  sink('kms.requests', 1)
}

export const kmsIngest: IngestSpecs<KmsRequestEvent> = {
  'kms.request': { read: readKmsRequest, meter: meterKmsRequest, sample: {} },
}
