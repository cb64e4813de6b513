import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'

/** One registry per app instance, so tests can build several apps in one process. */
export function createMetricsRegistry() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return {
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
      help: 'Rejected credentials by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'mockupaws_rate_limited_total',
      help: 'Requests rejected by the rate limiter, by class',
      labelNames: ['class'] as const,
      registers: [registry],
    }),
  }
}
export type Metrics = ReturnType<typeof createMetricsRegistry>

export const metricsPlugin = fp(async (app: FastifyInstance, opts: { metrics: Metrics }) => {
  const { metrics } = opts
  app.addHook('onResponse', async (req, reply) => {
    // Unmatched URLs share one label so a scanner cannot explode the metric's cardinality.
    const route = req.routeOptions.url ?? 'unmatched'
    metrics.httpDuration.observe(
      { method: req.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    )
  })
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(metrics.registry.contentType)
    return metrics.registry.metrics()
  })
})
