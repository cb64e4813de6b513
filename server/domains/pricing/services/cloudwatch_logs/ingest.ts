import { LIMITS, readShortString, readText } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

export interface LogEvent extends IngestEventBase {
  type: 'log'
  message: string
  level: string | undefined
  service: string | undefined
}

/** CloudWatch Logs counts each log event as its UTF-8 message plus 26 bytes. */
const LOG_EVENT_OVERHEAD_BYTES = 26

function readLog(type: 'log', raw: RawEvent, time: number | undefined, problems: ProblemSink): LogEvent {
  return {
    type,
    time,
    message: readText(raw, 'message', LIMITS.maxMessageBytes, problems, true) ?? '',
    level: readShortString(raw, 'level', LIMITS.maxLevelLength, problems),
    service: readShortString(raw, 'service', LIMITS.maxServiceLength, problems),
  }
}

/**
 * CloudWatch Logs ingestion: a log event is ingested as the UTF-8 byte length of its message plus 26 bytes of
 * per-event overhead (the size PutLogEvents counts). Log storage is not metered from events: AWS bills it on
 * compressed archive size over the retention period, which an event does not reveal.
 */
function meterLog(event: LogEvent, sink: MeterSink): void {
  sink('cloudwatch_logs.ingested_gb', Buffer.byteLength(event.message, 'utf8') + LOG_EVENT_OVERHEAD_BYTES)
}

export const cloudWatchLogsIngest: IngestSpecs<LogEvent> = {
  log: { read: readLog, meter: meterLog, sample: { message: 'started' } },
}
