import type { JobDefinition } from '../../jobs/queue.js'
import { DELIVER_RUN_JOB, type ScheduleService, START_RUN_JOB } from './schedules.service.js'

/** Starts a schedule run: queues its reports. Retried on unexpected errors; the handler is idempotent. */
export function startRunJob(schedules: ScheduleService): JobDefinition<{ runId: string }> {
  return {
    name: START_RUN_JOB,
    options: { retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 120 },
    handle: (data) => schedules.startRunJob(data.runId),
  }
}

/** Delivers a run by email once its reports are finished; delivery retries are scheduled by the handler. */
export function deliverRunJob(schedules: ScheduleService): JobDefinition<{ runId: string }> {
  return {
    name: DELIVER_RUN_JOB,
    options: { retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 300 },
    concurrency: 2,
    handle: (data) => schedules.deliverRunJob(data.runId),
  }
}
