import { LIMITS, readEnum, readNumber } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

export type Architecture = 'x86_64' | 'arm64'

export interface LambdaInvokeEvent extends IngestEventBase {
  type: 'lambda.invoke'
  durationMs: number
  memoryMb: number
  architecture: Architecture
}

const ARCHITECTURES: readonly Architecture[] = ['x86_64', 'arm64']

function readLambdaInvoke(
  type: 'lambda.invoke',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): LambdaInvokeEvent {
  return {
    type,
    time,
    durationMs: readNumber(raw, 'duration_ms', 0, LIMITS.maxDurationMs, false, problems, true),
    memoryMb: readNumber(raw, 'memory_mb', LIMITS.minMemoryMb, LIMITS.maxMemoryMb, true, problems, true),
    architecture: readEnum(raw, 'architecture', ARCHITECTURES, problems, false) ?? 'x86_64',
  }
}

/**
 * Lambda: each invocation is one request; compute is billed as memory × duration, with duration rounded up to
 * the next 1 ms (at least 1 ms), priced per architecture. Stored in MB·ms (1 GB-second = 1,024,000 MB·ms).
 */
function meterLambdaInvoke(event: LambdaInvokeEvent, sink: MeterSink): void {
  sink('lambda.requests', 1)
  const billedMs = Math.max(1, Math.ceil(event.durationMs))
  sink(`lambda.gb_seconds.${event.architecture}`, event.memoryMb * billedMs)
}

export const lambdaIngest: IngestSpecs<LambdaInvokeEvent> = {
  'lambda.invoke': {
    read: readLambdaInvoke,
    meter: meterLambdaInvoke,
    sample: { duration_ms: 12, memory_mb: 128 },
  },
}
