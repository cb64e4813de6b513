import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiKey,
  type Client,
  client,
  createApiKey,
  createScenario,
  expectErrorShape,
  type HttpResponse,
  registerUser,
  type User,
} from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { fillPath, loadOperations, type Operation } from './support/openapi.js'
import { ServerProcess } from './support/server.js'

const ALLOWED_ORIGIN = 'https://app.example.test'
const WEB_ROOT = 'dist/web'

let server: ServerProcess
let http: Client
let alice: User
let bob: User
let aliceKey: ApiKey
let operations: Operation[]
let bobScenario: string

/** The headers of docs/api.md; `where` names the response in a failure message. */
function expectSecurityHeaders(h: IncomingHttpHeaders, where: string, options: { limited?: boolean } = {}) {
  expect(h['x-content-type-options'], where).toBe('nosniff')
  expect(h['x-frame-options'], where).toBe('DENY')
  expect(h['x-xss-protection'], where).toBe('1; mode=block')
  expect(h['content-security-policy'], where).toContain("frame-ancestors 'none'")
  expect(h['strict-transport-security'], where).toBe('max-age=31536000; includeSubDomains')
  expect(h.server, where).toBeUndefined()
  expect(h['x-powered-by'], where).toBeUndefined()
  expect(h['x-request-id'], where).toMatch(/^[0-9a-f-]{36}$/)
  if (options.limited !== false) {
    expect(h['x-ratelimit-limit'], where).toBeDefined()
    expect(h['x-ratelimit-remaining'], where).toBeDefined()
    expect(h['x-ratelimit-reset'], where).toBeDefined()
  }
}

function sampleValues(op: Operation): Record<string, string> {
  return Object.fromEntries(
    op.params.map((p) => [p, p === 'region' ? 'us-east-1' : p === 'service' ? 'lambda' : randomUUID()]),
  )
}

beforeAll(async () => {
  server = await ServerProcess.start({
    env: {
      NODE_ENV: 'production',
      BCRYPT_ROUNDS: '12',
      CORS_ORIGINS: `${ALLOWED_ORIGIN},http://localhost:5173`,
      // /metrics and /docs answer operators only in production (their refusal: ops-and-protocol.test.ts).
      OPS_ALLOWED_NETWORKS: '127.0.0.1',
    },
  })
  http = client(server.url)
  alice = await registerUser(http)
  bob = await registerUser(http)
  aliceKey = await createApiKey(http, alice, ['read:scenarios', 'write:scenarios', 'write:ingest'])
  operations = await loadOperations(http)
  bobScenario = await createScenario(http, bob, { name: 'bob private' })
})

afterAll(async () => {
  await server?.dispose()
})

describe('security headers', () => {
  it('are on every documented route, signed in and not', async () => {
    for (const op of operations) {
      const path = fillPath(op.path, sampleValues(op))
      for (const headers of [alice.auth, {}]) {
        const res = await http(path, { method: op.method, headers, body: op.bodySchema ? {} : undefined })
        expect(res.status, `${op.method} ${path}`).toBeLessThan(500)
        expectSecurityHeaders(res.headers, `${op.method} ${path} → ${res.status}`)
      }
    }
  })

  it('are on /health, /metrics, /docs, its static files and the OpenAPI document', async () => {
    const docs = await http('/docs/')
    const asset = /href="\.?\/?(?:docs\/)?(static\/[^"]+\.css)"/.exec(docs.text)?.[1] ?? 'static/index.css'
    for (const path of ['/health', '/metrics', '/docs', '/docs/json', `/docs/${asset}`]) {
      const res = await http(path)
      expect(res.status, path).toBeLessThan(400)
      expectSecurityHeaders(res.headers, path)
    }
  })

  it('are on the web app and its built assets', async (ctx) => {
    if (!existsSync(`${WEB_ROOT}/index.html`)) {
      if (process.env.CI === 'true') throw new Error(`${WEB_ROOT}/index.html is missing: build the web app`)
      ctx.skip()
    }
    const asset = readdirSync(`${WEB_ROOT}/assets`).find((f) => f.endsWith('.js'))
    for (const path of ['/', '/scenarios/some/client/route', `/assets/${asset}`]) {
      const res = await http(path, { headers: { accept: 'text/html' } })
      expect(res.status, path).toBe(200)
      expectSecurityHeaders(res.headers, path)
      expect(res.headers['content-security-policy']).toContain("script-src 'self'")
    }
  })

  it('are on every kind of error', async () => {
    const errors: Array<[string, Promise<HttpResponse>, number]> = [
      ['unknown route', http('/api/v1/nothing-here'), 404],
      ['unknown method', http('/api/v1/scenarios', { method: 'PUT', headers: alice.auth }), 404],
      ['missing token', http('/api/v1/scenarios'), 401],
      ['bad uuid', http('/api/v1/scenarios/not-a-uuid', { headers: alice.auth }), 422],
      [
        'malformed JSON',
        http('/api/v1/scenarios', {
          method: 'POST',
          headers: { ...alice.auth, 'content-type': 'application/json' },
          body: '{"name": ',
        }),
        400,
      ],
      [
        'unsupported type',
        http('/api/v1/scenarios', {
          method: 'POST',
          headers: { ...alice.auth, 'content-type': 'application/xml' },
          body: '<name>x</name>',
        }),
        415,
      ],
      [
        'too large',
        http('/api/v1/scenarios', {
          method: 'POST',
          headers: { ...alice.auth, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'x', region: 'us-east-1', description: 'y'.repeat(1_100_000) }),
        }),
        413,
      ],
    ]
    for (const [name, pending, status] of errors) {
      const res = await pending
      expect(res.status, name).toBe(status)
      expectSecurityHeaders(res.headers, name)
      const body = expectErrorShape(res)
      expect(res.text, 'error bodies carry no request id').not.toContain(String(res.headers['x-request-id']))
      expect(body.error.length).toBeGreaterThan(0)
    }
  })

  it('identical failures give identical bodies', async () => {
    const a = await http('/api/v1/scenarios/not-a-uuid', { headers: alice.auth })
    const b = await http('/api/v1/scenarios/not-a-uuid', { headers: alice.auth })
    expect(a.text).toBe(b.text)
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id'])
  })
})

describe('CORS', () => {
  it('answers an allowed origin with credentials', async () => {
    const res = await http('/api/v1/pricing/regions', { headers: { ...alice.auth, origin: ALLOWED_ORIGIN } })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN)
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect(String(res.headers.vary)).toMatch(/origin/i)
  })

  it('answers a preflight with exactly the documented methods and headers', async () => {
    const res = await http('/api/v1/scenarios', {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED_ORIGIN,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'content-type, authorization, x-api-key',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN)
    const list = (v: unknown) =>
      String(v)
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .sort()
    expect(list(res.headers['access-control-allow-methods'])).toEqual(list('GET, POST, PUT, PATCH, DELETE'))
    expect(list(res.headers['access-control-allow-headers'])).toEqual(
      list('Content-Type, Authorization, X-API-Key, X-Scenario-ID, Idempotency-Key'),
    )
    expectSecurityHeaders(res.headers, 'preflight', { limited: false })
  })

  for (const origin of [
    'https://evil.example',
    'null',
    `${ALLOWED_ORIGIN}.evil.example`,
    'http://app.example.test',
  ]) {
    it(`gives ${origin} no Access-Control-Allow-Origin`, async () => {
      const simple = await http('/api/v1/pricing/regions', { headers: { ...alice.auth, origin } })
      expect(simple.headers['access-control-allow-origin']).toBeUndefined()
      const preflight = await http('/api/v1/scenarios', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'DELETE' },
      })
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    })
  }
})

describe('SQL injection', () => {
  const injections = [
    "' OR '1'='1",
    '1; DROP TABLE users; --',
    "' UNION SELECT password_hash FROM users --",
    "'); DELETE FROM scenarios; --",
    '%',
    '_',
    '\\',
    "' OR 1=1 --",
  ]

  it('in path parameters gives 422 or 404, never data', async () => {
    for (const payload of injections) {
      for (const path of [
        `/api/v1/scenarios/${encodeURIComponent(payload)}`,
        `/api/v1/scenarios/${encodeURIComponent(payload)}/costs`,
        `/api/v1/api-keys/${encodeURIComponent(payload)}`,
        `/api/v1/pricing/${encodeURIComponent(payload)}/lambda`,
        `/api/v1/pricing/us-east-1/${encodeURIComponent(payload)}`,
      ]) {
        const res = await http(path, { headers: alice.auth })
        expect([404, 422], `${path} → ${res.status}`).toContain(res.status)
        expectErrorShape(res)
        expect(res.text).not.toContain(bobScenario)
      }
    }
  })

  it('in query parameters gives 200 with only the caller’s rows, or 422', async () => {
    await createScenario(http, alice, { name: 'alice one' })
    for (const payload of injections) {
      for (const name of ['q', 'region', 'status', 'page', 'page_size']) {
        const res = await http(`/api/v1/scenarios?${name}=${encodeURIComponent(payload)}`, {
          headers: alice.auth,
        })
        expect([200, 422], `${name}=${payload} → ${res.status}`).toContain(res.status)
        expect(res.text).not.toContain(bobScenario)
        expect(res.text).not.toContain('bob private')
        if (res.status === 200) expect(res.json().items.length).toBeLessThanOrEqual(1)
        else expectErrorShape(res)
      }
    }
  })

  it('in bodies is stored as plain text, and no table is dropped', async () => {
    for (const payload of injections) {
      const res = await http('/api/v1/scenarios', {
        method: 'POST',
        headers: alice.auth,
        body: { name: `n ${payload}`, description: payload, region: 'us-east-1', tags: [payload] },
      })
      expect(res.status).toBe(201)
      const got = (await http(`/api/v1/scenarios/${res.json().id}`, { headers: alice.auth })).json()
      expect(got.name).toBe(`n ${payload}`)
      expect(got.description).toBe(payload)
      const login = await http('/api/v1/auth/login', {
        method: 'POST',
        body: { email: payload, password: payload },
      })
      expect([401, 422]).toContain(login.status)
      const region = await http('/api/v1/scenarios', {
        method: 'POST',
        headers: alice.auth,
        body: { name: 'r', region: payload },
      })
      expect(region.status).toBe(422)
    }
    const bobView = await http(`/api/v1/scenarios/${bobScenario}`, { headers: bob.auth })
    expect(bobView.status).toBe(200)
    await server.withDatabase(async (query) => {
      const tables = await query<{ t: string | null }>(
        `select to_regclass(name) as t from unnest(array['users','scenarios','api_keys','refresh_tokens',
          'security_events','ingest_batches','usage_rollups','scenario_line_items']) as name`,
      )
      expect(tables.every((r) => r.t !== null)).toBe(true)
      const [users] = await query<{ n: string }>('select count(*) as n from users')
      expect(Number(users?.n)).toBe(2)
    })
  })
})

describe('XSS payloads', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "javascript:alert('x')",
    '{{constructor.constructor("alert(1)")()}}',
  ]

  it('are stored and returned verbatim as JSON text, never as HTML', async () => {
    for (const payload of payloads) {
      const created = await http('/api/v1/scenarios', {
        method: 'POST',
        headers: alice.auth,
        body: { name: payload, description: payload, region: 'us-east-1', tags: [payload.slice(0, 50)] },
      })
      expect(created.status).toBe(201)
      const res = await http(`/api/v1/scenarios/${created.json().id}`, { headers: alice.auth })
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.json().name).toBe(payload)
      expect(res.json().description).toBe(payload)
      const notFound = await http(`/api/v1/${encodeURIComponent(payload)}`)
      expect(notFound.headers['content-type']).toMatch(/^application\/json/)
    }
  })
})

describe('length and size limits', () => {
  const cases: Array<[string, string, string, unknown, number]> = [
    [
      'scenario name over 255',
      'POST',
      '/api/v1/scenarios',
      { name: 'n'.repeat(256), region: 'us-east-1' },
      422,
    ],
    ['empty name', 'POST', '/api/v1/scenarios', { name: '', region: 'us-east-1' }, 422],
    [
      'description over 2000',
      'POST',
      '/api/v1/scenarios',
      { name: 'n', region: 'us-east-1', description: 'd'.repeat(2001) },
      422,
    ],
    [
      '21 tags',
      'POST',
      '/api/v1/scenarios',
      { name: 'n', region: 'us-east-1', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      422,
    ],
    [
      'tag over 50',
      'POST',
      '/api/v1/scenarios',
      { name: 'n', region: 'us-east-1', tags: ['t'.repeat(51)] },
      422,
    ],
    [
      'key name over 100',
      'POST',
      '/api/v1/api-keys',
      { name: 'k'.repeat(101), scopes: ['read:scenarios'] },
      422,
    ],
    ['unknown scope', 'POST', '/api/v1/api-keys', { name: 'k', scopes: ['admin'] }, 422],
    [
      'expires_days over 365',
      'POST',
      '/api/v1/api-keys',
      { name: 'k', scopes: ['read:scenarios'], expires_days: 366 },
      422,
    ],
    [
      'email over 320',
      'POST',
      '/api/v1/auth/register',
      { email: `${'e'.repeat(320)}@x.io`, password: 'Passw0rd!' },
      422,
    ],
    [
      'password over 128',
      'POST',
      '/api/v1/auth/register',
      { email: 'long@example.com', password: `A1${'p'.repeat(200)}` },
      422,
    ],
    [
      'password over 1024',
      'POST',
      '/api/v1/auth/login',
      { email: 'long@example.com', password: 'p'.repeat(1025) },
      422,
    ],
  ]
  for (const [name, method, path, body, status] of cases) {
    it(`refuses ${name} with ${status}`, async () => {
      const res = await http(path, { method, headers: path.includes('/auth/') ? {} : alice.auth, body })
      expect(res.status).toBe(status)
      expectErrorShape(res)
    })
  }

  it('refuses page_size over 100 and a q over 255', async () => {
    expect((await http('/api/v1/scenarios?page_size=101', { headers: alice.auth })).status).toBe(422)
    expect((await http(`/api/v1/scenarios?q=${'q'.repeat(256)}`, { headers: alice.auth })).status).toBe(422)
  })

  it('limits ingest: 5 MB bodies, long headers, text/plain', async () => {
    const scenario = await createScenario(http, alice, { running: true })
    const headers = { ...aliceKey.auth, 'x-scenario-id': scenario }
    const line = `${JSON.stringify({ type: 'log', message: 'm'.repeat(1000) })}\n`
    const big = await http('/api/v1/ingest', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      body: line.repeat(Math.ceil((5.2 * 1024 * 1024) / line.length)),
    })
    expect(big.status).toBe(413)
    expect(big.json().error).toBe('payload_too_large')
    const plain = await http('/api/v1/ingest', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'hello',
    })
    expect(plain.status).toBe(415)
    const longKey = await http('/api/v1/ingest', {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': 'k'.repeat(256) },
      body: { type: 'log', message: 'x' },
    })
    expect(longKey.status).toBe(422)
    const tooMany = await http('/api/v1/ingest', {
      method: 'POST',
      headers,
      body: { events: Array.from({ length: 10_001 }, () => ({ type: 'sqs.send', bytes: 1 })) },
    })
    expect([413, 422]).toContain(tooMany.status)
    const after = (await http(`/api/v1/scenarios/${scenario}`, { headers: alice.auth })).json()
    expect(after.events_total).toBe(0)
    const hugeKey = await http('/api/v1/scenarios', { headers: { 'x-api-key': `mk_${'a'.repeat(5000)}` } })
    expect(hugeKey.status).toBe(401)
  })
})

describe('logs', () => {
  it('never logs a password, token or key', () => {
    expectNoSecretsLogged(server)
  })
})
