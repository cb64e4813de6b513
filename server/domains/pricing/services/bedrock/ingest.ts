import { LIMITS, readOptionalInteger, readText } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

/**
 * One on-demand invocation. A text sent without its token count is counted by the ingest domain before
 * metering (tokens.ts `countTextTokens`, asked for by metering.ts `needsTextTokens`).
 */
export interface BedrockInvokeEvent extends IngestEventBase {
  type: 'bedrock.invoke'
  model: string
  inputTokens: number | undefined
  outputTokens: number | undefined
  inputText: string | undefined
  outputText: string | undefined
}

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/

function readBedrockInvoke(
  type: 'bedrock.invoke',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): BedrockInvokeEvent {
  return {
    type,
    time,
    model: readModel(raw, problems),
    inputTokens: readOptionalInteger(raw, 'input_tokens', LIMITS.maxTokens, problems),
    outputTokens: readOptionalInteger(raw, 'output_tokens', LIMITS.maxTokens, problems),
    inputText: readText(raw, 'input_text', LIMITS.maxTextBytes, problems, false),
    outputText: readText(raw, 'output_text', LIMITS.maxTextBytes, problems, false),
  }
}

function readModel(raw: RawEvent, problems: ProblemSink): string {
  const model = raw.model
  if (typeof model !== 'string' || model.length === 0) {
    problems.add('model', 'is required and must be a non-empty string')
    return ''
  }
  if (model.length > LIMITS.maxModelLength || !MODEL_ID.test(model)) {
    problems.add(
      'model',
      `must be a model id of at most ${LIMITS.maxModelLength} characters (letters, digits, . _ : / -)`,
    )
    return ''
  }
  return model
}

/**
 * Bedrock on-demand: input and output tokens are billed separately per model. Texts sent without counts are
 * counted before metering, so here an absent count is no usage.
 */
function meterBedrockInvoke(event: BedrockInvokeEvent, sink: MeterSink): void {
  const input = event.inputTokens ?? 0
  const output = event.outputTokens ?? 0
  if (input > 0) sink(`bedrock.input_tokens.${event.model}`, input)
  if (output > 0) sink(`bedrock.output_tokens.${event.model}`, output)
}

export const bedrockIngest: IngestSpecs<BedrockInvokeEvent> = {
  'bedrock.invoke': {
    read: readBedrockInvoke,
    meter: meterBedrockInvoke,
    sample: { model: 'anthropic.claude-3-haiku', input_tokens: 10, output_tokens: 5 },
  },
}
