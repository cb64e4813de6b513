import { LIMITS, readBytes, readNumber } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

/** One message sent through SES; each recipient is one email, `bytes` the attachments it carries. */
export interface SesSendEvent extends IngestEventBase {
  type: 'ses.send'
  recipients: number
  bytes: number
}

function readSesSend(
  type: 'ses.send',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): SesSendEvent {
  return {
    type,
    time,
    recipients: readNumber(raw, 'recipients', 1, LIMITS.maxSesRecipients, true, problems, true),
    bytes: readBytes(raw, problems, false),
  }
}

/** Each recipient is one email; attachments are billed per GB sent (stored in bytes). */
function meterSesSend(event: SesSendEvent, sink: MeterSink): void {
  sink('ses.emails_sent', event.recipients)
  if (event.bytes > 0) sink('ses.attachments_gb', event.bytes)
}

export const sesIngest: IngestSpecs<SesSendEvent> = {
  'ses.send': { read: readSesSend, meter: meterSesSend, sample: { recipients: 3 } },
}
