import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.js'
import {
  AppError,
  badRequest,
  conflict,
  idempotencyMismatch,
  notFound,
  payloadTooLarge,
  unavailable,
  validationError,
} from '../../errors.js'
import type { Metrics } from '../../lib/metrics.js'
import { cloudEventsToItems } from './cloudevents.js'
import { LIMITS, validateEvents } from './events.js'
import * as repo from './ingest.repo.js'
import type { IngestResponse } from './ingest.schemas.js'
import { createIngestWriter } from './ingest-writer.js'
import { needsTextTokens } from './metering.js'
import { normaliseJsonBody, parseNdjson } from './ndjson.js'
import { aggregateEvents } from './rollup.js'
import { countTextTokens } from './tokens.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type IngestRequest = {
  userId: string
  apiKeyId: string | null
  /** The raw body: a parsed JSON value, or the NDJSON text. */
  body: unknown
  /** `cloudevents` / `cloudevents-batch`: CloudEvents 1.0 structured or batched JSON (cloudevents.ts). */
  format: 'json' | 'ndjson' | 'cloudevents' | 'cloudevents-batch'
  bytes: number
  scenarioHeader: string | undefined
  idempotencyKey: string | undefined
  /** SHA-256 of the raw body, computed when it carries an Idempotency-Key. */
  bodyHash?: string
}

/** Parses the body into raw items and the scenario id it may name; malformed input is a 400. */
function readItems(request: IngestRequest): { items: unknown[]; lines?: number[]; scenarioId?: string } {
  if (request.format === 'ndjson') {
    const parsed = parseNdjson(String(request.body ?? ''))
    if (!parsed.ok) {
      throw badRequest(
        'The NDJSON body has lines that are not JSON objects.',
        parsed.problems.map((p) => ({ field: `line ${p.line}`, reason: p.reason })),
      )
    }
    return { items: parsed.items, lines: parsed.lines }
  }
  if (request.format === 'cloudevents' || request.format === 'cloudevents-batch') {
    const mapped = cloudEventsToItems(request.body, request.format === 'cloudevents' ? 'structured' : 'batch')
    if (!mapped.ok) {
      throw validationError(
        mapped.problems.map((p) => ({ field: `events[${p.index}].${p.field}`, reason: p.reason })),
        'Some CloudEvents are not valid; nothing was stored.',
      )
    }
    return { items: mapped.items }
  }
  const parsed = normaliseJsonBody(request.body)
  if (!parsed.ok) throw validationError([{ field: parsed.field, reason: parsed.reason }])
  return { items: parsed.items, scenarioId: parsed.scenarioId }
}

export function createIngestService({
  db,
  logger,
  metrics,
  concurrency,
  onCommitted,
}: {
  db: Db
  logger: FastifyBaseLogger
  /** Counts committed events and batches for /metrics. */
  metrics?: Metrics
  concurrency: number
  /** Called after each committed batch; must return at once (the budget alerts' in-memory debounce). */
  onCommitted?: (scenarioId: string) => void
}) {
  const writer = createIngestWriter({ db, logger, concurrency })
  // A scenario's owner never changes, so it can be remembered; its status is checked in the commit itself.
  const owners = new Map<string, string>()

  async function checkScenario(userId: string, scenarioId: string): Promise<void> {
    const known = owners.get(scenarioId)
    if (known === userId) return
    if (known) throw notFound('scenario')
    const state = await repo.findScenarioState(db, scenarioId)
    if (!state || state.userId !== userId) throw notFound('scenario')
    if (owners.size > 10_000) owners.clear()
    owners.set(scenarioId, userId)
    if (state.status !== 'running') throw notRunning()
  }

  return {
    /**
     * Validates the whole request (all or nothing), meters it into per-minute rollups and answers only after
     * the data is committed. A repeated Idempotency-Key for the scenario replays the first answer when the body
     * is the same, and is refused (422 idempotency_mismatch, nothing stored) when it is not.
     */
    async ingest(request: IngestRequest): Promise<IngestResponse> {
      const { items, lines, scenarioId: bodyScenario } = readItems(request)
      const scenarioId = request.scenarioHeader ?? bodyScenario
      if (!scenarioId) {
        throw validationError([
          { field: 'scenario_id', reason: 'send X-Scenario-ID or scenario_id in the body' },
        ])
      }
      if (!UUID.test(scenarioId)) throw validationError([{ field: 'scenario_id', reason: 'must be a UUID' }])
      if (items.length > LIMITS.maxEventsPerRequest) {
        throw payloadTooLarge(
          `A request carries at most ${LIMITS.maxEventsPerRequest} events; split the batch.`,
        )
      }
      await checkScenario(request.userId, scenarioId)
      const key = request.idempotencyKey ?? null
      const bodyHash = key ? (request.bodyHash ?? null) : null
      if (key) {
        const previous = await repo.findStoredBatch(db, scenarioId, key)
        if (previous && !repo.isSameBody(previous, bodyHash)) throw idempotencyMismatch()
        if (previous) return previous.response
      }
      const receivedAt = new Date()
      const validated = validateEvents(items, { now: receivedAt.getTime(), lines })
      if (!validated.ok) {
        throw validationError(
          validated.problems.map((p) => ({
            field: p.line === undefined ? `events[${p.index}].${p.field}` : `line ${p.line}: ${p.field}`,
            reason: p.reason,
          })),
          'Some events are not valid; nothing was stored.',
        )
      }
      // Counting is bounded and yields to the event loop (tokens.ts); requests with counts skip it.
      const events = needsTextTokens(validated.events)
        ? await countTextTokens(validated.events)
        : validated.events
      const batchId = randomUUID()
      const response: IngestResponse = {
        accepted: validated.events.length,
        scenario_id: scenarioId,
        batch_id: batchId,
      }
      const outcome = await writer.submit({
        id: batchId,
        scenarioId,
        apiKeyId: request.apiKeyId,
        idempotencyKey: key,
        bodyHash,
        eventCount: validated.events.length,
        bytes: request.bytes,
        aggregate: aggregateEvents(events, receivedAt),
        receivedAt,
        response,
      })
      switch (outcome.kind) {
        case 'accepted':
          metrics?.ingestEvents.inc(outcome.response.accepted)
          metrics?.ingestBatches.inc()
          onCommitted?.(scenarioId)
          return outcome.response
        case 'replayed':
          return outcome.response
        case 'key_reused':
          throw idempotencyMismatch()
        case 'not_running': {
          // Stopped, or deleted since its owner was remembered: a deleted scenario is a 404 like any other.
          owners.delete(scenarioId)
          if (!(await repo.findScenarioState(db, scenarioId))) throw notFound('scenario')
          throw notRunning()
        }
        case 'failed':
          throw outcome.unavailable
            ? unavailable()
            : new AppError(500, 'internal_error', 'An unexpected error occurred.')
      }
    },

    drain: () => writer.drain(),
  }
}
export type IngestService = ReturnType<typeof createIngestService>

const notRunning = () =>
  conflict('The scenario is not running; set its status to "running" to ingest.', 'scenario_not_running')
