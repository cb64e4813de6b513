import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { notFound } from '../errors.js'

/** Paths owned by the API and tooling; anything else that is a GET for HTML falls back to the SPA. */
const NON_SPA_PREFIXES = ['/api/', '/docs', '/health', '/metrics']

function wantsSpa(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? ''
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !NON_SPA_PREFIXES.some((p) => path.startsWith(p)) &&
    !/\.[a-z0-9]+$/i.test(path)
  )
}

/** Serves the built web app (dist/web) at `/`, with index.html for client-side routes. */
export const staticWebPlugin = fp(async (app: FastifyInstance, opts: { root: string }) => {
  const hasBuild = existsSync(join(opts.root, 'index.html'))
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: opts.root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    })
  }
  // Unmatched URLs (the SPA fallback, scanners' probes) are rate limited too: every route is limited (docs/api.md#rate-limits).
  const limited = app.hasDecorator('rateLimit') ? { preHandler: app.rateLimit() } : {}
  app.setNotFoundHandler(limited, (req: FastifyRequest, reply: FastifyReply) => {
    if (hasBuild && wantsSpa(req)) return reply.type('text/html').sendFile('index.html')
    const body = notFound('route').toBody()
    return reply.code(404).send({ ...body, message: `No route for ${req.method} ${req.url.split('?')[0]}.` })
  })
})
