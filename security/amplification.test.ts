import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiKey,
  type Client,
  client,
  createApiKey,
  createScenario,
  expectErrorShape,
  registerUser,
} from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { ServerProcess } from './support/server.js'

// Finding 3 (unauthenticated amplification) and finding 7's per-user limits: small limits, TRUST_PROXY so each
// test is its own client address, and the scheduler on so the start-up purge of old security events runs.
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
      TRUST_PROXY: 'true',
      RATE_LIMIT_PER_MINUTE: '40',
      RATE_LIMIT_INGEST_PER_MINUTE: '40',
      RATE_LIMIT_IP_PER_MINUTE: '300',
      RATE_LIMIT_CREDENTIAL_FAILURES_PER_MINUTE: '20',
      SECURITY_EVENT_RETENTION_DAYS: '30',
      SCHEDULER_ENABLED: 'true',
    },
  })
  http = client(server.url)
})

afterAll(async () => {
  await server?.dispose()
})

/** The security events of one address, after a graceful stop has written every pending count. */
async function eventsOf(address: string) {
  await server.stop()
  try {
    return await server.withDatabase((query) =>
      query<{ event_type: string; count: number; details: string | null }>(
        'select event_type, count, details from security_events where ip = $1 order by event_type, details',
        [address],
      ),
    )
  } finally {
    await server.restart()
  }
}

async function inParallel<T>(total: number, width: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < total) {
        const i = next++
        results[i] = await send(i)
      }
    }),
  )
  return results
}

describe('requests with bad credentials', () => {
  it('are refused unchecked after RATE_LIMIT_CREDENTIAL_FAILURES_PER_MINUTE, and recorded once with a count', async () => {
    const address = ip()
    const before = server.logLines().length
    const answers = await inParallel(250, 10, (i) =>
      http('/api/v1/scenarios', { headers: from(address, { 'x-api-key': `mk_not-a-real-key-${i}` }) }),
    )
    const statuses = answers.map((r) => r.status)
    // Every key is looked up until 20 have failed; the rest never reach a lookup. Up to 9 lookups (10 in
    // flight) may already have started when the 20th fails, so 20–29 answer 401.
    const rejected = statuses.filter((s) => s === 401).length
    expect(rejected).toBeGreaterThanOrEqual(20)
    expect(rejected).toBeLessThanOrEqual(29)
    expect(statuses.filter((s) => s === 429)).toHaveLength(250 - rejected)
    for (const res of answers) expect(expectErrorShape(res).error).toMatch(/^(invalid_api_key|rate_limited)$/)
    expect(answers.find((r) => r.status === 429)?.headers['retry-after']).toMatch(/^\d+$/)
    // Requests without a credential from the same address still get through (the address limit is 300).
    expect((await http('/health', { headers: from(address) })).status).toBe(200)

    const warnLines = server
      .logLines()
      .slice(before)
      .filter((l) => l.ip === address && typeof l.security_event === 'string')
    // At most one line when a client's window opens and one with its count when it closes, per event type.
    expect(warnLines.length).toBeLessThanOrEqual(4)
    const rows = await eventsOf(address)
    expect(rows.map((r) => [r.event_type, r.count])).toEqual([
      ['invalid_api_key', rejected],
      ['rate_limited', 250 - rejected],
    ])
  })

  it('count against RATE_LIMIT_IP_PER_MINUTE with every other request of the address', async () => {
    const address = ip()
    const answers = await inParallel(310, 10, () => http('/health', { headers: from(address) }))
    // 40 pass the general limit; every request counts against the address's 300, rejected ones included.
    expect(answers.filter((r) => r.status === 200)).toHaveLength(40)
    const refused = answers.filter((r) => r.status === 429)
    expect(refused).toHaveLength(270)
    for (const res of refused) expect(expectErrorShape(res).error).toBe('rate_limited')
    const rows = await eventsOf(address)
    expect(rows.map((r) => [r.details, r.count])).toEqual([
      ['address pre-limit, GET /health', 10],
      ['general class, GET /health', 260],
    ])
  })
})

describe('rate limits count per user', () => {
  it('share one counter across all of a user’s API keys and sessions', async () => {
    const user = await registerUser(http, from(ip()))
    const keys = await Promise.all(
      [1, 2, 3].map(() => createApiKey(http, user, ['read:scenarios', 'write:ingest'])),
    )
    const address = ip()
    // 40 a minute for the user, whichever key or session sends them (3 went to creating the keys).
    const credentials = [user.auth, ...keys.map((k) => k.auth)]
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) {
      const res = await http('/api/v1/scenarios', { headers: from(address, credentials[i % 4]) })
      statuses.push(res.status)
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(37)
    for (const auth of credentials)
      expect((await http('/api/v1/scenarios', { headers: from(address, auth) })).status).toBe(429)
    const other = await registerUser(http, from(ip()))
    expect((await http('/api/v1/scenarios', { headers: from(address, other.auth) })).status).toBe(200)
  })

  it('for ingest too: a second key does not double the ingest limit', async () => {
    const user = await registerUser(http, from(ip()))
    const keys = await Promise.all([1, 2].map(() => createApiKey(http, user, ['write:ingest'])))
    const scenario = await createScenario(http, user, { running: true })
    const ingest = (key: ApiKey | undefined) =>
      http('/api/v1/ingest', {
        method: 'POST',
        headers: from(ip(), { ...key?.auth, 'x-scenario-id': scenario }),
        body: { type: 'log', message: 'one event' },
      })
    for (let i = 0; i < 40; i++) expect((await ingest(keys[i % 2])).status).toBe(200)
    expect((await ingest(keys[0])).status).toBe(429)
    expect((await ingest(keys[1])).status).toBe(429)
  })
})

describe('security event retention', () => {
  it('deletes events older than SECURITY_EVENT_RETENTION_DAYS (at start, then daily) and keeps the rest', async () => {
    await server.stop()
    await server.withDatabase(async (query) => {
      await query(
        `insert into security_events (event_type, ip, details, created_at) values
           ('login_failed', '192.0.2.77', 'old', now() - interval '31 days'),
           ('login_failed', '192.0.2.77', 'recent', now() - interval '29 days')`,
      )
    })
    await server.restart()
    await server.waitForLog('purged expired security events')
    const rows = await eventsOf('192.0.2.77')
    expect(rows.map((r) => r.details)).toEqual(['recent'])
    // Three restarts of the server on a shared 2-core machine.
  }, 300_000)
})

describe('logs', () => {
  it('never logs a password, token or key', () => {
    expectNoSecretsLogged(server)
  })
})
