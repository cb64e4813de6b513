import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.js'
import { describeForLog, isDatabaseUnavailable } from '../../plugins/error-handler.js'
import * as repo from './ingest.repo.js'
import type { IngestResponse } from './ingest.schemas.js'
import type { BatchAggregate } from './rollup.js'

/** One validated, aggregated request waiting for its commit. */
export type PendingBatch = {
  id: string
  scenarioId: string
  apiKeyId: string | null
  idempotencyKey: string | null
  /** SHA-256 of the body when it carries an Idempotency-Key. */
  bodyHash: string | null
  eventCount: number
  bytes: number
  aggregate: BatchAggregate
  receivedAt: Date
  response: IngestResponse
}

/**
 * How a batch ended: stored now, answered from an earlier request with the same key and body, refused because
 * the key was used with another body, or refused.
 */
export type CommitOutcome =
  | { kind: 'accepted'; response: IngestResponse }
  | { kind: 'replayed'; response: IngestResponse }
  | { kind: 'key_reused' }
  | { kind: 'not_running' }
  | { kind: 'failed'; unavailable: boolean }

/** Masked PII samples kept per batch; counts by kind are always complete. */
const PII_SAMPLES_PER_BATCH = 5
const MAX_GROUP_BATCHES = 256

type Waiting = PendingBatch & { settle: (outcome: CommitOutcome) => void }

/**
 * Group commit: requests that arrive while a commit is running are written together by the next one, in a
 * single transaction. A request is answered only after the transaction that holds it has committed; when a
 * commit fails, every request in it fails and none of their data is stored.
 *
 * At most one commit per scenario runs at a time: commits of one scenario update the same total rows, so a
 * second one would only wait for the first one's row locks while holding a database connection, and the
 * requests behind it would be split into two small groups instead of one larger one. Up to `concurrency`
 * commits of different scenarios run side by side.
 *
 * A commit starts on the event loop's next turn (setImmediate), so requests read in the same turn share it.
 * This matters most on PGlite, whose queries run on this thread: requests that arrived during a commit are
 * read together after it, and starting a commit with the first of them made groups of one (~150 req/s).
 */
export function createIngestWriter({
  db,
  logger,
  concurrency,
}: {
  db: Db
  logger: FastifyBaseLogger
  concurrency: number
}) {
  let queue: Waiting[] = []
  let running = 0
  /** Scenarios with a commit running. */
  const committing = new Set<string>()

  /** Takes from the queue the batches of scenarios with no commit running, up to one group's worth. */
  function takeGroup(): Waiting[] {
    const group: Waiting[] = []
    const rest: Waiting[] = []
    for (const batch of queue) {
      if (group.length < MAX_GROUP_BATCHES && !committing.has(batch.scenarioId)) group.push(batch)
      else rest.push(batch)
    }
    queue = rest
    return group
  }

  let pumpScheduled = false
  function schedulePump(): void {
    if (pumpScheduled) return
    pumpScheduled = true
    setImmediate(() => {
      pumpScheduled = false
      pump()
    })
  }

  function pump(): void {
    while (running < concurrency && queue.length > 0) {
      const group = takeGroup()
      if (group.length === 0) return
      const scenarioIds = new Set(group.map((batch) => batch.scenarioId))
      for (const id of scenarioIds) committing.add(id)
      running += 1
      commitGroup(group)
        .catch((err: Error) => {
          const unavailable = isDatabaseUnavailable(err)
          logger.error({ err: describeForLog(err), batches: group.length }, 'ingest commit failed')
          for (const batch of group) batch.settle({ kind: 'failed', unavailable })
        })
        .finally(() => {
          for (const id of scenarioIds) committing.delete(id)
          running -= 1
          schedulePump()
        })
    }
  }

  async function commitGroup(group: Waiting[]): Promise<void> {
    // Two requests of one group with the same key: the first is written, the second replays its answer.
    const firstByKey = new Map<string, Waiting>()
    const writers: Waiting[] = []
    const sameKeyFollowers: Waiting[] = []
    for (const batch of group) {
      const key = batch.idempotencyKey === null ? null : `${batch.scenarioId}|${batch.idempotencyKey}`
      if (key !== null && firstByKey.has(key)) sameKeyFollowers.push(batch)
      else {
        if (key !== null) firstByKey.set(key, batch)
        writers.push(batch)
      }
    }

    const outcome = await repo.commitGroup(db, toGroupColumns(writers))
    for (const batch of writers) {
      if (!outcome.running.has(batch.scenarioId)) batch.settle({ kind: 'not_running' })
      else if (outcome.inserted.has(batch.id)) batch.settle({ kind: 'accepted', response: batch.response })
      else batch.settle(await replay(batch))
    }
    for (const batch of sameKeyFollowers) batch.settle(await replay(batch))
  }

  async function replay(batch: PendingBatch): Promise<CommitOutcome> {
    const stored = await repo.findStoredBatch(db, batch.scenarioId, batch.idempotencyKey ?? '')
    if (!stored) return { kind: 'failed', unavailable: true }
    return repo.isSameBody(stored, batch.bodyHash)
      ? { kind: 'replayed', response: stored.response }
      : { kind: 'key_reused' }
  }

  return {
    /** Queues a batch for the next commit and resolves once it is committed (or refused). */
    submit(batch: PendingBatch): Promise<CommitOutcome> {
      return new Promise((resolve) => {
        queue.push({ ...batch, settle: resolve })
        // A scenario with a commit running is picked up when that commit ends.
        if (!committing.has(batch.scenarioId)) schedulePump()
      })
    },
    /** Waits until every queued batch has been answered (graceful shutdown). */
    async drain(): Promise<void> {
      while (queue.length > 0 || running > 0) await new Promise((r) => setTimeout(r, 5))
    },
  }
}

/** Lays a group's batches out as the columns of the one-statement commit. */
export function toGroupColumns(batches: readonly PendingBatch[]): repo.GroupColumns {
  const c: repo.GroupColumns = {
    scenarioIds: [...new Set(batches.map((b) => b.scenarioId))].sort(),
    batchId: [],
    batchScenarioId: [],
    batchApiKeyId: [],
    batchKey: [],
    batchBodyHash: [],
    batchEvents: [],
    batchBytes: [],
    batchResponse: [],
    batchFirstAt: [],
    batchLastAt: [],
    usageBatch: [],
    usageMinute: [],
    usagePerDay: [],
    usageType: [],
    usageQuantity: [],
    eventBatch: [],
    eventMinute: [],
    eventPerDay: [],
    eventType: [],
    eventCount: [],
    piiBatch: [],
    piiKind: [],
    piiCount: [],
    sampleBatch: [],
    sampleKind: [],
    sampleMasked: [],
    sampleSeenAt: [],
  }
  for (const [i, b] of batches.entries()) {
    const n = i + 1
    const { aggregate } = b
    const received = b.receivedAt.getTime()
    c.batchId.push(b.id)
    c.batchScenarioId.push(b.scenarioId)
    c.batchApiKeyId.push(b.apiKeyId)
    c.batchKey.push(b.idempotencyKey)
    c.batchBodyHash.push(b.idempotencyKey === null ? null : b.bodyHash)
    c.batchEvents.push(b.eventCount)
    c.batchBytes.push(b.bytes)
    c.batchResponse.push(b.idempotencyKey === null ? null : JSON.stringify(b.response))
    c.batchFirstAt.push(aggregate.firstEventAt?.getTime() ?? received)
    c.batchLastAt.push(aggregate.lastEventAt?.getTime() ?? received)
    for (const r of aggregate.rollups) {
      c.usageBatch.push(n)
      c.usageMinute.push(r.minute.getTime())
      c.usagePerDay.push(r.perDay)
      c.usageType.push(r.usageType)
      c.usageQuantity.push(String(r.quantity))
    }
    for (const e of aggregate.eventCounts) {
      c.eventBatch.push(n)
      c.eventMinute.push(e.minute.getTime())
      c.eventPerDay.push(e.perDay)
      c.eventType.push(e.eventType)
      c.eventCount.push(e.count)
    }
    const piiByKind = new Map<string, number>()
    for (const finding of aggregate.pii) piiByKind.set(finding.kind, (piiByKind.get(finding.kind) ?? 0) + 1)
    for (const [kind, count] of piiByKind) {
      c.piiBatch.push(n)
      c.piiKind.push(kind)
      c.piiCount.push(count)
    }
    for (const finding of aggregate.pii.slice(0, PII_SAMPLES_PER_BATCH)) {
      c.sampleBatch.push(n)
      c.sampleKind.push(finding.kind)
      c.sampleMasked.push(finding.masked)
      c.sampleSeenAt.push(received)
    }
  }
  return c
}
