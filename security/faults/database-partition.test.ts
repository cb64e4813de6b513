import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTcpProxy } from '../../server/test/tcp-proxy.js'
import {
  type ApiKey,
  type Client,
  client,
  createApiKey,
  createScenario,
  registerUser,
  type User,
} from '../support/http.js'
import { ADMIN_DATABASE_URL, createPostgresDatabase, ServerProcess, sleep } from '../support/server.js'

// PostgreSQL only: a TCP proxy between the server process and the database is cut for several seconds under
// load. Requests get 503 `unavailable` (never 500), the process survives, and it recovers without a restart.
const CUT_MS = 6_000

let server: ServerProcess
let http: Client
let proxy: Awaited<ReturnType<typeof startTcpProxy>>
let database: Awaited<ReturnType<typeof createPostgresDatabase>>
let user: User
let key: ApiKey
let scenarioId: string

beforeAll(async () => {
  if (!ADMIN_DATABASE_URL) return
  database = await createPostgresDatabase()
  const target = new URL(database.url)
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
  const viaProxy = new URL(database.url)
  viaProxy.hostname = '127.0.0.1'
  viaProxy.port = String(proxy.port)
  server = await ServerProcess.start({ databaseUrl: viaProxy.toString() })
  http = client(server.url)
  user = await registerUser(http)
  key = await createApiKey(http, user, ['write:ingest', 'read:scenarios'])
  scenarioId = await createScenario(http, user, { running: true })
})

afterAll(async () => {
  await server?.dispose()
  await proxy?.close()
  await database?.drop()
})

const BATCH = {
  events: [
    { type: 'sqs.send', bytes: 10 },
    { type: 'log', message: 'partition' },
  ],
}

type Sample = { at: number; route: string; status: number; error?: string }

it.skipIf(!ADMIN_DATABASE_URL && process.env.CI !== 'true')(
  'answers 503 while PostgreSQL is unreachable and recovers by itself',
  async () => {
    const samples: Sample[] = []
    let acknowledged = 0
    const pending = new Map<number, string>()
    let running = true
    const started = Date.now()
    const worker = async (n: number) => {
      // Ingest workers retry a batch with its Idempotency-Key until it is acknowledged, as the CLI does: an
      // answer lost with the connection (committed, then 503) must not count the batch twice.
      let batchKey = randomUUID()
      pending.set(n, batchKey)
      while (running) {
        const ingest = n % 2 === 0
        try {
          const res = ingest
            ? await http('/api/v1/ingest', {
                method: 'POST',
                headers: { ...key.auth, 'x-scenario-id': scenarioId, 'idempotency-key': batchKey },
                body: BATCH,
                timeoutMs: 20_000,
              })
            : await http(n === 1 ? '/health' : '/api/v1/scenarios', { headers: user.auth, timeoutMs: 20_000 })
          if (ingest && res.status === 200) {
            acknowledged += res.json().accepted
            batchKey = randomUUID()
            pending.set(n, batchKey)
          }
          samples.push({
            at: Date.now() - started,
            route: ingest ? 'ingest' : n === 1 ? 'health' : 'list',
            status: res.status,
            error: res.status >= 400 ? (res.json().error ?? res.json().status) : undefined,
          })
        } catch (err) {
          samples.push({
            at: Date.now() - started,
            route: 'network',
            status: 0,
            error: (err as Error).message,
          })
        }
        await sleep(20)
      }
    }
    const load = Promise.all([0, 1, 2, 3, 4].map(worker))
    await sleep(1_500)
    const cutAt = Date.now() - started
    proxy.cut()
    await sleep(CUT_MS)
    expect(server.isRunning).toBe(true)
    proxy.restore()
    const restoredAt = Date.now() - started
    // Recovery: every route answers 200 again within 20 s, with no restart.
    const deadline = Date.now() + 20_000
    let recovered = false
    while (Date.now() < deadline && !recovered) {
      await sleep(500)
      const recent = samples.filter((s) => s.at > Date.now() - started - 1_000)
      recovered = recent.length > 5 && recent.every((s) => s.status === 200)
    }
    running = false
    await load
    // A worker's last batch may be unacknowledged (sent during the cut): settle it with the same key.
    for (const batchKey of pending.values()) {
      const res = await http('/api/v1/ingest', {
        method: 'POST',
        headers: { ...key.auth, 'x-scenario-id': scenarioId, 'idempotency-key': batchKey },
        body: BATCH,
      })
      expect(res.status).toBe(200)
      acknowledged += res.json().accepted
    }

    const during = samples.filter((s) => s.at > cutAt + 200 && s.at < restoredAt)
    expect(recovered, JSON.stringify(samples.slice(-20))).toBe(true)
    expect(
      samples.filter((s) => s.status >= 500 && s.status !== 503),
      'no 5xx other than 503',
    ).toEqual([])
    expect(
      samples.filter((s) => s.status === 0),
      'no dropped connections',
    ).toEqual([])
    expect(during.some((s) => s.status === 503 && s.error === 'unavailable' && s.route !== 'health')).toBe(
      true,
    )
    expect(during.some((s) => s.route === 'health' && s.status === 503)).toBe(true)
    expect(server.isRunning).toBe(true)
    expect(server.exits).toEqual([])
    // Every acknowledged ingest request is stored, once.
    const scenario = (await http(`/api/v1/scenarios/${scenarioId}`, { headers: user.auth })).json()
    expect(scenario.events_total).toBe(acknowledged)
    expect(server.output).not.toMatch(/"level":60/) // no fatal log line
  },
)
