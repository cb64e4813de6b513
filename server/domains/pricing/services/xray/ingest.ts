import { LIMITS, readNumber } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

/** One trace recorded: the root segment of a request X-Ray sampled. */
export interface XrayTraceEvent extends IngestEventBase {
  type: 'xray.trace'
}

/** Traces a query read: retrieved whole (BatchGetTraces) or scanned (GetTraceSummaries). */
export interface XrayReadEvent extends IngestEventBase {
  type: 'xray.read'
  traces: number
}

function readXrayTrace(type: 'xray.trace', _raw: RawEvent, time: number | undefined): XrayTraceEvent {
  return { type, time }
}

function readXrayRead(
  type: 'xray.read',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): XrayReadEvent {
  return { type, time, traces: readNumber(raw, 'traces', 1, LIMITS.maxTracesPerRead, true, problems, true) }
}

function meterXrayTrace(_event: XrayTraceEvent, sink: MeterSink): void {
  sink('xray.traces_recorded', 1)
}

/** Retrieved and scanned traces share one rate and one free allowance. */
function meterXrayRead(event: XrayReadEvent, sink: MeterSink): void {
  sink('xray.traces_retrieved_scanned', event.traces)
}

export const xrayIngest: IngestSpecs<XrayTraceEvent | XrayReadEvent> = {
  'xray.trace': { read: readXrayTrace, meter: meterXrayTrace, sample: {} },
  'xray.read': { read: readXrayRead, meter: meterXrayRead, sample: { traces: 250 } },
}
