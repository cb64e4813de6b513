import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import type { ClientSettings } from '../config.js'

const USAGE = `Usage: mockupaws ingest --scenario ID [--api-key KEY] [--url URL] [--batch 1000]

Reads NDJSON events or plain log lines (each becomes a "log" event) from stdin and sends them in batches.
KEY defaults to $MOCKUPAWS_API_KEY, URL to $MOCKUPAWS_URL or http://localhost:8000.
`
/** Stay under the server's 5 MB ingest limit with room for the last line. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024
const MAX_ATTEMPTS = 8

export type IngestRun = {
  input: Readable
  out: Writable
  err: Writable
  url: string
  apiKey: string
  scenarioId: string
  batchSize: number
  showProgress: boolean
  /** Back-off before retry `attempt` (1-based); tests shorten it. */
  backoffMs?: (attempt: number, retryAfterSeconds?: number) => number
}

export type IngestSummary = {
  events: number
  batches: number
  bytes: number
  seconds: number
  failed?: string
}

/** Turns one stdin line into an NDJSON event line: JSON objects with a `type` pass through, anything else is a log. */
export function toEventLine(line: string): string {
  const trimmed = line.trim()
  if (trimmed.startsWith('{')) {
    try {
      const value = JSON.parse(trimmed) as unknown
      if (value && typeof value === 'object' && !Array.isArray(value) && 'type' in value) return trimmed
    } catch {
      // not JSON: ship it as a log line
    }
  }
  return JSON.stringify({ type: 'log', message: line })
}

const defaultBackoff = (attempt: number, retryAfterSeconds?: number) =>
  retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : Math.min(30_000, 250 * 2 ** (attempt - 1))

class FatalResponse extends Error {}

/**
 * Sends one batch; the same Idempotency-Key on every attempt makes a retry after a lost answer harmless.
 * Retries network errors, 429 and 5xx; a 4xx is the caller's mistake and stops the run.
 */
async function sendBatch(run: IngestRun, body: string, idempotencyKey: string): Promise<void> {
  const backoff = run.backoffMs ?? defaultBackoff
  for (let attempt = 1; ; attempt++) {
    let retryAfter: number | undefined
    try {
      const res = await fetch(`${run.url.replace(/\/$/, '')}/api/v1/ingest`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-ndjson',
          'x-api-key': run.apiKey,
          'x-scenario-id': run.scenarioId,
          'idempotency-key': idempotencyKey,
        },
        body,
      })
      const text = await res.text()
      if (res.ok) return
      if (res.status !== 429 && res.status < 500) {
        throw new FatalResponse(`the server answered ${res.status}: ${describeError(text)}`)
      }
      retryAfter = res.headers.has('retry-after') ? Number(res.headers.get('retry-after')) : undefined
      if (attempt >= MAX_ATTEMPTS)
        throw new FatalResponse(`gave up after ${attempt} attempts (${res.status})`)
    } catch (err) {
      if (err instanceof FatalResponse) throw err
      if (attempt >= MAX_ATTEMPTS)
        throw new FatalResponse(`gave up after ${attempt} attempts: ${(err as Error).message}`)
    }
    await new Promise((r) => setTimeout(r, backoff(attempt, retryAfter)))
  }
}

function describeError(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: string; details?: { field: string; reason: string }[] }
    const details = body.details?.map((d) => `${d.field}: ${d.reason}`).join('; ')
    return `${body.message ?? text}${details ? ` (${details})` : ''}`
  } catch {
    return text.slice(0, 200)
  }
}

function formatSummary(s: IngestSummary): string {
  const rate = s.seconds > 0 ? Math.round(s.events / s.seconds) : s.events
  return `events ${s.events} · batches ${s.batches} · bytes ${s.bytes} · ${rate} events/s · ${s.seconds.toFixed(1)} s`
}

/** Streams stdin to the ingest API in batches and reports progress and a summary. */
export async function runIngest(run: IngestRun): Promise<IngestSummary> {
  const started = performance.now()
  const runId = randomUUID()
  const summary: IngestSummary = { events: 0, batches: 0, bytes: 0, seconds: 0 }
  let lines: string[] = []
  let bytes = 0

  const flush = async () => {
    if (lines.length === 0) return
    const body = `${lines.join('\n')}\n`
    await sendBatch(run, body, `${runId}-${summary.batches}`)
    summary.events += lines.length
    summary.batches += 1
    summary.bytes += Buffer.byteLength(body)
    lines = []
    bytes = 0
    if (run.showProgress) {
      summary.seconds = (performance.now() - started) / 1000
      run.err.write(`\r${formatSummary(summary)}   `)
    }
  }

  try {
    for await (const line of createInterface({ input: run.input, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (line.trim() === '') continue
      const event = toEventLine(line)
      const size = Buffer.byteLength(event) + 1
      if (lines.length >= run.batchSize || bytes + size > MAX_BATCH_BYTES) await flush()
      lines.push(event)
      bytes += size
    }
    await flush()
  } catch (err) {
    if (!(err instanceof FatalResponse)) throw err
    summary.failed = err.message
  }
  summary.seconds = (performance.now() - started) / 1000
  if (run.showProgress) run.err.write('\n')
  run.out.write(`${formatSummary(summary)}\n`)
  if (summary.failed) run.err.write(`mockupaws ingest: ${summary.failed}\n`)
  return summary
}

/** `mockupaws ingest`: a client command; it needs no server configuration. */
export async function ingestCommand(settings: ClientSettings, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      'api-key': { type: 'string' },
      url: { type: 'string' },
      batch: { type: 'string', default: '1000' },
    },
  })
  const apiKey = values['api-key'] ?? settings.apiKey
  const batchSize = Number(values.batch)
  if (!values.scenario || !apiKey || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    process.stderr.write(USAGE)
    process.exit(2)
  }
  const summary = await runIngest({
    input: process.stdin,
    out: process.stdout,
    err: process.stderr,
    url: values.url ?? settings.url,
    apiKey,
    scenarioId: values.scenario,
    batchSize,
    showProgress: process.stderr.isTTY === true,
  })
  if (summary.failed) process.exitCode = 1
}
