/**
 * Pure mapping from one AWS SDK for JavaScript v3 call (client, command, input, output, timing) to the ingest
 * events of docs/metering.md, in their wire format (snake_case). No AWS SDK import: inputs and outputs are read
 * structurally, so the bridge works with any client version and costs nothing at runtime.
 */

import { METERED_CALLS, type MeteredClient } from './metered-calls.generated.js'

/** One ingest event as sent to POST /api/v1/ingest. */
export type WireEvent = { type: string; timestamp?: string } & Record<string, unknown>

export type LambdaSettings = {
  /** Configured memory (MB) when the log tail does not say it: a number, or per function name. Default 128. */
  memoryMb?: number | ((functionName: string) => number | undefined)
  /** Default `x86_64`; a function may choose per function name. */
  architecture?: 'x86_64' | 'arm64' | ((functionName: string) => 'x86_64' | 'arm64' | undefined)
}

export type KinesisSettings = {
  /**
   * Which streams are on-demand (billed per GB written) rather than provisioned (per PUT payload unit): all of
   * them, or per stream name. The call does not say; default provisioned.
   */
  onDemand?: boolean | ((streamName: string) => boolean | undefined)
}

export type SdkCall = {
  /** `context.clientName`, e.g. `SQSClient`. */
  clientName: string
  /** `context.commandName`, e.g. `SendMessageCommand`. */
  commandName: string
  input: unknown
  output: unknown
  /** Epoch ms when the call started. */
  startedAt: number
  /** Measured wall-clock duration of the call. */
  durationMs: number
}

type Raw = Record<string, unknown>

const DEFAULT_LAMBDA_MEMORY_MB = 128
/** The ingest API accepts at most 64 KiB of UTF-8 per log message. */
const MAX_LOG_MESSAGE_BYTES = 65_536
const MAX_LOG_SERVICE_LENGTH = 128
const encoder = new TextEncoder()
const decoder = new TextDecoder()

const asRecord = (value: unknown): Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {}
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined
const utf8Length = (text: string): number => encoder.encode(text).length

/** Bytes of a payload given as a string, bytes, or anything else (unknown size: 0). */
function payloadBytes(body: unknown): number {
  if (typeof body === 'string') return utf8Length(body)
  if (body instanceof Uint8Array) return body.byteLength
  if (body instanceof ArrayBuffer) return body.byteLength
  return 0
}

/**
 * SQS and SNS count message attributes toward the message size: each attribute's name, data type and
 * value.
 */
function attributesBytes(attributes: unknown): number {
  let total = 0
  for (const [name, raw] of Object.entries(asRecord(attributes))) {
    const attribute = asRecord(raw)
    total += utf8Length(name) + utf8Length(asString(attribute.DataType) ?? '')
    total += payloadBytes(attribute.StringValue) + payloadBytes(attribute.BinaryValue)
  }
  return total
}

/**
 * DynamoDB item size, as AWS computes it for capacity units: each attribute's UTF-8 name plus its value;
 * strings by UTF-8 length, binaries by length, numbers about (significant digits / 2) + 1, booleans and
 * nulls 1 byte, lists and maps 3 bytes plus 1 byte per element plus their contents.
 */
export function dynamoItemBytes(item: unknown): number {
  let total = 0
  for (const [name, value] of Object.entries(asRecord(item)))
    total += utf8Length(name) + attributeBytes(value)
  return total
}

function numberBytes(text: string): number {
  const digits = text
    .replace(/^[-+]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
  const significant = digits.replace(/^0+/, '').replace(/0+$/, '')
  return Math.ceil(Math.max(1, significant.length) / 2) + 1
}

function attributeBytes(value: unknown): number {
  const attribute = asRecord(value)
  if (typeof attribute.S === 'string') return utf8Length(attribute.S)
  if (typeof attribute.N === 'string') return numberBytes(attribute.N)
  if (attribute.B !== undefined) return payloadBytes(attribute.B)
  if (attribute.BOOL !== undefined || attribute.NULL !== undefined) return 1
  if (Array.isArray(attribute.SS)) return attribute.SS.reduce((n: number, s) => n + payloadBytes(s), 0)
  if (Array.isArray(attribute.NS)) return attribute.NS.reduce((n: number, s) => n + numberBytes(String(s)), 0)
  if (Array.isArray(attribute.BS)) return attribute.BS.reduce((n: number, b) => n + payloadBytes(b), 0)
  if (Array.isArray(attribute.L)) return attribute.L.reduce((n: number, v) => n + 1 + attributeBytes(v), 3)
  if (attribute.M !== undefined) {
    const entries = Object.entries(asRecord(attribute.M))
    return entries.reduce((n, [k, v]) => n + 1 + utf8Length(k) + attributeBytes(v), 3)
  }
  return 0
}

/** Cuts a string to at most `maxBytes` of UTF-8 without leaving half a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text
  const bytes = encoder.encode(text)
  if (bytes.length <= maxBytes) return text
  return decoder.decode(bytes.subarray(0, maxBytes)).replace(/\uFFFD+$/, '')
}

function sqsEvents(command: string, input: Raw, output: Raw): WireEvent[] {
  const fifo = (asString(input.QueueUrl) ?? '').endsWith('.fifo')
  switch (command) {
    case 'SendMessage':
      return [
        {
          type: 'sqs.send',
          bytes: payloadBytes(input.MessageBody) + attributesBytes(input.MessageAttributes),
          fifo,
        },
      ]
    case 'SendMessageBatch': {
      // A batch is one request whose total payload is billed in 64 KB chunks.
      const bytes = asArray(input.Entries).reduce<number>((n, raw) => {
        const entry = asRecord(raw)
        return n + payloadBytes(entry.MessageBody) + attributesBytes(entry.MessageAttributes)
      }, 0)
      return [{ type: 'sqs.send', bytes, fifo }]
    }
    case 'ReceiveMessage': {
      const bytes = asArray(output.Messages).reduce<number>((n, raw) => {
        const message = asRecord(raw)
        return n + payloadBytes(message.Body) + attributesBytes(message.MessageAttributes)
      }, 0)
      return [{ type: 'sqs.receive', bytes, fifo }]
    }
    case 'DeleteMessage':
    case 'DeleteMessageBatch':
      return [{ type: 'sqs.delete', bytes: 0, fifo }]
    default:
      return []
  }
}

function snsEvents(command: string, input: Raw): WireEvent[] {
  if (command === 'Publish') {
    return [
      {
        type: 'sns.publish',
        bytes: payloadBytes(input.Message) + attributesBytes(input.MessageAttributes),
      },
    ]
  }
  if (command === 'PublishBatch') {
    const bytes = asArray(input.PublishBatchRequestEntries).reduce<number>((n, raw) => {
      const entry = asRecord(raw)
      return n + payloadBytes(entry.Message) + attributesBytes(entry.MessageAttributes)
    }, 0)
    return [{ type: 'sns.publish', bytes }]
  }
  return []
}

/** Reads `Duration: 12.34 ms` and `Memory Size: 512 MB` from the REPORT line of a Lambda log tail. */
export function parseLambdaLogTail(logResult: string | undefined): {
  durationMs?: number
  memoryMb?: number
} {
  if (!logResult) return {}
  let text: string
  try {
    text = decoder.decode(Uint8Array.from(atob(logResult), (c) => c.charCodeAt(0)))
  } catch {
    return {}
  }
  const duration = /\bDuration: ([0-9.]+) ms/.exec(text.replace(/Billed Duration: [0-9.]+ ms/g, ''))
  const memory = /Memory Size: ([0-9]+) MB/.exec(text)
  const result: { durationMs?: number; memoryMb?: number } = {}
  if (duration?.[1]) result.durationMs = Number(duration[1])
  if (memory?.[1]) result.memoryMb = Number(memory[1])
  return result
}

function lambdaEvents(call: SdkCall, input: Raw, output: Raw, settings: LambdaSettings): WireEvent[] {
  if (call.commandName !== 'InvokeCommand') return []
  // A dry run only checks permissions: nothing runs and nothing is billed.
  if (input.InvocationType === 'DryRun') return []
  const functionName = asString(input.FunctionName) ?? ''
  const tail = parseLambdaLogTail(asString(output.LogResult))
  const configured =
    typeof settings.memoryMb === 'function' ? settings.memoryMb(functionName) : settings.memoryMb
  const architecture =
    typeof settings.architecture === 'function' ? settings.architecture(functionName) : settings.architecture
  const memory = Math.round(tail.memoryMb ?? configured ?? DEFAULT_LAMBDA_MEMORY_MB)
  const duration = Math.min(900_000, Math.max(0, tail.durationMs ?? call.durationMs))
  return [
    {
      type: 'lambda.invoke',
      duration_ms: Math.round(duration * 1000) / 1000,
      memory_mb: Math.min(10_240, Math.max(128, memory)),
      architecture: architecture ?? 'x86_64',
    },
  ]
}

function s3Events(command: string, input: Raw, output: Raw): WireEvent[] {
  switch (command) {
    case 'PutObject':
      return [{ type: 's3.put', bytes: asNumber(input.ContentLength) ?? payloadBytes(input.Body) }]
    case 'GetObject':
      return [{ type: 's3.get', bytes: asNumber(output.ContentLength) ?? 0 }]
    case 'ListObjectsV2':
    case 'ListObjects':
      return [{ type: 's3.list' }]
    case 'DeleteObject':
      return [{ type: 's3.delete' }]
    default:
      return []
  }
}

/** ConsumedCapacity converted to the bytes that meter to exactly those units. */
function capacityBytes(consumed: unknown, kind: 'read' | 'write', consistent: boolean): number | undefined {
  const units = asNumber(asRecord(consumed).CapacityUnits)
  if (units === undefined) return undefined
  if (kind === 'write') return Math.round(units * 1024)
  return Math.round(units * 4096 * (consistent ? 1 : 2))
}

function dynamoEvents(command: string, input: Raw, output: Raw): WireEvent[] {
  const consistent = input.ConsistentRead === true
  switch (command) {
    case 'PutItem':
      return [
        {
          type: 'dynamodb.write',
          bytes: capacityBytes(output.ConsumedCapacity, 'write', false) ?? dynamoItemBytes(input.Item),
        },
      ]
    case 'GetItem':
      return [
        {
          type: 'dynamodb.read',
          bytes: capacityBytes(output.ConsumedCapacity, 'read', consistent) ?? dynamoItemBytes(output.Item),
          consistent,
        },
      ]
    case 'Query': {
      // A query's item sizes are summed before rounding to 4 KB: one read event for the whole page.
      const itemBytes = asArray(output.Items).reduce<number>((n, item) => n + dynamoItemBytes(item), 0)
      return [
        {
          type: 'dynamodb.read',
          bytes: capacityBytes(output.ConsumedCapacity, 'read', consistent) ?? itemBytes,
          consistent,
        },
      ]
    }
    case 'BatchWriteItem': {
      // Each put or delete in a batch is billed as its own write (each rounded up to 1 KB).
      const events: WireEvent[] = []
      for (const requests of Object.values(asRecord(input.RequestItems))) {
        for (const raw of asArray(requests)) {
          const request = asRecord(raw)
          const put = asRecord(request.PutRequest).Item
          const key = asRecord(request.DeleteRequest).Key
          events.push({ type: 'dynamodb.write', bytes: dynamoItemBytes(put ?? key) })
        }
      }
      return events
    }
    default:
      return []
  }
}

/**
 * Token counts from an InvokeModel body, for the provider formats Bedrock returns: Anthropic
 * (`usage.input_tokens`), Amazon Nova (`usage.inputTokens`), Titan (`inputTextTokenCount`,
 * `results[].tokenCount`), Meta Llama (`prompt_token_count`, `generation_token_count`), Cohere and Mistral
 * through the same names when present.
 */
export function invokeModelTokens(body: unknown): { input?: number; output?: number } {
  let json: Raw
  try {
    const bytes = body instanceof Uint8Array ? body : undefined
    if (!bytes || bytes.byteLength > 4 * 1024 * 1024) return {}
    json = asRecord(JSON.parse(decoder.decode(bytes)))
  } catch {
    return {}
  }
  const usage = asRecord(json.usage)
  const input =
    asNumber(usage.input_tokens) ??
    asNumber(usage.inputTokens) ??
    asNumber(usage.prompt_tokens) ??
    asNumber(json.inputTextTokenCount) ??
    asNumber(json.prompt_token_count)
  const titanOutput = asArray(json.results).reduce<number | undefined>((n, raw) => {
    const count = asNumber(asRecord(raw).tokenCount)
    return count === undefined ? n : (n ?? 0) + count
  }, undefined)
  const output =
    asNumber(usage.output_tokens) ??
    asNumber(usage.outputTokens) ??
    asNumber(usage.completion_tokens) ??
    titanOutput ??
    asNumber(json.generation_token_count)
  const result: { input?: number; output?: number } = {}
  if (input !== undefined) result.input = Math.round(input)
  if (output !== undefined) result.output = Math.round(output)
  return result
}

/** Bedrock model ids may be ARNs; the model id is the last path segment of an ARN. */
function modelIdOf(input: Raw): string {
  const id = asString(input.modelId) ?? 'unknown'
  const short = id.startsWith('arn:') ? (id.split('/').pop() ?? id) : id
  return short.slice(0, 100)
}

function bedrockEvents(command: string, input: Raw, output: Raw): WireEvent[] {
  let tokens: { input?: number; output?: number }
  if (command === 'Converse') {
    const usage = asRecord(output.usage)
    tokens = { input: asNumber(usage.inputTokens), output: asNumber(usage.outputTokens) }
  } else if (command === 'InvokeModel') {
    tokens = invokeModelTokens(output.body)
  } else {
    return []
  }
  const event: WireEvent = { type: 'bedrock.invoke', model: modelIdOf(input) }
  if (tokens.input !== undefined) event.input_tokens = tokens.input
  if (tokens.output !== undefined) event.output_tokens = tokens.output
  return [event]
}

/**
 * EventBridge PutEvents: each entry is one custom event, billed per 64 KB chunk of its size as EventBridge
 * counts it (Time 14 bytes when given; Source, DetailType, Detail and each Resource in UTF-8). Entries the
 * answer reports as failed were not published and are not billed.
 */
export function putEventsEntryBytes(entry: unknown): number {
  const e = asRecord(entry)
  const texts = [e.Source, e.DetailType, e.Detail, ...asArray(e.Resources)]
  return (e.Time === undefined ? 0 : 14) + texts.reduce<number>((n, text) => n + payloadBytes(text), 0)
}

function eventBridgeEvents(command: string, input: Raw, output: Raw): WireEvent[] {
  if (command !== 'PutEvents') return []
  const results = asArray(output.Entries)
  return asArray(input.Entries).flatMap((entry, i) =>
    asRecord(results[i]).ErrorCode === undefined
      ? [{ type: 'eventbridge.put', bytes: putEventsEntryBytes(entry) }]
      : [],
  )
}

/** Encryption algorithms of asymmetric keys: their requests are priced apart and excluded from the free tier. */
const ASYMMETRIC_ENCRYPTION = /^(RSAES_|SM2PKE)/

/**
 * KMS: each successful request with a symmetric or HMAC key is one `kms.request`. Encrypt, Decrypt and
 * ReEncrypt that name an asymmetric algorithm use an asymmetric key, whose size the call does not tell (RSA
 * 2048 and the others are priced apart): they are not metered.
 */
function kmsEvents(input: Raw): WireEvent[] {
  const algorithms = [
    input.EncryptionAlgorithm,
    input.SourceEncryptionAlgorithm,
    input.DestinationEncryptionAlgorithm,
  ]
  if (algorithms.some((algorithm) => ASYMMETRIC_ENCRYPTION.test(asString(algorithm) ?? ''))) return []
  return [{ type: 'kms.request' }]
}

/** Recipients of an SES destination (To, Cc and Bcc); a message names at least one. */
function sesRecipients(destination: unknown): number {
  const d = asRecord(destination)
  const count = [d.ToAddresses, d.CcAddresses, d.BccAddresses].reduce<number>(
    (n, list) => n + asArray(list).length,
    0,
  )
  return Math.max(count, 1)
}

/**
 * SES: each message sent is one `ses.send` with its recipients (each billed as one email) and the bytes of the
 * attachments of a simple message (SESv2 `Content.Simple.Attachments`); the attachments inside a raw MIME
 * message are not measured. SendBulkEmail sends one message per entry and reports each entry's status.
 */
function sesEvents(command: string, input: Raw, output: Raw): WireEvent[] {
  if (command === 'SendBulkEmail') {
    const results = asArray(output.BulkEmailEntryResults)
    return asArray(input.BulkEmailEntries).flatMap((entry, i) =>
      asString(asRecord(results[i]).Status) === 'SUCCESS'
        ? [{ type: 'ses.send', recipients: sesRecipients(asRecord(entry).Destination), bytes: 0 }]
        : [],
    )
  }
  const destination = command === 'SendRawEmail' ? { ToAddresses: input.Destinations } : input.Destination
  const attachments = asArray(asRecord(asRecord(input.Content).Simple).Attachments)
  const bytes = attachments.reduce<number>(
    (n, attachment) => n + payloadBytes(asRecord(attachment).RawContent),
    0,
  )
  return [{ type: 'ses.send', recipients: sesRecipients(destination), bytes }]
}

/** Secrets Manager: every metered API call is one `secretsmanager.request`, whatever the secret's size. */
function secretsManagerEvents(): WireEvent[] {
  return [{ type: 'secretsmanager.request' }]
}

/** Express Workflows run at most five minutes; a longer measured call time is the caller's wait. */
const MAX_EXPRESS_DURATION_MS = 300_000

/**
 * Step Functions StartSyncExecution (Express): one `stepfunctions.express_execution` with the billed duration and
 * memory the answer's `billingDetails` states, else the measured call time at the 64 MB minimum. Failed and
 * timed-out executions are billed too.
 */
function stepFunctionsEvents(call: SdkCall, output: Raw): WireEvent[] {
  const billing = asRecord(output.billingDetails)
  const duration = asNumber(billing.billedDurationInMilliseconds) ?? call.durationMs
  return [
    {
      type: 'stepfunctions.express_execution',
      duration_ms: Math.min(MAX_EXPRESS_DURATION_MS, Math.max(0, duration)),
      memory_mb: Math.max(1, asNumber(billing.billedMemoryUsedInMB) ?? 64),
    },
  ]
}

/** A Kinesis record's billed size: its data blob plus its partition key. */
function kinesisRecordBytes(record: Raw): number {
  return payloadBytes(record.Data) + payloadBytes(record.PartitionKey)
}

/**
 * Kinesis PutRecord and each record of PutRecords that the answer does not report as failed: one `kinesis.put`
 * with the data blob plus partition key in bytes, metered as the capacity mode `kinesis.onDemand` gives the stream
 * (the call does not say it; provisioned PUT payload units by default).
 */
function kinesisEvents(command: string, input: Raw, output: Raw, settings: KinesisSettings): WireEvent[] {
  // The stream is named by StreamName or by the last segment of StreamARN (arn:...:stream/<name>).
  const stream = asString(input.StreamName) ?? asString(input.StreamARN)?.split('/').pop() ?? ''
  const onDemand = typeof settings.onDemand === 'function' ? settings.onDemand(stream) : settings.onDemand
  const put = (record: Raw): WireEvent => ({
    type: 'kinesis.put',
    bytes: kinesisRecordBytes(record),
    ...(onDemand ? { capacity_mode: 'on_demand' } : {}),
  })
  if (command === 'PutRecord') return [put(input)]
  const results = asArray(output.Records)
  return asArray(input.Records).flatMap((record, i) =>
    asRecord(results[i]).ErrorCode === undefined ? [put(asRecord(record))] : [],
  )
}

/**
 * Firehose PutRecord and each record of PutRecordBatch that the answer does not report as failed: one
 * `firehose.put` with the data blob's bytes. Whether the stream converts formats or delivers into a VPC is not
 * in the call, so only ingestion is metered.
 */
function firehoseEvents(command: string, input: Raw, output: Raw): WireEvent[] {
  if (command === 'PutRecord')
    return [{ type: 'firehose.put', bytes: payloadBytes(asRecord(input.Record).Data) }]
  const results = asArray(output.RequestResponses)
  return asArray(input.Records).flatMap((record, i) =>
    asRecord(results[i]).ErrorCode === undefined
      ? [{ type: 'firehose.put', bytes: payloadBytes(asRecord(record).Data) }]
      : [],
  )
}

/**
 * Parameter Store PutParameter: a write to an advanced parameter (the tier the answer reports, else the one
 * requested) is one billed `ssm.api_call`. A standard parameter's calls are billed only with higher throughput,
 * which no call reveals, and GetParameter(s) answers do not say a parameter's tier: those are not metered.
 */
function ssmEvents(input: Raw, output: Raw): WireEvent[] {
  const tier = asString(output.Tier) ?? asString(input.Tier)
  return tier === 'Advanced' ? [{ type: 'ssm.api_call', advanced: true }] : []
}

/**
 * X-Ray: each root segment (a segment document without `parent_id`) that PutTraceSegments accepted is one trace
 * recorded; BatchGetTraces retrieves its answer's traces, GetTraceSummaries scans `TracesProcessedCount`.
 */
function xrayEvents(command: string, input: Raw, output: Raw): WireEvent[] {
  if (command === 'PutTraceSegments') {
    const rejected = new Set(
      asArray(output.UnprocessedTraceSegments).map((segment) => asString(asRecord(segment).Id)),
    )
    return asArray(input.TraceSegmentDocuments).flatMap((document) => {
      const segment = parseSegment(document)
      return segment.parent_id === undefined &&
        segment.type !== 'subsegment' &&
        !rejected.has(asString(segment.id))
        ? [{ type: 'xray.trace' }]
        : []
    })
  }
  const traces =
    command === 'BatchGetTraces'
      ? asArray(output.Traces).length
      : (asNumber(output.TracesProcessedCount) ?? 0)
  return traces > 0 ? [{ type: 'xray.read', traces }] : []
}

/** A segment document as sent (a JSON string); an unreadable one counts as no segment. */
function parseSegment(document: unknown): Raw {
  try {
    return asRecord(JSON.parse(asString(document) ?? ''))
  } catch {
    return { parent_id: 'unreadable' }
  }
}

function logsEvents(command: string, input: Raw): WireEvent[] {
  if (command !== 'PutLogEvents') return []
  const service = (asString(input.logGroupName) ?? '').slice(0, MAX_LOG_SERVICE_LENGTH)
  return asArray(input.logEvents).map((raw) => {
    const event: WireEvent = {
      type: 'log',
      message: truncateUtf8(asString(asRecord(raw).message) ?? '', MAX_LOG_MESSAGE_BYTES),
    }
    if (service) event.service = service
    return event
  })
}

/** Settings for the clients whose calls do not tell everything their billing needs. */
type ClientSettings = { lambda: LambdaSettings; kinesis: KinesisSettings }

type ClientEvents = (
  command: string,
  call: SdkCall,
  input: Raw,
  output: Raw,
  settings: ClientSettings,
) => WireEvent[]

/**
 * The events of each metered client's calls. Which clients and commands are metered comes from the service
 * descriptors (`METERED_CALLS`, generated from their `sdk`), so the compiler asks for a reader per client.
 */
const CLIENT_EVENTS: Readonly<Record<MeteredClient, ClientEvents>> = {
  SQSClient: (command, _call, input, output) => sqsEvents(command, input, output),
  SNSClient: (command, _call, input) => snsEvents(command, input),
  LambdaClient: (_command, call, input, output, settings) =>
    lambdaEvents(call, input, output, settings.lambda),
  S3Client: (command, _call, input, output) => s3Events(command, input, output),
  DynamoDBClient: (command, _call, input, output) => dynamoEvents(command, input, output),
  BedrockRuntimeClient: (command, _call, input, output) => bedrockEvents(command, input, output),
  CloudWatchLogsClient: (command, _call, input) => logsEvents(command, input),
  EventBridgeClient: (command, _call, input, output) => eventBridgeEvents(command, input, output),
  KMSClient: (_command, _call, input) => kmsEvents(input),
  SESv2Client: (command, _call, input, output) => sesEvents(command, input, output),
  SESClient: (command, _call, input, output) => sesEvents(command, input, output),
  SSMClient: (_command, _call, input, output) => ssmEvents(input, output),
  XRayClient: (command, _call, input, output) => xrayEvents(command, input, output),
  SecretsManagerClient: () => secretsManagerEvents(),
  SFNClient: (_command, call, _input, output) => stepFunctionsEvents(call, output),
  KinesisClient: (command, _call, input, output, settings) =>
    kinesisEvents(command, input, output, settings.kinesis),
  FirehoseClient: (command, _call, input, output) => firehoseEvents(command, input, output),
}

function isMetered(client: string, command: string): client is MeteredClient {
  return (
    Object.hasOwn(METERED_CALLS, client) &&
    (METERED_CALLS[client as MeteredClient] as readonly string[]).includes(command)
  )
}

/**
 * The ingest events one successful SDK call is billed as; an empty list for operations mockupAWS does not
 * meter. Every event carries the call's start time as its timestamp.
 */
export function eventsForCall(
  call: SdkCall,
  lambda: LambdaSettings = {},
  kinesis: KinesisSettings = {},
): WireEvent[] {
  const input = asRecord(call.input)
  const output = asRecord(call.output)
  const command = call.commandName.replace(/Command$/, '')
  const client = call.clientName
  const events = isMetered(client, command)
    ? CLIENT_EVENTS[client](command, call, input, output, { lambda, kinesis })
    : []
  const timestamp = new Date(call.startedAt).toISOString()
  for (const event of events) event.timestamp = timestamp
  return events
}
