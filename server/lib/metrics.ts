import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/** Read at scrape time: the queue and the schedule runs live in the database, shared by every process. */
export type MetricSources = {
  queueDepths: () => Promise<Record<string, number>>
  scheduleRuns: () => Promise<Record<string, number>>
}

/**
 * The process's Prometheus metrics: what an operator watches. One registry per services instance, so tests
 * can build several in one process.
 */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  let sources: MetricSources | undefined
  const metrics = {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    authFailures: new Counter({
      name: 'mockupaws_auth_failures_total',
      help: 'Rejected credentials (401 answers) by error code',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'mockupaws_rate_limited_total',
      help: 'Requests rejected by the rate limiter, by class',
      labelNames: ['class'] as const,
      registers: [registry],
    }),
    ingestEvents: new Counter({
      name: 'mockupaws_ingest_events_total',
      help: 'Events accepted and committed by ingest',
      registers: [registry],
    }),
    ingestBatches: new Counter({
      name: 'mockupaws_ingest_batches_total',
      help: 'Ingest requests committed (replays of an Idempotency-Key not counted)',
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: 'mockupaws_job_failures_total',
      help: 'Job attempts that threw in this process, by job',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    /** Wires the database-backed gauges once the queue and schedules exist. */
    setSources(next: MetricSources): void {
      sources = next
    },
  }
  new Gauge({
    name: 'mockupaws_job_queue_depth',
    help: 'Jobs waiting or running, by queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const [queue, depth] of Object.entries((await sources?.queueDepths()) ?? {}))
        this.set({ queue }, depth)
    },
  })
  new Gauge({
    name: 'mockupaws_schedule_runs',
    help: 'Schedule runs recorded, by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const [status, n] of Object.entries((await sources?.scheduleRuns()) ?? {})) this.set({ status }, n)
    },
  })
  return metrics
}
export type Metrics = ReturnType<typeof createMetrics>
