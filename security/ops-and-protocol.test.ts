import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Client,
  client,
  createApiKey,
  createScenario,
  expectErrorShape,
  registerUser,
} from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { rememberSecret } from './support/secrets.js'
import { ServerProcess } from './support/server.js'

// Findings 6 (idempotency) and 7 (operators' endpoints, refresh grace, PII candidates, malformed HTTP) on a
// production server with the default refresh grace and an operators' token.
const OPS_TOKEN = randomBytes(32).toString('hex')
let server: ServerProcess
let http: Client

beforeAll(async () => {
  rememberSecret(OPS_TOKEN)
  server = await ServerProcess.start({
    env: { NODE_ENV: 'production', BCRYPT_ROUNDS: '12', OPS_ACCESS_TOKEN: OPS_TOKEN },
  })
  http = client(server.url)
})

afterAll(async () => {
  await server?.dispose()
})

function expectOurHeaders(headers: Record<string, string | string[] | undefined>, where: string): void {
  expect(headers['x-content-type-options'], where).toBe('nosniff')
  expect(headers['x-frame-options'], where).toBe('DENY')
  expect(headers['content-security-policy'], where).toContain("frame-ancestors 'none'")
  expect(headers['strict-transport-security'], where).toBe('max-age=31536000; includeSubDomains')
  expect(headers['x-request-id'], where).toMatch(/^[0-9a-f-]{36}$/)
}

describe('operators’ endpoints in production', () => {
  it('refuse /metrics and /docs without the operators’ token, even from this machine', async () => {
    for (const path of ['/metrics', '/docs', '/docs/', '/docs/json', '/docs/static/index.css']) {
      for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${OPS_TOKEN}x`]) {
        const res = await http(path, { headers: { authorization } })
        expect(res.status, `${path} ${authorization}`).toBe(403)
        expect(expectErrorShape(res).error).toBe('forbidden')
        expectOurHeaders(res.headers, path)
        expect(res.text).not.toContain('mockupaws_')
      }
    }
  })

  it('answer with the token', async () => {
    const auth = { authorization: `Bearer ${OPS_TOKEN}` }
    const metrics = await http('/metrics', { headers: auth })
    expect(metrics.status).toBe(200)
    expect(metrics.text).toContain('mockupaws_')
    const docs = await http('/docs/json', { headers: auth })
    expect(docs.status).toBe(200)
    expect(docs.json().openapi).toMatch(/^3\./)
    // The API itself is untouched: /health needs nothing.
    expect((await http('/health')).status).toBe(200)
  })
})

/** Sends raw bytes and reads everything until the server closes the connection. */
function rawExchange(payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(payload, 'latin1'))
    const parts: Buffer[] = []
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')))
    socket.on('data', (d: Buffer) => parts.push(d))
    socket.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    socket.on('error', reject)
  })
}

function parseRaw(text: string) {
  const [head = '', body = ''] = text.split('\r\n\r\n')
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const at = line.indexOf(':')
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim()
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body }
}

describe('malformed HTTP', () => {
  const cases: Array<[string, string]> = [
    ['a NUL in a header', 'GET /health HTTP/1.1\r\nHost: localhost\r\nX-Note: a\0b\r\n\r\n'],
    [
      'both Content-Length and Transfer-Encoding',
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
    ['a broken request line', 'GET /health HTTP/9\r\n\r\n'],
  ]
  for (const [name, payload] of cases) {
    it(`gets our error shape, security headers and a request id for ${name}`, async () => {
      const logged = server.chunks.length
      const res = parseRaw(await rawExchange(payload))
      expect(res.status).toBe(400)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expect(JSON.parse(res.body)).toEqual({ error: 'bad_request', message: expect.any(String) })
      expectOurHeaders(res.headers, name)
      expect(res.headers.connection).toBe('close')
      // The id is in the log, so an operator can find the refusal.
      const line = await server.waitForLog('malformed request refused', logged)
      expect(line.reqId).toBe(res.headers['x-request-id'])
    })
  }
})

describe('two tabs refreshing at once', () => {
  it('both get a session, without a reuse alarm; a replay after the grace window still revokes the family', async () => {
    const user = await registerUser(http)
    const refresh = (token: string) =>
      http('/api/v1/auth/refresh', { method: 'POST', body: { refresh_token: token } })
    const [a, b] = await Promise.all([refresh(user.refreshToken), refresh(user.refreshToken)])
    const late = await refresh(user.refreshToken)
    const sessions = [a, b, late].map((res) => {
      expect(res.status, res.text).toBe(200)
      const body = res.json()
      rememberSecret(body.access_token)
      rememberSecret(body.refresh_token)
      return body as { access_token: string; refresh_token: string }
    })
    for (const s of sessions) {
      const me = await http('/api/v1/auth/me', { headers: { authorization: `Bearer ${s.access_token}` } })
      expect(me.status).toBe(200)
    }
    const alarms = () =>
      server.logLines().filter((l) => l.security_event === 'refresh_token_reuse' && l.user_id === user.id)
    expect(alarms()).toEqual([])

    // Outside the window: the same replay is theft.
    await server.withDatabase((query) =>
      query(
        `update refresh_tokens set rotated_at = rotated_at - interval '1 hour'
          where user_id = $1 and rotated_at is not null`,
        [user.id],
      ),
    )
    const logged = server.chunks.length
    const replay = await refresh(user.refreshToken)
    expect(replay.status).toBe(401)
    expect(expectErrorShape(replay).error).toBe('invalid_token')
    // The child's log reaches this process after its answer: wait for the line.
    await server.waitForLog('security event: refresh_token_reuse', logged)
    expect(alarms()).toHaveLength(1)
    for (const s of sessions) expect((await refresh(s.refresh_token)).status).toBe(401)
  })
})

describe('ingest', () => {
  it('answers 422 idempotency_mismatch when a key is reused with a different body, and stores nothing', async () => {
    const user = await registerUser(http)
    const key = await createApiKey(http, user, ['write:ingest', 'read:scenarios'])
    const scenario = await createScenario(http, user, { running: true })
    const send = (message: string, idempotencyKey: string) =>
      http('/api/v1/ingest', {
        method: 'POST',
        headers: { ...key.auth, 'x-scenario-id': scenario, 'idempotency-key': idempotencyKey },
        body: {
          events: [
            { type: 'log', message },
            { type: 'log', message: 'second' },
          ],
        },
      })
    const first = await send('first', 'batch-1')
    expect(first.status).toBe(200)
    const replay = await send('first', 'batch-1')
    expect(replay.status).toBe(200)
    expect(replay.json()).toEqual(first.json())
    const reused = await send('different events', 'batch-1')
    expect(reused.status).toBe(422)
    expect(expectErrorShape(reused).error).toBe('idempotency_mismatch')
    // Concurrent reuse with different bodies: one body is stored, the others are refused.
    const racing = await Promise.all(['x', 'y', 'z'].map((m) => send(m, 'batch-2')))
    expect(racing.map((r) => r.status).sort()).toEqual([200, 422, 422])
    const metrics = await http(`/api/v1/scenarios/${scenario}/metrics`, { headers: key.auth })
    expect(metrics.json().totals.events).toBe(4)
  })

  it('examines at most 100 PII candidates per text', async () => {
    const user = await registerUser(http)
    const key = await createApiKey(http, user, ['write:ingest', 'read:scenarios'])
    const scenario = await createScenario(http, user, { running: true })
    const crafted = Array.from({ length: 1000 }, (_, i) => `u${i}@example.org`).join(' ')
    const res = await http('/api/v1/ingest', {
      method: 'POST',
      headers: { ...key.auth, 'x-scenario-id': scenario },
      body: {
        events: [
          { type: 'log', message: crafted },
          { type: 'log', message: 'contact: someone@example.org' },
        ],
      },
    })
    expect(res.status).toBe(200)
    const metrics = await http(`/api/v1/scenarios/${scenario}/metrics`, { headers: key.auth })
    // 100 of the crafted text (the cap), and the next text is scanned afresh.
    expect(metrics.json().pii.by_kind.email).toBe(101)
  })
})

describe('logs', () => {
  it('never logs a password, token or key', () => {
    expectNoSecretsLogged(server)
  })
})
