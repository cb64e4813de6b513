import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { conflict } from '../errors.js'
import { buildTestApp } from '../test/build-test-app.js'

/** Test-only routes that exercise each error path of docs/api.md through the real plugins. */
function conventionRoutes(app: FastifyInstance) {
  app.post(
    '/api/v1/_test/items/:id',
    {
      schema: {
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 10 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({ id: (req.params as { id: string }).id, body: req.body }),
  )
  app.get('/api/v1/_test/conflict', async () => {
    throw conflict('That transition is not allowed.')
  })
  app.get('/api/v1/_test/crash', async () => {
    throw new Error('select * from users where password_hash = $1 -- secret internals')
  })
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-xss-protection': '1; mode=block',
}

describe('HTTP conventions', async () => {
  const app = await buildTestApp({ routes: conventionRoutes })
  const id = '7f1b5a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'

  it('returns 422 validation_error with details for a malformed UUID in the path', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/_test/items/not-a-uuid',
      payload: { name: 'a' },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ error: 'validation_error', details: [{ field: 'id' }] })
  })

  it('returns 422 with one detail per broken field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/_test/items/${id}`,
      payload: { name: 'x'.repeat(11) },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().details).toEqual([{ field: 'name', reason: expect.stringContaining('10') }])
  })

  it('drops unknown body fields instead of mass-assigning them', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/_test/items/${id}`,
      payload: { name: 'ok', user_id: 'someone-else', is_active: false },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().body).toEqual({ name: 'ok' })
  })

  it('returns 400 bad_request for malformed JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/_test/items/${id}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "a",',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: 'bad_request', message: 'The request body is not valid JSON.' })
  })

  it('returns 415 unsupported_media_type for an unknown content type', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/_test/items/${id}`,
      headers: { 'content-type': 'application/xml' },
      payload: '<name>a</name>',
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().error).toBe('unsupported_media_type')
  })

  it('returns 413 payload_too_large above the 1 MB JSON limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/_test/items/${id}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().error).toBe('payload_too_large')
  })

  it('returns 404 not_found in the error shape for unknown routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: 'not_found', message: 'No route for GET /api/v1/nothing-here.' })
  })

  it('returns 409 conflict from a service error', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/_test/conflict' })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({ error: 'conflict', message: 'That transition is not allowed.' })
  })

  it('masks unexpected errors: fixed 500 body, no SQL or stack, identical bodies', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/v1/_test/crash' })
    const second = await app.inject({ method: 'GET', url: '/api/v1/_test/crash' })
    expect(first.statusCode).toBe(500)
    expect(first.json()).toEqual({ error: 'internal_error', message: 'An unexpected error occurred.' })
    expect(first.body).toBe(second.body)
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id'])
  })

  it.each([
    ['GET', '/health'],
    ['GET', '/api/v1/nothing-here'],
    ['GET', '/api/v1/_test/crash'],
    ['GET', '/docs/json'],
    ['GET', '/metrics'],
  ])('sets the security headers on %s %s', async (method, url) => {
    const res = await app.inject({ method: method as 'GET', url })
    expect(res.headers).toMatchObject(SECURITY_HEADERS)
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.server).toBeUndefined()
    expect(res.headers['x-powered-by']).toBeUndefined()
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  it('gives API answers a CSP that allows nothing and none of the page-only headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/' })
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin')
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined()
    expect(res.headers['x-dns-prefetch-control']).toBeUndefined()
  })

  it('serves the API docs under the product name with one frame-ancestors and inline styles allowed', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<title>mockupAWS API docs</title>')
    const csp = String(page.headers['content-security-policy'])
    expect(csp.match(/frame-ancestors/g)).toHaveLength(1)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'(;|$)/)
  })

  describe('CORS', () => {
    it('allows a configured origin', async () => {
      const res = await app.inject({
        method: 'GET',
        url: '/health',
        headers: { origin: 'http://localhost:5173' },
      })
      expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    })

    it('answers a preflight with the allowed methods and headers', async () => {
      const res = await app.inject({
        method: 'OPTIONS',
        url: '/api/v1/scenarios',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'X-API-Key, Content-Type',
        },
      })
      expect(res.statusCode).toBe(204)
      expect(res.headers['access-control-allow-methods']).toBe('GET, POST, PUT, PATCH, DELETE')
      expect(res.headers['access-control-allow-headers']).toBe(
        'Content-Type, Authorization, X-API-Key, X-Scenario-ID, Idempotency-Key',
      )
    })

    it('sends no CORS headers to a request without an Origin (not a cross-origin browser request)', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/' })
      expect(res.headers['access-control-allow-credentials']).toBeUndefined()
      expect(res.headers['access-control-expose-headers']).toBeUndefined()
      expect(res.headers.vary).toBe('Origin')
    })

    it('gives a disallowed origin no Access-Control-Allow-Origin', async () => {
      const res = await app.inject({
        method: 'GET',
        url: '/health',
        headers: { origin: 'https://evil.example' },
      })
      expect(res.statusCode).toBe(200)
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    })
  })

  it('serves the OpenAPI document at /docs/json', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' })
    expect(res.json()).toMatchObject({
      openapi: expect.stringMatching(/^3\./),
      info: { title: 'mockupAWS API' },
    })
  })

  it('exposes Prometheus metrics with request durations by route', async () => {
    await app.inject({ method: 'GET', url: '/health' })
    const res = await app.inject({ method: 'GET', url: '/metrics' })
    expect(res.headers['content-type']).toContain('text/plain')
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"\} \d+/,
    )
    expect(res.body).toContain('process_cpu_user_seconds_total')
  })
})

describe('production headers', async () => {
  const app = await buildTestApp({
    env: {
      NODE_ENV: 'production',
      JWT_SECRET_KEY: 'a3f1c9e07b5d42e8a1f0c3b5d7e9f1a2b4c6d8e0f2a4b6c8',
      BCRYPT_ROUNDS: '12',
    },
  })
  it('adds HSTS for a year with subdomains', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' })
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
  })
})

describe('general rate limit', async () => {
  const app = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100' } })

  it('lets 100 requests through with headers, then answers 429 with Retry-After', async () => {
    for (let i = 1; i <= 100; i++) {
      const res = await app.inject({ method: 'GET', url: '/health', remoteAddress: '10.9.8.7' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['x-ratelimit-limit']).toBe('100')
      expect(res.headers['x-ratelimit-remaining']).toBe(String(100 - i))
      expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(0)
    }
    const limited = await app.inject({ method: 'GET', url: '/health', remoteAddress: '10.9.8.7' })
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toMatchObject({ error: 'rate_limited' })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.headers['x-ratelimit-remaining']).toBe('0')
    expect(limited.headers['x-content-type-options']).toBe('nosniff')
    const other = await app.inject({ method: 'GET', url: '/health', remoteAddress: '10.9.8.8' })
    expect(other.statusCode).toBe(200)
  })
})

describe('rate limit allowlist', async () => {
  const app = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2', RATE_LIMIT_ALLOWLIST: '10.0.0.0/8' } })

  it('never limits an allowlisted address', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'GET', url: '/health', remoteAddress: '10.1.2.3' })
      expect(res.statusCode).toBe(200)
    }
    const outside = [1, 2, 3].map(() =>
      app.inject({ method: 'GET', url: '/health', remoteAddress: '192.0.2.1' }),
    )
    expect((await Promise.all(outside)).map((r) => r.statusCode)).toEqual([200, 200, 429])
  })
})

describe('CORS preflight rate limit', async () => {
  const app = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } })

  it('counts preflights in the general class like every other route', async () => {
    const preflight = () =>
      app.inject({
        method: 'OPTIONS',
        url: '/api/v1/scenarios',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
        remoteAddress: '192.0.2.44',
      })
    const first = await preflight()
    expect(first.statusCode).toBe(204)
    expect(first.headers['x-ratelimit-limit']).toBe('2')
    await preflight()
    expect((await preflight()).statusCode).toBe(429)
  })
})
