/**
 * Ingest validation (docs/metering.md): the batch loop, the event type lookup, the timestamp and the problem
 * list. Each event type's fields are read by its service's reader (`services/<id>/ingest.ts`), found through
 * the registry. Unknown extra fields are ignored: the validated event is a fresh object holding only known
 * fields.
 */
import { LIMITS } from '../pricing/services/ingest-fields.js'
import {
  INGEST_EVENT_SPECS,
  INGEST_EVENT_TYPES,
  type IngestEvent,
  type IngestEventType,
} from '../pricing/services/registry.js'
import type { ProblemSink, RawEvent } from '../pricing/services/service-descriptor.js'

export type { IngestEvent }
export { LIMITS }

/** The event types the service descriptors read and meter (the keys of their `ingest`). */
export const EVENT_TYPES: readonly EventType[] = INGEST_EVENT_TYPES
export type EventType = IngestEventType

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

/** Collects the request's problems, tagged with the current item's index and line; drops any past the cap. */
class ProblemList implements ProblemSink {
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
  const raw = item as RawEvent
  const type = raw.type
  // One lookup finds the type's reader and refuses unknown types (a Map, so `__proto__` is just unknown).
  const spec = typeof type === 'string' ? INGEST_EVENT_SPECS.get(type) : undefined
  if (typeof type !== 'string' || spec === undefined) {
    problems.add('type', `must be one of: ${EVENT_TYPES.join(', ')}`)
    return undefined
  }
  const before = problems.items.length
  const time = readTimestamp(raw, problems, now)
  const event = spec.read(type, raw, time, problems) as IngestEvent
  return problems.items.length === before ? event : undefined
}

function readTimestamp(raw: RawEvent, problems: ProblemList, now: number): number | undefined {
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
