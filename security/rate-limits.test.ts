import { randomInt } from 'node:crypto'
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
import { ServerProcess } from './support/server.js'

// The default limits (auth 5, general 100), a distinct ingest limit, and TRUST_PROXY so every test can be its
// own client IP through X-Forwarded-For (the reset file checks that the header is ignored without it).
let server: ServerProcess
let http: Client

const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
const from = (address: string, headers: Record<string, string> = {}) => ({
  'x-forwarded-for': address,
  ...headers,
})

beforeAll(async () => {
  server = await ServerProcess.start({
    env: {
      RATE_LIMIT_AUTH_PER_MINUTE: '5',
      RATE_LIMIT_PER_MINUTE: '100',
      RATE_LIMIT_INGEST_PER_MINUTE: '300',
      TRUST_PROXY: 'true',
    },
  })
  http = client(server.url)
})

afterAll(async () => {
  await server?.dispose()
})

describe('auth class', () => {
  it('allows 5 sign-in attempts a minute per IP, then 429 with Retry-After', async () => {
    const address = ip()
    const remaining: string[] = []
    for (let i = 0; i < 5; i++) {
      const res = await http('/api/v1/auth/login', {
        method: 'POST',
        headers: from(address),
        body: { email: 'nobody@example.com', password: 'Wrong-pass-1' },
      })
      expect(res.status).toBe(401)
      expect(res.headers['x-ratelimit-limit']).toBe('5')
      remaining.push(String(res.headers['x-ratelimit-remaining']))
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0'])
    const limited = await http('/api/v1/auth/login', {
      method: 'POST',
      headers: from(address),
      body: { email: 'nobody@example.com', password: 'Wrong-pass-1' },
    })
    expect(limited.status).toBe(429)
    expect(expectErrorShape(limited).error).toBe('rate_limited')
    const retryAfter = Number(limited.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(limited.headers['x-ratelimit-remaining']).toBe('0')
    expect(Number(limited.headers['x-ratelimit-reset'])).toBeLessThanOrEqual(60)
    // One class: registration shares the counter (refresh does not: see auth.test.ts).
    const register = await http('/api/v1/auth/register', {
      method: 'POST',
      headers: from(address),
      body: { email: 'limited@example.com', password: 'Passw0rd-x' },
    })
    expect(register.status).toBe(429)
    const other = await http('/api/v1/auth/login', {
      method: 'POST',
      headers: from(ip()),
      body: { email: 'nobody@example.com', password: 'Wrong-pass-1' },
    })
    expect(other.status).toBe(401)
  })
})

describe('general class', () => {
  it('allows 100 requests a minute per user, then 429; another user is not affected', async () => {
    const user = await registerUser(http, from(ip()))
    const other = await registerUser(http, from(ip()))
    for (let i = 0; i < 100; i++) {
      const res = await http('/api/v1/scenarios', { headers: user.auth })
      expect(res.status).toBe(200)
      expect(res.headers['x-ratelimit-limit']).toBe('100')
      expect(res.headers['x-ratelimit-remaining']).toBe(String(99 - i))
    }
    const limited = await http('/api/v1/pricing/regions', { headers: user.auth })
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBeDefined()
    expect(expectErrorShape(limited).error).toBe('rate_limited')
    expect((await http('/api/v1/scenarios', { headers: other.auth })).status).toBe(200)
  })

  it('limits /health and unmatched URLs per IP too', async () => {
    const address = ip()
    for (let i = 0; i < 100; i++) {
      const res = await http(i % 2 ? '/health' : '/no/such/page.txt', { headers: from(address) })
      expect(res.status).toBeLessThan(429)
    }
    const res = await http('/health', { headers: from(address) })
    expect(res.status).toBe(429)
  })
})

describe('ingest class', () => {
  it('is counted apart from the general class, per user', async () => {
    const user = await registerUser(http, from(ip()))
    const key = await createApiKey(http, user, ['read:scenarios', 'write:ingest'])
    const scenario = await createScenario(http, user, { running: true })
    // The key shares its user's general counter: 3 requests went to creating the key and the scenario.
    for (let i = 0; i < 97; i++)
      expect((await http('/api/v1/scenarios', { headers: key.auth })).status).toBe(200)
    expect((await http('/api/v1/scenarios', { headers: key.auth })).status).toBe(429)
    for (let i = 0; i < 3; i++) {
      const res = await http('/api/v1/ingest', {
        method: 'POST',
        headers: { ...key.auth, 'x-scenario-id': scenario },
        body: { type: 'log', message: 'still flowing' },
      })
      expect(res.status).toBe(200)
      expect(res.headers['x-ratelimit-limit']).toBe('300')
      expect(res.headers['x-ratelimit-remaining']).toBe(String(299 - i))
    }
  })
})

describe('logs', () => {
  it('records rate limit hits as security events', () => {
    // Once per client and minute (repeats are counted, not logged): the auth IP, the user, the /health IP.
    const hits = server.logLines().filter((l) => l.security_event === 'rate_limited')
    expect(hits.length).toBeGreaterThanOrEqual(3)
  })

  it('never logs a password, token or key', () => {
    expectNoSecretsLogged(server)
  })
})
