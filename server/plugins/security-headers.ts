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

/** The headers of docs/api.md for pages and files (also on answers to malformed HTTP: app.ts). */
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

/**
 * The headers of docs/api.md for API and operator answers (JSON, reports): those that protect a response
 * that is not a page (OWASP's REST set: nosniff, no framing, a CSP that allows nothing, HSTS, and CORP
 * against cross-origin reads), without the ones only a document uses (opener and origin-agent isolation,
 * DNS prefetch, download and Flash policies, the page CSP). Every byte of headers is sent with every
 * response; these are a third of the pages' (docs/PERFORMANCE.md).
 */
export function apiSecurityHeaders(production: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'x-xss-protection': '1; mode=block',
  }
  if (production) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains'
  return headers
}

/** API, health and metrics answers: not pages. */
const isApiPath = (url: string) =>
  url.startsWith('/api/') || url.startsWith('/health') || url.startsWith('/metrics')

/** The headers of docs/api.md on every response, errors and static files included. */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, opts: { production: boolean }) => {
  const pages = securityHeaders(opts.production)
  const api = apiSecurityHeaders(opts.production)
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(isApiPath(req.url) ? api : pages)
    reply.header('x-request-id', req.id)
    done()
  })
})
