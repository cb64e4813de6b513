import type { JobDefinition } from '../../jobs/queue.js'
import type { AlertDeliveryService } from './alert-delivery.service.js'
import {
  type AlertEvaluationService,
  DELIVER_ALERT_JOB,
  EVALUATE_ALL_JOB,
  EVALUATE_SCENARIO_JOB,
} from './alert-evaluation.service.js'

/** Evaluates one scenario's rules, queued by the ingest debounce. Idempotent: a repeat records nothing. */
export function evaluateScenarioJob(
  evaluation: AlertEvaluationService,
): JobDefinition<{ scenarioId: string }> {
  return {
    name: EVALUATE_SCENARIO_JOB,
    options: { retryLimit: 2, retryDelaySeconds: 10, expireInSeconds: 120 },
    handle: async (data) => {
      await evaluation.evaluateScenario(data.scenarioId)
    },
  }
}

/** Every 15 minutes (UTC): every scenario with an enabled rule, so costs that moved without ingest are caught. */
export function evaluateAllJob(evaluation: AlertEvaluationService): JobDefinition<object> {
  return {
    name: EVALUATE_ALL_JOB,
    options: { retryLimit: 1, retryDelaySeconds: 60, expireInSeconds: 600 },
    schedule: '*/15 * * * *',
    handle: async () => {
      await evaluation.evaluateAll()
    },
  }
}

/**
 * One delivery attempt; a failed attempt throws, and the queue retries it with exponential back-off
 * (retryDelaySeconds × 2^n with jitter). `retry` comes from ServiceDeps.deliveryRetry in tests.
 */
export function deliverAlertJob(
  delivery: AlertDeliveryService,
  retry: { attempts: number; baseSeconds: number } = { attempts: 5, baseSeconds: 30 },
): JobDefinition<{ deliveryId: string }> {
  return {
    name: DELIVER_ALERT_JOB,
    options: { retryLimit: retry.attempts - 1, retryDelaySeconds: retry.baseSeconds, expireInSeconds: 120 },
    concurrency: 2,
    handle: (data, attempt) => delivery.deliver(data.deliveryId, attempt),
  }
}
