import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { VERSION } from '../../lib/version.js'

const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  version: Type.String(),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
})

/**
 * Liveness and readiness in one: 503 while the database cannot answer, 200 again as soon as it can.
 * Checks arriving while a ping is in flight share its answer (one round trip old at most), so a load balancer
 * polling hard costs the database one query at a time instead of one per request.
 */
export const healthRoutes: FastifyPluginAsyncTypebox<{ ping: () => Promise<void> }> = async (
  app,
  { ping },
) => {
  let inFlight: Promise<void> | undefined
  const sharedPing = () => {
    inFlight ??= ping().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }
  app.get(
    '/health',
    { schema: { tags: ['health'], response: { 200: HealthResponse, 503: HealthResponse } } },
    async (req, reply) => {
      try {
        await sharedPing()
        return { status: 'ok' as const, version: VERSION, database: 'ok' as const }
      } catch (err) {
        req.log.warn({ err: { message: (err as Error).message } }, 'health check: database unreachable')
        return reply.code(503).send({ status: 'unavailable', version: VERSION, database: 'unreachable' })
      }
    },
  )
}
