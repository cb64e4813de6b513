import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * The CSP the built web app satisfies: its own scripts only; inline styles are allowed because Mantine
 * injects its CSS variables in <style> tags.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/** SPEC §3 headers on every response, errors and static files included. */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, opts: { production: boolean }) => {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    // Helmet sends "X-XSS-Protection: 0"; the spec asks for the legacy blocking mode.
    xXssProtection: false,
    strictTransportSecurity: opts.production
      ? { maxAge: 31_536_000, includeSubDomains: true, preload: false }
      : false,
    crossOriginEmbedderPolicy: false,
  })
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-xss-protection', '1; mode=block')
    reply.header('x-request-id', req.id)
  })
})
