import { readNumber } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'
import { billedMbMs, MAX_EXPRESS_DURATION_MS, MAX_EXPRESS_MEMORY_MB, MEMORY_CHUNK_MB } from './billing.js'

/** AWS's quota of 25,000 history events per Standard execution bounds its state transitions. */
const MAX_STATE_TRANSITIONS = 25_000

/** One Standard Workflow execution and the state transitions it made (retries included). */
export interface StepFunctionsExecutionEvent extends IngestEventBase {
  type: 'stepfunctions.execution'
  stateTransitions: number
}

/** One Express Workflow execution: its duration and the memory it used. */
export interface StepFunctionsExpressEvent extends IngestEventBase {
  type: 'stepfunctions.express_execution'
  durationMs: number
  memoryMb: number
}

function readExecution(
  type: 'stepfunctions.execution',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): StepFunctionsExecutionEvent {
  return {
    type,
    time,
    stateTransitions: readNumber(raw, 'state_transitions', 1, MAX_STATE_TRANSITIONS, true, problems, true),
  }
}

function meterExecution(event: StepFunctionsExecutionEvent, sink: MeterSink): void {
  sink('stepfunctions.state_transitions', event.stateTransitions)
}

function readExpress(
  type: 'stepfunctions.express_execution',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): StepFunctionsExpressEvent {
  return {
    type,
    time,
    durationMs: readNumber(raw, 'duration_ms', 0, MAX_EXPRESS_DURATION_MS, false, problems, true),
    memoryMb:
      raw.memory_mb === undefined
        ? MEMORY_CHUNK_MB
        : readNumber(raw, 'memory_mb', 1, MAX_EXPRESS_MEMORY_MB, false, problems, false),
  }
}

/** One request, and duration × memory in MB·ms after AWS's 100 ms and 64 MB rounding. */
function meterExpress(event: StepFunctionsExpressEvent, sink: MeterSink): void {
  sink('stepfunctions.express_requests', 1)
  sink('stepfunctions.express_gb_seconds', billedMbMs(event.durationMs, event.memoryMb))
}

export const stepFunctionsIngest: IngestSpecs<StepFunctionsExecutionEvent | StepFunctionsExpressEvent> = {
  'stepfunctions.execution': { read: readExecution, meter: meterExecution, sample: { state_transitions: 7 } },
  'stepfunctions.express_execution': {
    read: readExpress,
    meter: meterExpress,
    sample: { duration_ms: 1234.5, memory_mb: 70 },
  },
}
