/**
 * Metering: turns one validated ingest event into AWS usage with AWS's billing rules.
 *
 * Pure and synchronous. Usage type keys and base units are those of docs/usage-types.md; every quantity is an
 * integer in its base unit. docs/metering.md lists each rule with its AWS source.
 */
import type {
  ApiGatewayEvent,
  BedrockInvokeEvent,
  DynamoDbEvent,
  EventBridgePutEvent,
  IngestEvent,
  LambdaInvokeEvent,
  LogEvent,
  S3Event,
  SnsPublishEvent,
  SqsEvent,
} from './events.js'

/** Receives one usage contribution; called zero or more times per event. */
export type UsageSink = (usageType: string, quantity: number) => void

const KIB = 1024

/** SQS bills each 64 KB chunk of a request's payload as one request. */
export const SQS_CHUNK_BYTES = 64 * KIB
/** SNS bills each 64 KB chunk of published data as one publish request. */
export const SNS_CHUNK_BYTES = 64 * KIB
/** EventBridge bills each 64 KB chunk of a custom event entry as one event. */
export const EVENTBRIDGE_CHUNK_BYTES = 64 * KIB
/** API Gateway HTTP APIs meter requests in 512 KB increments. */
export const HTTP_API_CHUNK_BYTES = 512 * KIB
/** API Gateway WebSocket APIs meter messages in 32 KB increments. */
export const WEBSOCKET_CHUNK_BYTES = 32 * KIB
/** DynamoDB: one write request unit writes up to 1 KB. */
export const DYNAMODB_WRITE_UNIT_BYTES = KIB
/** DynamoDB: one read request unit reads up to 4 KB strongly consistently. */
export const DYNAMODB_READ_UNIT_BYTES = 4 * KIB
/** CloudWatch Logs counts each log event as its UTF-8 message plus 26 bytes. */
export const CLOUDWATCH_LOG_EVENT_OVERHEAD_BYTES = 26

/**
 * Meters one event into `sink`. Zero quantities are never emitted, so a sink can treat every call as usage.
 */
export function meterEvent(event: IngestEvent, sink: UsageSink): void {
  switch (event.type) {
    case 'log':
      meterLog(event, sink)
      return
    case 'sqs.send':
    case 'sqs.receive':
    case 'sqs.delete':
      meterSqs(event, sink)
      return
    case 'sns.publish':
      meterSnsPublish(event, sink)
      return
    case 'lambda.invoke':
      meterLambda(event, sink)
      return
    case 'bedrock.invoke':
      meterBedrock(event, sink)
      return
    case 's3.put':
    case 's3.get':
    case 's3.list':
    case 's3.delete':
      meterS3(event, sink)
      return
    case 'dynamodb.write':
    case 'dynamodb.read':
      meterDynamoDb(event, sink)
      return
    case 'apigw.request':
      meterApiGateway(event, sink)
      return
    case 'eventbridge.put':
      meterEventBridge(event, sink)
      return
    case 'ses.send':
      // Each recipient is one email; attachments are billed per GB sent (stored in bytes).
      sink('ses.emails_sent', event.recipients)
      if (event.bytes > 0) sink('ses.attachments_gb', event.bytes)
      return
    case 'kms.request':
      // Each API request is one request whatever its payload (Encrypt takes at most 4 KB of plaintext).
      sink('kms.requests', 1)
      return
    case 'transfer.out':
      if (event.bytes > 0) sink('data_transfer.out_gb', event.bytes)
      return
    default:
      unmetered(event)
  }
}

/** The compiler's check that every event type a descriptor names has a meter above. */
function unmetered(event: never): never {
  throw new Error(`no meter for ingest event type ${(event as IngestEvent).type}`)
}

/**
 * Number of billable chunks of `chunkBytes` in a payload. An empty payload still makes one request, so the
 * minimum is 1 (AWS bills empty SQS receives and zero-byte API calls).
 */
export function countChunks(bytes: number, chunkBytes: number): number {
  return bytes <= chunkBytes ? 1 : Math.ceil(bytes / chunkBytes)
}

/**
 * CloudWatch Logs ingestion: a log event is ingested as the UTF-8 byte length of its message plus 26 bytes of
 * per-event overhead (the size PutLogEvents counts). Log storage is not metered from events: AWS bills it on
 * compressed archive size over the retention period, which an event does not reveal.
 */
function meterLog(event: LogEvent, sink: UsageSink): void {
  sink(
    'cloudwatch_logs.ingested_gb',
    Buffer.byteLength(event.message, 'utf8') + CLOUDWATCH_LOG_EVENT_OVERHEAD_BYTES,
  )
}

/**
 * SQS: every SendMessage, ReceiveMessage and DeleteMessage is a request, and each 64 KB chunk of its payload
 * is billed as one request (a 256 KB message is 4 requests; an empty receive is 1). FIFO queues have their
 * own request price.
 */
function meterSqs(event: SqsEvent, sink: UsageSink): void {
  sink(event.fifo ? 'sqs.requests.fifo' : 'sqs.requests.standard', countChunks(event.bytes, SQS_CHUNK_BYTES))
}

/**
 * SNS: each 64 KB chunk of published data is billed as one publish request; each delivery is billed per
 * subscription protocol (HTTP/S, email, SQS) as one delivery.
 */
function meterSnsPublish(event: SnsPublishEvent, sink: UsageSink): void {
  sink('sns.publishes', countChunks(event.bytes, SNS_CHUNK_BYTES))
  const { http, email, sqs } = event.deliveries
  if (http > 0) sink('sns.deliveries.http', http)
  if (email > 0) sink('sns.deliveries.email', email)
  if (sqs > 0) sink('sns.deliveries.sqs', sqs)
}

/**
 * Lambda: each invocation is one request; compute is billed as memory × duration, with duration rounded up to
 * the next 1 ms (at least 1 ms), priced per architecture. Stored in MB·ms (1 GB-second = 1,024,000 MB·ms).
 */
function meterLambda(event: LambdaInvokeEvent, sink: UsageSink): void {
  sink('lambda.requests', 1)
  const billedMs = Math.max(1, Math.ceil(event.durationMs))
  sink(`lambda.gb_seconds.${event.architecture}`, event.memoryMb * billedMs)
}

/** Whether metering these events has to count text (Bedrock events sending text without counts). */
export function needsTextTokens(events: readonly IngestEvent[]): boolean {
  return events.some(
    (e) =>
      e.type === 'bedrock.invoke' &&
      ((e.inputTokens === undefined && e.inputText !== undefined) ||
        (e.outputTokens === undefined && e.outputText !== undefined)),
  )
}

/**
 * Bedrock on-demand: input and output tokens are billed separately per model. Texts sent without counts are
 * counted before metering (tokens.ts `countTextTokens`), so here an absent count is no usage.
 */
function meterBedrock(event: BedrockInvokeEvent, sink: UsageSink): void {
  const input = event.inputTokens ?? 0
  const output = event.outputTokens ?? 0
  if (input > 0) sink(`bedrock.input_tokens.${event.model}`, input)
  if (output > 0) sink(`bedrock.output_tokens.${event.model}`, output)
}

/**
 * S3: PUT and LIST are billed in the PUT/COPY/POST/LIST request class, GET in the GET/SELECT class, DELETE is
 * free. Storage is recorded as the change in stored bytes: a put adds its bytes, a delete with bytes
 * subtracts them (so this quantity may be negative). The stored level is the running sum of these changes;
 * GB-month is that level integrated over time (docs/metering.md).
 */
function meterS3(event: S3Event, sink: UsageSink): void {
  switch (event.type) {
    case 's3.put':
      sink('s3.requests.put', 1)
      if (event.bytes > 0) sink('s3.storage_gb_month', event.bytes)
      return
    case 's3.list':
      sink('s3.requests.put', 1)
      return
    case 's3.get':
      sink('s3.requests.get', 1)
      return
    case 's3.delete':
      if (event.bytes > 0) sink('s3.storage_gb_month', -event.bytes)
      return
  }
}

/**
 * DynamoDB on-demand: a write costs one WRU per 1 KB of item (rounded up, at least 1), doubled when
 * transactional. A read costs one RRU per 4 KB (rounded up, at least 1) when strongly consistent, half that
 * when eventually consistent (the default) and double when transactional. Reads are stored in half-RRUs so
 * the eventually consistent half stays an integer.
 */
function meterDynamoDb(event: DynamoDbEvent, sink: UsageSink): void {
  if (event.type === 'dynamodb.write') {
    const units = countChunks(event.bytes, DYNAMODB_WRITE_UNIT_BYTES)
    sink('dynamodb.write_request_units', event.transactional ? units * 2 : units)
    return
  }
  const units = countChunks(event.bytes, DYNAMODB_READ_UNIT_BYTES)
  const halfUnitsPerUnit = event.transactional ? 4 : event.consistent ? 2 : 1
  sink('dynamodb.read_request_units', units * halfUnitsPerUnit)
}

/**
 * EventBridge: each PutEvents entry published to an event bus is a custom event, billed per 64 KB chunk of
 * its size (a 256 KB entry is 4 events; an entry of a few bytes is 1).
 */
function meterEventBridge(event: EventBridgePutEvent, sink: UsageSink): void {
  sink('eventbridge.custom_events', countChunks(event.bytes, EVENTBRIDGE_CHUNK_BYTES))
}

/**
 * API Gateway: a REST API call is one request whatever its size; an HTTP API call is metered in 512 KB
 * increments (513 KB is two requests); a WebSocket message is metered in 32 KB increments.
 */
function meterApiGateway(event: ApiGatewayEvent, sink: UsageSink): void {
  switch (event.apiType) {
    case 'rest':
      sink('apigw.requests.rest', 1)
      return
    case 'http':
      sink('apigw.requests.http', countChunks(event.bytes, HTTP_API_CHUNK_BYTES))
      return
    case 'websocket':
      sink('apigw.messages.websocket', countChunks(event.bytes, WEBSOCKET_CHUNK_BYTES))
      return
  }
}
