import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'

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

/**
 * Runs helmet once against a recording response. With static options (no CSP nonces) its headers never
 * depend on the request, so they are worked out at start instead of per request: @fastify/helmet rebuilt
 * helmet's middleware on every request, which cost ~9 % of the server's CPU under load.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err
  })
  return headers
}

/** The headers of docs/api.md, the same on every response (also on answers to malformed HTTP: app.ts). */
export function securityHeaders(production: boolean): Record<string, string> {
  return {
    ...helmetHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      // Helmet sends "X-XSS-Protection: 0"; our documented contract (docs/api.md) is the legacy blocking mode.
      xXssProtection: false,
      strictTransportSecurity: production
        ? { maxAge: 31_536_000, includeSubDomains: true, preload: false }
        : false,
      crossOriginEmbedderPolicy: false,
    }),
    'x-xss-protection': '1; mode=block',
  }
}

/** The headers of docs/api.md on every response, errors and static files included. */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, opts: { production: boolean }) => {
  const headers = securityHeaders(opts.production)
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers)
    reply.header('x-request-id', req.id)
    done()
  })
})
