/**
 * Ingest event types (docs/metering.md) and their hand-written validation.
 *
 * Validation is hand-written rather than Ajv because it runs on every event of every request and also
 * normalises the wire format (snake_case, optional fields) into one typed shape in the same pass.
 * Unknown extra fields are ignored: the validated event is a fresh object holding only known fields.
 */
import { INGEST_EVENT_TYPES, type IngestEventType } from '../pricing/services/registry.js'

/** The event types the service descriptors meter (`ingestEvents`); `buildEvent` must read each of them. */
export const EVENT_TYPES: readonly EventType[] = INGEST_EVENT_TYPES
export type EventType = IngestEventType

/** Limits enforced by validation; docs/metering.md explains each one. */
export const LIMITS = {
  maxEventsPerRequest: 10_000,
  maxProblems: 20,
  /** 5 GiB: the largest single S3 PUT; no single event in any service moves more. */
  maxBytes: 5 * 1024 ** 3,
  /** 15 minutes: Lambda's maximum timeout. */
  maxDurationMs: 900_000,
  minMemoryMb: 128,
  maxMemoryMb: 10_240,
  /** Larger than any Bedrock model's context window. */
  maxTokens: 2_000_000,
  /** 12.5 M: SNS's default subscriptions-per-standard-topic quota, so the most deliveries one publish makes. */
  maxDeliveries: 12_500_000,
  /** 50: the most recipients (To, Cc and Bcc together) SES accepts for one message. */
  maxSesRecipients: 50,
  /** UTF-8 bytes of a log message (64 KiB). */
  maxMessageBytes: 65_536,
  /** UTF-8 bytes of a Bedrock input or output text (256 KiB). */
  maxTextBytes: 262_144,
  maxLevelLength: 32,
  maxServiceLength: 128,
  /** Keeps `bedrock.output_tokens.<model>` within the 128-character usage type column. */
  maxModelLength: 100,
  maxFutureMs: 24 * 60 * 60 * 1000,
  maxPastMs: 90 * 24 * 60 * 60 * 1000,
} as const

export type Architecture = 'x86_64' | 'arm64'
export type ApiType = 'rest' | 'http' | 'websocket'

/** Deliveries per SNS subscription protocol. */
export interface SnsDeliveries {
  http: number
  email: number
  sqs: number
}

interface EventBase {
  /** Epoch milliseconds from `timestamp`; absent means "when the request was received". */
  time: number | undefined
}

export interface LogEvent extends EventBase {
  type: 'log'
  message: string
  level: string | undefined
  service: string | undefined
}

export interface SqsEvent extends EventBase {
  type: 'sqs.send' | 'sqs.receive' | 'sqs.delete'
  bytes: number
  fifo: boolean
}

export interface SnsPublishEvent extends EventBase {
  type: 'sns.publish'
  bytes: number
  deliveries: SnsDeliveries
}

export interface LambdaInvokeEvent extends EventBase {
  type: 'lambda.invoke'
  durationMs: number
  memoryMb: number
  architecture: Architecture
}

export interface BedrockInvokeEvent extends EventBase {
  type: 'bedrock.invoke'
  model: string
  inputTokens: number | undefined
  outputTokens: number | undefined
  inputText: string | undefined
  outputText: string | undefined
}

export interface S3Event extends EventBase {
  type: 's3.put' | 's3.get' | 's3.list' | 's3.delete'
  bytes: number
}

export interface DynamoDbEvent extends EventBase {
  type: 'dynamodb.write' | 'dynamodb.read'
  bytes: number
  consistent: boolean
  transactional: boolean
}

export interface ApiGatewayEvent extends EventBase {
  type: 'apigw.request'
  apiType: ApiType
  bytes: number
}

/** One entry of an EventBridge PutEvents call; `bytes` is its size as AWS counts it. */
export interface EventBridgePutEvent extends EventBase {
  type: 'eventbridge.put'
  bytes: number
}

/** One billable KMS API request (symmetric or HMAC key, within the free tier's scope). */
export interface KmsRequestEvent extends EventBase {
  type: 'kms.request'
}

/** One message sent through SES; each recipient is one email, `bytes` the attachments it carries. */
export interface SesSendEvent extends EventBase {
  type: 'ses.send'
  recipients: number
  bytes: number
}

export interface TransferOutEvent extends EventBase {
  type: 'transfer.out'
  bytes: number
}

/** A validated, normalised ingest event. */
export type IngestEvent =
  | LogEvent
  | SqsEvent
  | SnsPublishEvent
  | LambdaInvokeEvent
  | BedrockInvokeEvent
  | S3Event
  | DynamoDbEvent
  | ApiGatewayEvent
  | EventBridgePutEvent
  | KmsRequestEvent
  | SesSendEvent
  | TransferOutEvent

/** One reason an event was refused; `field` uses the wire (snake_case) name. */
export interface EventProblem {
  index: number
  line?: number
  field: string
  reason: string
}

export type ValidationResult = { ok: true; events: IngestEvent[] } | { ok: false; problems: EventProblem[] }

export interface ValidateOptions {
  /** Epoch ms used for the timestamp window; defaults to Date.now(). */
  now?: number
  /** 1-based NDJSON line of each item, so problems can name the line. */
  lines?: readonly number[]
}

type Raw = Record<string, unknown>

/** Collects the request's problems, tagged with the current item's index and line; drops any past the cap. */
class ProblemList {
  readonly items: EventProblem[] = []
  index = 0
  line: number | undefined = undefined

  add(field: string, reason: string): void {
    if (this.items.length >= LIMITS.maxProblems) return
    const problem: EventProblem = { index: this.index, field, reason }
    if (this.line !== undefined) problem.line = this.line
    this.items.push(problem)
  }

  get isFull(): boolean {
    return this.items.length >= LIMITS.maxProblems
  }
}

const eventTypeSet: ReadonlySet<string> = new Set(EVENT_TYPES)

/**
 * Validates raw items (already JSON-parsed) into normalised events. All or nothing: any problem fails the
 * whole request, and at most the first 20 problems are reported. More than 10,000 items is one problem.
 */
export function validateEvents(items: readonly unknown[], options: ValidateOptions = {}): ValidationResult {
  if (items.length > LIMITS.maxEventsPerRequest) {
    const reason = `at most ${LIMITS.maxEventsPerRequest} events are accepted per request`
    return { ok: false, problems: [{ index: LIMITS.maxEventsPerRequest, field: 'events', reason }] }
  }
  const now = options.now ?? Date.now()
  const problems = new ProblemList()
  const events: IngestEvent[] = new Array(items.length)
  for (let i = 0; i < items.length; i++) {
    problems.index = i
    problems.line = options.lines?.[i]
    const event = validateEvent(items[i], problems, now)
    if (event) events[i] = event
    if (problems.isFull) break
  }
  if (problems.items.length > 0) return { ok: false, problems: problems.items }
  return { ok: true, events }
}

function validateEvent(item: unknown, problems: ProblemList, now: number): IngestEvent | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    problems.add('event', 'must be a JSON object')
    return undefined
  }
  const raw = item as Raw
  const type = raw.type
  if (typeof type !== 'string' || !eventTypeSet.has(type)) {
    problems.add('type', `must be one of: ${EVENT_TYPES.join(', ')}`)
    return undefined
  }
  const before = problems.items.length
  const time = readTimestamp(raw, problems, now)
  const event = buildEvent(type as EventType, raw, time, problems)
  return problems.items.length === before ? event : undefined
}

function buildEvent(type: EventType, raw: Raw, time: number | undefined, problems: ProblemList): IngestEvent {
  switch (type) {
    case 'log':
      return {
        type,
        time,
        message: readText(raw, 'message', LIMITS.maxMessageBytes, problems, true) ?? '',
        level: readShortString(raw, 'level', LIMITS.maxLevelLength, problems),
        service: readShortString(raw, 'service', LIMITS.maxServiceLength, problems),
      }
    case 'sqs.send':
    case 'sqs.receive':
    case 'sqs.delete':
      return {
        type,
        time,
        bytes: readBytes(raw, problems, true),
        fifo: readBoolean(raw, 'fifo', problems),
      }
    case 'sns.publish':
      return { type, time, bytes: readBytes(raw, problems, true), deliveries: readDeliveries(raw, problems) }
    case 'lambda.invoke':
      return {
        type,
        time,
        durationMs: readNumber(raw, 'duration_ms', 0, LIMITS.maxDurationMs, false, problems, true),
        memoryMb: readNumber(raw, 'memory_mb', LIMITS.minMemoryMb, LIMITS.maxMemoryMb, true, problems, true),
        architecture: readEnum(raw, 'architecture', ARCHITECTURES, problems, false) ?? 'x86_64',
      }
    case 'bedrock.invoke':
      return readBedrock(raw, time, problems)
    case 's3.put':
    case 's3.get':
    case 's3.list':
    case 's3.delete':
      return { type, time, bytes: readBytes(raw, problems, false) }
    case 'dynamodb.write':
    case 'dynamodb.read':
      return {
        type,
        time,
        bytes: readBytes(raw, problems, true),
        consistent: readBoolean(raw, 'consistent', problems),
        transactional: readBoolean(raw, 'transactional', problems),
      }
    case 'apigw.request':
      return {
        type,
        time,
        apiType: readEnum(raw, 'api_type', API_TYPES, problems, true) ?? 'rest',
        bytes: readBytes(raw, problems, false),
      }
    case 'eventbridge.put':
    case 'transfer.out':
      return { type, time, bytes: readBytes(raw, problems, true) }
    case 'kms.request':
      return { type, time }
    case 'ses.send':
      return {
        type,
        time,
        recipients: readNumber(raw, 'recipients', 1, LIMITS.maxSesRecipients, true, problems, true),
        bytes: readBytes(raw, problems, false),
      }
  }
}

const ARCHITECTURES: readonly Architecture[] = ['x86_64', 'arm64']
const API_TYPES: readonly ApiType[] = ['rest', 'http', 'websocket']
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/

function readBedrock(raw: Raw, time: number | undefined, problems: ProblemList): BedrockInvokeEvent {
  let model = ''
  const rawModel = raw.model
  if (typeof rawModel !== 'string' || rawModel.length === 0) {
    problems.add('model', 'is required and must be a non-empty string')
  } else if (rawModel.length > LIMITS.maxModelLength || !MODEL_ID.test(rawModel)) {
    problems.add(
      'model',
      `must be a model id of at most ${LIMITS.maxModelLength} characters (letters, digits, . _ : / -)`,
    )
  } else {
    model = rawModel
  }
  return {
    type: 'bedrock.invoke',
    time,
    model,
    inputTokens: readOptionalInteger(raw, 'input_tokens', LIMITS.maxTokens, problems),
    outputTokens: readOptionalInteger(raw, 'output_tokens', LIMITS.maxTokens, problems),
    inputText: readText(raw, 'input_text', LIMITS.maxTextBytes, problems, false),
    outputText: readText(raw, 'output_text', LIMITS.maxTextBytes, problems, false),
  }
}

function readBytes(raw: Raw, problems: ProblemList, required: boolean): number {
  return readNumber(raw, 'bytes', 0, LIMITS.maxBytes, true, problems, required)
}

/** Reads a number in [min, max]; an absent optional field reads as 0. */
function readNumber(
  raw: Raw,
  field: string,
  min: number,
  max: number,
  integer: boolean,
  problems: ProblemList,
  required: boolean,
): number {
  const value = raw[field]
  if (value === undefined) {
    if (required) problems.add(field, 'is required')
    return 0
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    problems.add(field, `must be ${integer ? 'an integer' : 'a finite number'}`)
    return 0
  }
  if (value < min || value > max) {
    problems.add(field, `must be between ${min} and ${max}`)
    return 0
  }
  return value
}

function readOptionalInteger(
  raw: Raw,
  field: string,
  max: number,
  problems: ProblemList,
): number | undefined {
  return raw[field] === undefined ? undefined : readNumber(raw, field, 0, max, true, problems, false)
}

function readBoolean(raw: Raw, field: string, problems: ProblemList): boolean {
  const value = raw[field]
  if (value === undefined) return false
  if (typeof value !== 'boolean') {
    problems.add(field, 'must be a boolean')
    return false
  }
  return value
}

function readEnum<T extends string>(
  raw: Raw,
  field: string,
  allowed: readonly T[],
  problems: ProblemList,
  required: boolean,
): T | undefined {
  const value = raw[field]
  if (value === undefined) {
    if (required) problems.add(field, `is required (one of: ${allowed.join(', ')})`)
    return undefined
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    problems.add(field, `must be one of: ${allowed.join(', ')}`)
    return undefined
  }
  return value as T
}

function readShortString(
  raw: Raw,
  field: string,
  maxLength: number,
  problems: ProblemList,
): string | undefined {
  const value = raw[field]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.length > maxLength) {
    problems.add(field, `must be a string of at most ${maxLength} characters`)
    return undefined
  }
  return value
}

/** Reads a text whose limit is in UTF-8 bytes, the unit AWS measures log and prompt sizes in. */
function readText(
  raw: Raw,
  field: string,
  maxBytes: number,
  problems: ProblemList,
  required: boolean,
): string | undefined {
  const value = raw[field]
  if (value === undefined) {
    if (required) problems.add(field, 'is required')
    return undefined
  }
  if (typeof value !== 'string') {
    problems.add(field, 'must be a string')
    return undefined
  }
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short strings skip the byte count.
  if (value.length * 3 > maxBytes && Buffer.byteLength(value, 'utf8') > maxBytes) {
    problems.add(field, `must be at most ${maxBytes} bytes of UTF-8`)
    return undefined
  }
  return value
}

function readDeliveries(raw: Raw, problems: ProblemList): SnsDeliveries {
  const value = raw.deliveries
  const deliveries: SnsDeliveries = { http: 0, email: 0, sqs: 0 }
  if (value === undefined) return deliveries
  // A bare count is the common case of one HTTP/S subscriber per delivery (docs/metering.md).
  if (typeof value === 'number') {
    deliveries.http = readNumber(raw, 'deliveries', 0, LIMITS.maxDeliveries, true, problems, false)
    return deliveries
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add('deliveries', 'must be an integer or an object {http?, email?, sqs?}')
    return deliveries
  }
  const counts = value as Raw
  for (const protocol of ['http', 'email', 'sqs'] as const) {
    if (counts[protocol] === undefined) continue
    deliveries[protocol] = readNumber(counts, protocol, 0, LIMITS.maxDeliveries, true, problems, false)
  }
  return deliveries
}

function readTimestamp(raw: Raw, problems: ProblemList, now: number): number | undefined {
  const value = raw.timestamp
  if (value === undefined) return undefined
  const time = typeof value === 'string' ? parseIsoTimestamp(value) : undefined
  if (time === undefined) {
    problems.add('timestamp', 'must be an ISO 8601 date-time with an offset, e.g. 2025-01-31T12:00:00Z')
    return undefined
  }
  if (time > now + LIMITS.maxFutureMs) {
    problems.add('timestamp', 'must not be more than 1 day in the future')
    return undefined
  }
  if (time < now - LIMITS.maxPastMs) {
    problems.add('timestamp', 'must not be more than 90 days in the past')
    return undefined
  }
  return time
}

/**
 * Parses a strict ISO 8601 / RFC 3339 date-time with an explicit offset,
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH[:]MM)`, to epoch ms (fraction truncated to ms); undefined when it
 * is malformed or impossible. Hand-parsed because Date.parse accepts impossible dates (2024-02-30) and
 * offset-less local times, and a regex with captures costs several times more on every event.
 */
export function parseIsoTimestamp(text: string): number | undefined {
  const year = readDigits(text, 0, 4)
  const month = readDigits(text, 5, 2)
  const day = readDigits(text, 8, 2)
  const hour = readDigits(text, 11, 2)
  const minute = readDigits(text, 14, 2)
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  ) {
    return undefined
  }
  let i = 16
  let second = 0
  let millis = 0
  if (text.charCodeAt(i) === 58) {
    second = readDigits(text, i + 1, 2)
    if (second < 0 || second > 59) return undefined
    i += 3
    if (text.charCodeAt(i) === 46) {
      const fractionStart = ++i
      while (isDigit(text.charCodeAt(i))) i++
      const fractionLength = i - fractionStart
      if (fractionLength === 0 || fractionLength > 9) return undefined
      millis = Number(text.slice(fractionStart, Math.min(i, fractionStart + 3)).padEnd(3, '0'))
    }
  }
  let offsetMinutes = 0
  const sign = text.charCodeAt(i)
  if (sign === 90 /* Z */) {
    i++
  } else if (sign === 43 || sign === 45) {
    const offsetHours = readDigits(text, i + 1, 2)
    i += 3
    if (text.charCodeAt(i) === 58) i++
    const offsetMins = readDigits(text, i, 2)
    i += 2
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return undefined
    offsetMinutes = (offsetHours * 60 + offsetMins) * (sign === 45 ? -1 : 1)
  } else {
    return undefined
  }
  if (i !== text.length) return undefined
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** The decimal value of `count` digits at `start`, or -1 when any of them is not a digit. */
function readDigits(text: string, start: number, count: number): number {
  let value = 0
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i)
    if (!isDigit(c)) return -1
    value = value * 10 + (c - 48)
  }
  return value
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}
