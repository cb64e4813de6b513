/**
 * What services' ingest readers and meters are built from: the limits of the ingest API and readers for the
 * common kinds of field. Hand-written rather than Ajv because they run on every event of every request and
 * also normalise the wire format (snake_case, optional fields) into one typed shape in the same pass.
 * Problems name the wire field; docs/metering.md lists the fields and limits.
 */
import type { ProblemSink, RawEvent } from './service-descriptor.js'

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
  /** Traces one X-Ray query reads: far above a GetTraceSummaries scan of its 6-hour window (10^9). */
  maxTracesPerRead: 1_000_000_000,
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

/** The `bytes` field: an integer up to the largest single transfer. */
export function readBytes(raw: RawEvent, problems: ProblemSink, required: boolean): number {
  return readNumber(raw, 'bytes', 0, LIMITS.maxBytes, true, problems, required)
}

/** Reads a number in [min, max]; an absent optional field reads as 0. */
export function readNumber(
  raw: RawEvent,
  field: string,
  min: number,
  max: number,
  integer: boolean,
  problems: ProblemSink,
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

/** An optional integer in [0, max] whose absence matters (undefined, not 0). */
export function readOptionalInteger(
  raw: RawEvent,
  field: string,
  max: number,
  problems: ProblemSink,
): number | undefined {
  return raw[field] === undefined ? undefined : readNumber(raw, field, 0, max, true, problems, false)
}

/** An optional boolean, false when absent. */
export function readBoolean(raw: RawEvent, field: string, problems: ProblemSink): boolean {
  const value = raw[field]
  if (value === undefined) return false
  if (typeof value !== 'boolean') {
    problems.add(field, 'must be a boolean')
    return false
  }
  return value
}

export function readEnum<T extends string>(
  raw: RawEvent,
  field: string,
  allowed: readonly T[],
  problems: ProblemSink,
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

/** An optional label (a log level, a service name) of at most `maxLength` characters. */
export function readShortString(
  raw: RawEvent,
  field: string,
  maxLength: number,
  problems: ProblemSink,
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
export function readText(
  raw: RawEvent,
  field: string,
  maxBytes: number,
  problems: ProblemSink,
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

/**
 * Number of billable chunks of `chunkBytes` in a payload. An empty payload still makes one request, so the
 * minimum is 1 (AWS bills empty SQS receives and zero-byte API calls).
 */
export function countChunks(bytes: number, chunkBytes: number): number {
  return bytes <= chunkBytes ? 1 : Math.ceil(bytes / chunkBytes)
}

export const KIB = 1024
