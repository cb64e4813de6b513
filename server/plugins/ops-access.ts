import { hash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../config.js'
import { forbidden } from '../errors.js'
import { addressSet } from '../lib/ip-ranges.js'

/** The operators' endpoints: Prometheus metrics and the API documentation (its UI, assets and JSON/YAML). */
export function isOpsPath(req: FastifyRequest): boolean {
  const path = req.url.split('?', 1)[0] ?? ''
  return path === '/metrics' || path === '/docs' || path.startsWith('/docs/')
}

const digest = (value: string) => hash('sha256', value, 'buffer')

/**
 * In production (or whenever configured) `/metrics` and `/docs` answer only a caller whose address is in
 * OPS_ALLOWED_NETWORKS or who sends `Authorization: Bearer <OPS_ACCESS_TOKEN>`; anyone else gets 403
 * (docs/configuration.md#operations-endpoints). The token is compared in constant time.
 */
export const opsAccessPlugin = fp(async (app: FastifyInstance, opts: { access: Config['opsAccess'] }) => {
  const { protect, token, allowedNetworks } = opts.access
  if (!protect) return
  const isAllowedAddress = addressSet(allowedNetworks, 'OPS_ALLOWED_NETWORKS')
  const tokenDigest = token ? digest(`Bearer ${token}`) : undefined
  const hasToken = (req: FastifyRequest) => {
    const header = req.headers.authorization
    return tokenDigest !== undefined && header !== undefined && timingSafeEqual(digest(header), tokenDigest)
  }
  app.addHook('onRequest', (req, _reply, done) => {
    if (!isOpsPath(req) || isAllowedAddress(req.ip) || hasToken(req)) return done()
    done(forbidden('This endpoint is for operators of this server.'))
  })
})
