/** How long after an ingest commit its scenario's rules are evaluated; also the per-scenario quiet period. */
export const EVALUATION_DEBOUNCE_SECONDS = 30
const MAX_TRACKED_SCENARIOS = 10_000

type DebounceDeps = {
  /** Queues an evaluation of the scenario to run `delaySeconds` from now. */
  enqueue: (scenarioId: string, delaySeconds: number) => Promise<void>
  onError: (err: Error) => void
  windowSeconds?: number
  now?: () => number
}

/**
 * The ingest hook. Ingest is the hot path, so this touches only memory: the first commit of a scenario queues
 * one evaluation to run a window later, and further commits within that window queue nothing; the queued
 * evaluation runs after all of them, so it sees their data. A commit after the window queues the next one.
 * Each process debounces on its own: N instances queue at most N evaluations per scenario per window, and
 * evaluations are idempotent. Inactive until the job queue has started (`activate`).
 */
export function createIngestDebounce({
  enqueue,
  onError,
  windowSeconds = EVALUATION_DEBOUNCE_SECONDS,
  now = Date.now,
}: DebounceDeps) {
  const lastQueued = new Map<string, number>()
  let active = false

  function forgetExpired(at: number): void {
    for (const [scenarioId, queuedAt] of lastQueued) {
      if (at - queuedAt >= windowSeconds * 1000) lastQueued.delete(scenarioId)
    }
  }

  return {
    activate(): void {
      active = true
    },

    /** Called after an ingest commit for `scenarioId`; never throws, never waits. */
    committed(scenarioId: string): void {
      if (!active) return
      const at = now()
      const queuedAt = lastQueued.get(scenarioId)
      if (queuedAt !== undefined && at - queuedAt < windowSeconds * 1000) return
      if (lastQueued.size >= MAX_TRACKED_SCENARIOS) forgetExpired(at)
      lastQueued.set(scenarioId, at)
      enqueue(scenarioId, windowSeconds).catch(onError)
    },
  }
}
export type IngestDebounce = ReturnType<typeof createIngestDebounce>
