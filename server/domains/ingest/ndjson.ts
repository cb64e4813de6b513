/**
 * Turns an ingest request body into raw items for validateEvents (events.ts). Syntax only: whether each item
 * is a valid event is decided by validation.
 */

/** A line of an NDJSON body that is not JSON; `line` is 1-based. */
export interface NdjsonProblem {
  line: number
  reason: string
}

export type NdjsonResult =
  | { ok: true; items: unknown[]; lines: number[] }
  | { ok: false; problems: NdjsonProblem[] }

/** At most this many bad lines are reported, like validation problems. */
const MAX_NDJSON_PROBLEMS = 20

/**
 * Parses `application/x-ndjson`: one JSON value per line, `\n` or `\r\n` separated. Blank lines are skipped
 * (so a trailing newline is fine); `lines[i]` is the 1-based line number of `items[i]` for error messages.
 * Any line that is not valid JSON fails the body, reporting up to 20 bad lines; so does a body with no events.
 */
export function parseNdjson(text: string): NdjsonResult {
  const items: unknown[] = []
  const lines: number[] = []
  const problems: NdjsonProblem[] = []
  let start = 0
  let lineNumber = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    lineNumber++
    const line = text.slice(start, end)
    start = end + 1
    // JSON.parse ignores surrounding whitespace (including a CR), so only blank lines need a check.
    if (line.charCodeAt(0) !== 123 /* { */ && line.trim() === '') continue
    try {
      items.push(JSON.parse(line))
      lines.push(lineNumber)
    } catch {
      problems.push({ line: lineNumber, reason: 'is not valid JSON' })
      if (problems.length >= MAX_NDJSON_PROBLEMS) break
    }
  }
  if (problems.length > 0) return { ok: false, problems }
  if (items.length === 0) return { ok: false, problems: [{ line: 1, reason: 'the body holds no events' }] }
  return { ok: true, items, lines }
}

export type JsonBodyResult =
  | { ok: true; items: unknown[]; scenarioId: string | undefined }
  | { ok: false; field: string; reason: string }

/**
 * Normalises an `application/json` body: either one event object or an envelope `{"events": [...]}`. Both may
 * carry `scenario_id` (the alternative to the X-Scenario-ID header); it is never part of an event.
 */
export function normaliseJsonBody(body: unknown): JsonBodyResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, field: 'body', reason: 'must be an event object or {"events": [...]}' }
  }
  const envelope = body as Record<string, unknown>
  const scenarioId = envelope.scenario_id
  if (scenarioId !== undefined && typeof scenarioId !== 'string') {
    return { ok: false, field: 'scenario_id', reason: 'must be a string' }
  }
  if (envelope.events === undefined) return { ok: true, items: [body], scenarioId }
  if (!Array.isArray(envelope.events) || envelope.events.length === 0) {
    return { ok: false, field: 'events', reason: 'must be a non-empty array of events' }
  }
  return { ok: true, items: envelope.events, scenarioId }
}
