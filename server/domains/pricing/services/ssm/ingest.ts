import { readBoolean } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

/**
 * One Parameter Store API call (GetParameter, GetParameters, GetParametersByPath, PutParameter, ...): whether it
 * touched an advanced parameter, and whether the account runs higher throughput in that Region.
 */
export interface SsmApiCallEvent extends IngestEventBase {
  type: 'ssm.api_call'
  advanced: boolean
  higherThroughput: boolean
}

function readSsmApiCall(
  type: 'ssm.api_call',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): SsmApiCallEvent {
  return {
    type,
    time,
    advanced: readBoolean(raw, 'advanced', problems),
    higherThroughput: readBoolean(raw, 'higher_throughput', problems),
  }
}

/** An interaction is billed when it uses an advanced parameter or higher throughput; otherwise it is free. */
function meterSsmApiCall(event: SsmApiCallEvent, sink: MeterSink): void {
  if (event.advanced || event.higherThroughput) sink('ssm.api_interactions', 1)
}

export const ssmIngest: IngestSpecs<SsmApiCallEvent> = {
  'ssm.api_call': { read: readSsmApiCall, meter: meterSsmApiCall, sample: { advanced: true } },
}
