import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors.js'
import type { Metrics } from '../lib/metrics.js'

export const metricsPlugin = fp(async (app: FastifyInstance, opts: { metrics: Metrics }) => {
  const { metrics } = opts
  app.addHook('onResponse', (req, reply, done) => {
    // Unmatched URLs share one label so a scanner cannot explode the metric's cardinality. A request refused by
    // a global hook (pre-limit, operators-only) never reached its route's hooks: its route is read the slow way.
    const route = req.routeInfo?.url ?? req.routeOptions.url ?? 'unmatched'
    metrics.httpDuration.observe(
      { method: req.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    )
    done()
  })
  // Every 401 the API answers, by code (missing_token, invalid_api_key, invalid_credentials…).
  app.addHook('onError', (_req, _reply, err, done) => {
    if (err instanceof AppError && err.statusCode === 401) metrics.authFailures.inc({ reason: err.code })
    done()
  })
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(metrics.registry.contentType)
    return metrics.registry.metrics()
  })
})
