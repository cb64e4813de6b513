import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import { Readable, type Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import type { ClientSettings } from '../config.js'

export const INGEST_USAGE = `Usage: mockupaws ingest --scenario ID [--url URL] [--batch 1000] [--flush-interval 1] [--api-key-stdin]

Reads NDJSON events or plain log lines (each becomes a "log" event) from stdin and sends them in batches:
every --batch lines, every --flush-interval seconds while lines are waiting, and at the end of input, so
\`tail -f app.log | mockupaws ingest ...\` shows events within a second.

The API key (scope write:ingest) comes from $MOCKUPAWS_API_KEY, or with --api-key-stdin from the first line
of stdin (the events follow it). --api-key KEY still works but prints a warning: other users see it in \`ps\`.
URL defaults to $MOCKUPAWS_URL or http://localhost:8000.

Options:
  --scenario ID          the running scenario that receives the events
  --url URL              the server
  --batch N              lines per request, 1-10000 (default 1000)
  --flush-interval S     seconds a line may wait before it is sent, 0.05-3600 (default 1)
  --api-key-stdin        read the key from the first line of stdin
  -h, --help             this text
`
/** Stay under the server's 5 MB ingest limit with room for the last line. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024
const MAX_ATTEMPTS = 8

export type IngestRun = {
  /** A stream of lines, or lines already split (after the key line of --api-key-stdin). */
  input: Readable | AsyncIterable<string>
  out: Writable
  err: Writable
  url: string
  apiKey: string
  scenarioId: string
  batchSize: number
  /** A line waits at most this long before it is sent, even if the batch is not full. */
  flushIntervalMs: number
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

/**
 * Streams stdin to the ingest API in batches and reports progress and a summary. A batch leaves when it is
 * full, when its first line has waited `flushIntervalMs`, or at the end of input; batches are sent one at a
 * time, in order, and reading waits while a full batch is being sent (a slow server slows the reader).
 */
export async function runIngest(run: IngestRun): Promise<IngestSummary> {
  const started = performance.now()
  const runId = randomUUID()
  const summary: IngestSummary = { events: 0, batches: 0, bytes: 0, seconds: 0 }
  let lines: string[] = []
  let bytes = 0
  let batchNumber = 0
  let sending: Promise<void> = Promise.resolve()
  let failure: FatalResponse | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const send = async (batch: string[], number: number) => {
    if (failure) return
    const body = `${batch.join('\n')}\n`
    try {
      await sendBatch(run, body, `${runId}-${number}`)
    } catch (err) {
      if (!(err instanceof FatalResponse)) throw err
      failure = err
      return
    }
    summary.events += batch.length
    summary.batches += 1
    summary.bytes += Buffer.byteLength(body)
    if (run.showProgress) {
      summary.seconds = (performance.now() - started) / 1000
      run.err.write(`\r${formatSummary(summary)}   `)
    }
  }
  /** Queues the waiting lines as the next batch; the promise settles when every queued batch is sent. */
  const flush = (): Promise<void> => {
    clearTimeout(timer)
    timer = undefined
    if (lines.length > 0) {
      const batch = lines
      const number = batchNumber++
      lines = []
      bytes = 0
      sending = sending.then(() => send(batch, number))
    }
    return sending
  }

  const reader = run.input instanceof Readable ? readLines(run.input) : run.input
  try {
    for await (const line of reader) {
      if (failure) break
      if (line.trim() === '') continue
      const event = toEventLine(line)
      const size = Buffer.byteLength(event) + 1
      if (lines.length >= run.batchSize || bytes + size > MAX_BATCH_BYTES) await flush()
      lines.push(event)
      bytes += size
      timer ??= setTimeout(() => void flush(), run.flushIntervalMs)
    }
    await flush()
  } finally {
    clearTimeout(timer)
  }
  if (failure) summary.failed = failure.message
  summary.seconds = (performance.now() - started) / 1000
  if (run.showProgress) run.err.write('\n')
  run.out.write(`${formatSummary(summary)}\n`)
  if (summary.failed) run.err.write(`mockupaws ingest: ${summary.failed}\n`)
  return summary
}

function readLines(input: Readable): AsyncIterable<string> {
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
}

/** The first line of stdin is the key; the iterator goes on with the events. */
async function keyFromFirstLine(input: Readable): Promise<{ key: string; lines: AsyncIterable<string> }> {
  const iterator = readLines(input)[Symbol.asyncIterator]()
  const first = await iterator.next()
  return { key: first.done ? '' : first.value.trim(), lines: { [Symbol.asyncIterator]: () => iterator } }
}

function usageError(message: string): never {
  process.stderr.write(`mockupaws ingest: ${message}\n\n${INGEST_USAGE}`)
  process.exit(2)
}

function parseIngestArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        scenario: { type: 'string' },
        'api-key': { type: 'string' },
        'api-key-stdin': { type: 'boolean', default: false },
        url: { type: 'string' },
        batch: { type: 'string', default: '1000' },
        'flush-interval': { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (err) {
    return usageError((err as Error).message)
  }
}

/** `mockupaws ingest`: a client command; it needs no server configuration. */
export async function ingestCommand(settings: ClientSettings, args: string[]): Promise<void> {
  const values = parseIngestArgs(args)
  if (values.help) {
    process.stdout.write(INGEST_USAGE)
    return
  }
  const batchSize = Number(values.batch)
  const flushSeconds = Number(values['flush-interval'])
  if (!values.scenario) usageError('--scenario is required')
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    usageError('--batch must be a whole number from 1 to 10000')
  if (!Number.isFinite(flushSeconds) || flushSeconds < 0.05 || flushSeconds > 3600)
    usageError('--flush-interval must be between 0.05 and 3600 seconds')
  let input: IngestRun['input'] = process.stdin
  let apiKey = settings.apiKey
  if (values['api-key-stdin']) {
    const split = await keyFromFirstLine(process.stdin)
    apiKey = split.key
    input = split.lines
  } else if (values['api-key']) {
    process.stderr.write(
      'mockupaws ingest: warning: --api-key is visible to other users in `ps`; set MOCKUPAWS_API_KEY or use --api-key-stdin\n',
    )
    apiKey = values['api-key']
  }
  if (!apiKey) usageError('no API key: set MOCKUPAWS_API_KEY or use --api-key-stdin')
  const summary = await runIngest({
    input,
    out: process.stdout,
    err: process.stderr,
    url: values.url ?? settings.url,
    apiKey,
    scenarioId: values.scenario,
    batchSize,
    flushIntervalMs: flushSeconds * 1000,
    showProgress: process.stderr.isTTY === true,
  })
  if (summary.failed) process.exitCode = 1
}
