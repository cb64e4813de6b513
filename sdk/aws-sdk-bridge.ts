/**
 * `mockupaws/aws-sdk`: meters every call of an AWS SDK for JavaScript v3 client into mockupAWS ingest events
 * (docs/aws-sdk-bridge.md). The call's result is never changed and the bridge never throws into the caller:
 * events are buffered (bounded) and sent in batches in the background; when the server cannot be reached the
 * batch is dropped and counted, with a warning.
 *
 * No AWS SDK package is imported: the middleware is typed structurally, compatible with `@smithy/types`.
 */
import { randomUUID } from 'node:crypto'
import { eventsForCall, type KinesisSettings, type LambdaSettings, type WireEvent } from './aws-sdk-events.js'

export type { KinesisSettings, LambdaSettings, WireEvent } from './aws-sdk-events.js'
export { eventsForCall } from './aws-sdk-events.js'

export type MockupAwsOptions = {
  /** mockupAWS base URL. Default `$MOCKUPAWS_URL`, else http://localhost:8000. */
  url?: string
  /** An API key with the `write:ingest` scope. Default `$MOCKUPAWS_API_KEY`. */
  apiKey?: string
  /** The running scenario to ingest into. Default `$MOCKUPAWS_SCENARIO_ID`. */
  scenarioId?: string
  /** Turns metering off (calls pass through untouched). Default: on when apiKey and scenarioId are known. */
  enabled?: boolean
  /** Lambda memory and architecture used when the invoke response does not tell them. */
  lambda?: LambdaSettings
  /** Which Kinesis streams are on-demand (the PutRecord(s) call does not say); default provisioned. */
  kinesis?: KinesisSettings
  /** Events per ingest request (1–10,000). Default 500. */
  batchSize?: number
  /** How long an event may wait in the buffer before a background send. Default 1000 ms. */
  flushIntervalMs?: number
  /** Events kept in memory while sends are slow; more are dropped (counted). Default 10,000. */
  maxBufferedEvents?: number
  /** Attempts per batch (network errors, 429 and 5xx are retried with the same Idempotency-Key). Default 3. */
  maxAttempts?: number
  /** Timeout of one ingest request. Default 10,000 ms. */
  requestTimeoutMs?: number
  /** Where warnings go. Default `process.emitWarning`. */
  onWarning?: (message: string) => void
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch
}

export type MockupAwsStats = {
  /** Events produced by metered calls. */
  metered: number
  /** Events the server accepted. */
  sent: number
  /** Events dropped: buffer full, server unreachable, or refused. */
  dropped: number
  /** Events waiting in memory or in flight. */
  pending: number
}

/** The parts of a smithy `HandlerExecutionContext` the bridge reads. */
export type MockupAwsContext = { clientName?: string; commandName?: string }
type HandlerArgs<I> = { input: I }
type Handler<I, O> = (args: HandlerArgs<I>) => Promise<{ output: O; response: unknown }>

/** An `initialize`-step middleware, assignable to any v3 client's `InitializeMiddleware<Input, Output>`. */
export type MockupAwsMiddleware = <I extends object, O extends object>(
  next: Handler<I, O>,
  context: MockupAwsContext,
) => Handler<I, O>

/** Where the middleware sits: the `initialize` step sees the command's input and its deserialized output. */
export const mockupAwsMiddlewareOptions: {
  step: 'initialize'
  name: string
  tags: string[]
  override: boolean
} = { step: 'initialize', name: 'mockupAwsMeter', tags: ['MOCKUPAWS'], override: true }

export type MockupAwsMeter = {
  /** Pass to `client.middlewareStack.add(meter.middleware, mockupAwsMiddlewareOptions)`. */
  readonly middleware: MockupAwsMiddleware
  /** Sends everything buffered now; resolves when done (never rejects). */
  flush(): Promise<void>
  stats(): MockupAwsStats
  /** Flushes and stops the background timer and the exit hook. */
  close(): Promise<void>
}

/** A client whose middleware stack accepts an initialize-step middleware (every v3 client). */
export type ClientWithMiddlewareStack = {
  middlewareStack: {
    add(middleware: never, options: typeof mockupAwsMiddlewareOptions): void
  }
}

const activeMeters = new Set<MockupAwsMeter>()

function defaultWarning(message: string): void {
  process.emitWarning(message, { code: 'MOCKUPAWS_BRIDGE' })
}

function readEnv(name: string): string | undefined {
  // biome-ignore lint/style/noProcessEnv: a client library's documented defaults, read once at setup
  const value = process.env[name]
  return value === '' ? undefined : value
}

const clamp = (value: number | undefined, min: number, max: number, fallback: number) =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, Math.floor(value)))

/** Creates a meter: one buffer and sender, usable by any number of clients. */
export function createMockupAwsMeter(options: MockupAwsOptions = {}): MockupAwsMeter {
  const url = (options.url ?? readEnv('MOCKUPAWS_URL') ?? 'http://localhost:8000').replace(/\/+$/, '')
  const apiKey = options.apiKey ?? readEnv('MOCKUPAWS_API_KEY')
  const scenarioId = options.scenarioId ?? readEnv('MOCKUPAWS_SCENARIO_ID')
  const warn = options.onWarning ?? defaultWarning
  const enabled = (options.enabled ?? true) && Boolean(apiKey) && Boolean(scenarioId)
  const batchSize = clamp(options.batchSize, 1, 10_000, 500)
  const flushIntervalMs = clamp(options.flushIntervalMs, 1, 3_600_000, 1000)
  const maxBuffered = clamp(options.maxBufferedEvents, 1, 1_000_000, 10_000)
  const maxAttempts = clamp(options.maxAttempts, 1, 20, 3)
  const timeoutMs = clamp(options.requestTimeoutMs, 1, 600_000, 10_000)
  const doFetch = options.fetch ?? fetch
  const lambda = options.lambda ?? {}
  const kinesis = options.kinesis ?? {}

  const stats: MockupAwsStats = { metered: 0, sent: 0, dropped: 0, pending: 0 }
  let buffer: WireEvent[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let sending: Promise<void> = Promise.resolve()
  let lastWarningAt = 0
  let droppedSinceWarning = 0

  if (options.enabled === true && (!apiKey || !scenarioId)) {
    warn('mockupAWS bridge: apiKey and scenarioId are required; metering is off.')
  }

  /** Warns at most every 10 s, with the count of events dropped since the last warning. */
  function drop(count: number, reason: string): void {
    stats.dropped += count
    stats.pending -= count
    droppedSinceWarning += count
    const now = Date.now()
    if (now - lastWarningAt < 10_000) return
    lastWarningAt = now
    warn(
      `mockupAWS bridge: dropped ${droppedSinceWarning} event(s) (${reason}); ${stats.dropped} dropped in total.`,
    )
    droppedSinceWarning = 0
  }

  async function postBatch(events: WireEvent[]): Promise<void> {
    const idempotencyKey = `sdk-${randomUUID()}`
    const body = JSON.stringify({ events })
    let reason = 'server unreachable'
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        const res = await doFetch(`${url}/api/v1/ingest`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-api-key': apiKey ?? '',
            'x-scenario-id': scenarioId ?? '',
            'idempotency-key': idempotencyKey,
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        })
        await res.arrayBuffer().catch(() => undefined)
        if (res.ok) {
          stats.sent += events.length
          stats.pending -= events.length
          return
        }
        reason = `server answered ${res.status}`
        if (res.status !== 429 && res.status < 500) break
      } catch (err) {
        reason = `server unreachable: ${(err as Error).message}`
      }
      if (attempt < maxAttempts) await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)).unref())
    }
    drop(events.length, reason)
  }

  /** Takes the whole buffer, in batches, onto the send chain (one send at a time keeps order and memory). */
  function scheduleSend(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = undefined
    }
    while (buffer.length > 0) {
      const batch = buffer.slice(0, batchSize)
      buffer = buffer.slice(batchSize)
      sending = sending.then(() => postBatch(batch)).catch(() => undefined)
    }
    return sending
  }

  function enqueue(events: WireEvent[]): void {
    stats.metered += events.length
    stats.pending += events.length
    const room = maxBuffered - stats.pending + events.length
    if (room < events.length) {
      drop(events.length - Math.max(0, room), 'buffer full')
      events = events.slice(0, Math.max(0, room))
    }
    buffer.push(...events)
    if (buffer.length >= batchSize) scheduleSend()
    else if (!timer && buffer.length > 0) {
      timer = setTimeout(scheduleSend, flushIntervalMs)
      timer.unref()
    }
  }

  const middleware: MockupAwsMiddleware = (next, context) => async (args) => {
    if (!enabled) return next(args)
    const startedAt = Date.now()
    const started = performance.now()
    const result = await next(args)
    try {
      const events = eventsForCall(
        {
          clientName: context.clientName ?? '',
          commandName: context.commandName ?? '',
          input: args.input,
          output: result.output,
          startedAt,
          durationMs: performance.now() - started,
        },
        lambda,
        kinesis,
      )
      if (events.length > 0) enqueue(events)
    } catch (err) {
      warn(`mockupAWS bridge: could not meter ${context.commandName ?? 'a call'}: ${(err as Error).message}`)
    }
    return result
  }

  // beforeExit fires when the event loop empties: the last events are sent before a script ends.
  const onBeforeExit = () => {
    if (buffer.length > 0) void scheduleSend()
  }
  if (enabled) process.on('beforeExit', onBeforeExit)

  const meter: MockupAwsMeter = {
    middleware,
    flush: () => scheduleSend(),
    stats: () => ({ ...stats }),
    async close() {
      await scheduleSend()
      process.off('beforeExit', onBeforeExit)
      activeMeters.delete(meter)
    },
  }
  if (enabled) activeMeters.add(meter)
  return meter
}

/**
 * Adds the metering middleware to an AWS SDK v3 client and returns the same client. Pass options (a meter of
 * its own) or a meter shared by several clients.
 */
export function withMockupAws<C extends ClientWithMiddlewareStack>(
  client: C,
  options: MockupAwsOptions | MockupAwsMeter = {},
): C {
  const meter = 'middleware' in options ? options : createMockupAwsMeter(options)
  client.middlewareStack.add(meter.middleware as never, mockupAwsMiddlewareOptions)
  return client
}

/** Flushes every meter created in this process (e.g. at the end of a test suite). Never rejects. */
export async function flush(): Promise<void> {
  await Promise.all([...activeMeters].map((meter) => meter.flush()))
}
