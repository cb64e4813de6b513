/**
 * Express Workflows bill duration rounded up to the next 100 ms and memory in 64 MB chunks; a workflow uses at
 * least 50 MB (AWS's memory estimate starts there), so at least one chunk is billed.
 */
export const DURATION_STEP_MS = 100
export const MEMORY_CHUNK_MB = 64
/** Express Workflows run at most five minutes. */
export const MAX_EXPRESS_DURATION_MS = 300_000
/** Far above what an Express execution reaches (256 KB payloads, 40 parallel branches). */
export const MAX_EXPRESS_MEMORY_MB = 10_240

/** Billed MB·ms of one Express execution. */
export function billedMbMs(durationMs: number, memoryMb: number): number {
  const steps = Math.max(1, Math.ceil(durationMs / DURATION_STEP_MS))
  const chunks = Math.max(1, Math.ceil(memoryMb / MEMORY_CHUNK_MB))
  return steps * DURATION_STEP_MS * chunks * MEMORY_CHUNK_MB
}
