import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiKey,
  type Client,
  client,
  createApiKey,
  createItem,
  createScenario,
  expectErrorShape,
  registerUser,
  type User,
} from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { fillPath, loadOperations, minimalQuery, minimalValue, type Operation } from './support/openapi.js'
import { ServerProcess } from './support/server.js'

const SCOPES = [
  'read:scenarios',
  'write:scenarios',
  'write:ingest',
  'read:reports',
  'write:reports',
  'read:schedules',
  'write:schedules',
]
/** POST routes that only read (a compare is a query with a body; an item preview prices without storing). */
const READ_ONLY_POSTS = new Set(['/api/v1/scenarios/compare', '/api/v1/scenarios/{id}/items/preview'])
/** Lists of public data every user sees alike (pricing snapshots are catalogs, not a user's rows). */
const PUBLIC_LISTS = new Set(['/api/v1/pricing/snapshots'])
/** Path parameters naming public data rather than a user's resource. */
const PUBLIC_PARAMS: Record<string, string> = {
  region: 'us-east-1',
  service: 'lambda',
  // A share token is its own credential (GET /shared/{token}): an unknown one is the same 404 for everyone.
  token: 'ms_unknown',
}

let server: ServerProcess
let http: Client
let alice: User
let bob: User
let bobKey: ApiKey
let operations: Operation[]
/** Alice's resource ids by the collection segment that precedes a path parameter ("scenarios", "items" …). */
const aliceIds = new Map<string, string>()
let aliceScenario: string
let aliceSnapshot: string

/** Which id fills `{param}` in `path`: the literal segment just before it names the collection. */
function collectionOf(path: string, param: string): string {
  const segments = path.split('/')
  const at = segments.indexOf(`{${param}}`)
  return segments[at - 1] ?? ''
}

function aliceValues(op: Operation): Record<string, string> | undefined {
  const values: Record<string, string> = {}
  for (const p of op.params) {
    const publicValue = PUBLIC_PARAMS[p]
    const id = publicValue ?? aliceIds.get(collectionOf(op.path, p))
    if (!id) return undefined
    values[p] = id
  }
  return values
}

const ownsResource = (op: Operation) => op.params.some((p) => !(p in PUBLIC_PARAMS))

function bodyFor(op: Operation): unknown {
  if (op.path.endsWith('/ingest')) return { type: 'log', message: 'hello' }
  if (op.path.endsWith('/items') && op.method === 'POST')
    return { service: 's3', params: { storage_gb: 1, put_requests: 1, get_requests: 1 } }
  return op.bodySchema ? minimalValue(op.bodySchema) : undefined
}

/** Learns Alice's ids from every list she can read: new resources are found without naming them here. */
async function discoverAliceIds(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const op of operations) {
      if (op.method !== 'GET' || !op.isProtected || PUBLIC_LISTS.has(op.path)) continue
      const values = aliceValues(op)
      if (!values) continue
      const res = await http(fillPath(op.path, values), { headers: alice.auth })
      if (res.status !== 200) continue
      const body = res.json()
      const last = op.path.split('/').at(-1) ?? ''
      if (Array.isArray(body?.items) && body.items[0]?.id && !last.startsWith('{'))
        if (!aliceIds.has(last)) aliceIds.set(last, body.items[0].id)
    }
  }
}

/** Creates one of each resource kind whose create route exists now (reports and schedules arrive later). */
async function createAliceResources(): Promise<void> {
  aliceScenario = await createScenario(http, alice, { running: true })
  const other = await createScenario(http, alice)
  await createItem(http, alice, aliceScenario)
  const key = await createApiKey(http, alice, ['read:scenarios'])
  aliceIds.set('api-keys', key.id)
  aliceIds.set('scenarios', aliceScenario)
  const has = (method: string, path: string) => operations.some((o) => o.method === method && o.path === path)
  await http('/api/v1/ingest', {
    method: 'POST',
    headers: { ...alice.auth, 'x-scenario-id': aliceScenario },
    body: { type: 'log', message: 'hello' },
  })
  if (has('POST', '/api/v1/scenarios/{id}/reports')) {
    await http(`/api/v1/scenarios/${aliceScenario}/reports`, {
      method: 'POST',
      headers: alice.auth,
      body: { format: 'csv' },
    })
  }
  if (has('POST', '/api/v1/scenarios/{id}/share-links')) {
    await http(`/api/v1/scenarios/${aliceScenario}/share-links`, {
      method: 'POST',
      headers: alice.auth,
      body: { expires_days: 7 },
    })
  }
  if (has('POST', '/api/v1/scenarios/{id}/alert-rules')) {
    // A threshold far above the scenario's cost: the rule never fires, so Alice's state stays still.
    await http(`/api/v1/scenarios/${aliceScenario}/alert-rules`, {
      method: 'POST',
      headers: alice.auth,
      body: { kind: 'projected_above', threshold: '1000000' },
    })
  }
  if (has('POST', '/api/v1/report-schedules')) {
    await http('/api/v1/report-schedules', {
      method: 'POST',
      headers: alice.auth,
      body: {
        name: 'weekly',
        scenario_ids: [aliceScenario, other],
        formats: ['csv'],
        frequency: 'weekly',
        timezone: 'UTC',
        hour: 8,
        minute: 0,
        day_of_week: 1,
        recipients: ['alice@example.com'],
        enabled: false,
      },
    })
  }
}

async function aliceState(): Promise<string> {
  const parts: unknown[] = []
  for (const op of operations) {
    if (op.method !== 'GET' || !op.isProtected || op.path.endsWith('/download')) continue
    const values = aliceValues(op)
    if (!values) continue
    const res = await http(fillPath(op.path, values), { headers: alice.auth })
    // Timestamps that move by themselves (last_used_at, metrics windows) are not state a caller changed.
    parts.push([op.path, res.status, res.text.replace(/"(last_used_at|from|to|generated_at)":"[^"]*"/g, '')])
  }
  return JSON.stringify(parts)
}

beforeAll(async () => {
  server = await ServerProcess.start()
  http = client(server.url)
  alice = await registerUser(http)
  bob = await registerUser(http)
  bobKey = await createApiKey(http, bob, SCOPES)
  operations = await loadOperations(http)
  await createAliceResources()
  await discoverAliceIds()
  aliceSnapshot = await aliceState()
})

afterAll(async () => {
  await server?.dispose()
})

describe('another user', () => {
  it('enumerates the routes from /docs/json', () => {
    expect(operations.length).toBeGreaterThan(15)
    const uncovered = operations.filter((op) => ownsResource(op) && !aliceValues(op))
    expect(
      uncovered.map((o) => `${o.method} ${o.path}`),
      'routes whose ids the matrix cannot fill',
    ).toEqual([])
  })

  it('gets 404 on every route that takes one of the first user’s ids (JWT and API key)', async () => {
    const failures: string[] = []
    let checked = 0
    for (const op of operations.filter(ownsResource)) {
      // Required query parameters get valid values, so the ownership check is reached, not validation.
      const path = fillPath(op.path, aliceValues(op) ?? {}) + minimalQuery(op)
      for (const [who, headers] of [
        ['jwt', bob.auth],
        ['key', bobKey.auth],
      ] as const) {
        const res = await http(path, { method: op.method, headers, body: bodyFor(op) })
        checked++
        const allowed = who === 'key' && !op.acceptsApiKey ? [403, 404] : [404]
        if (!allowed.includes(res.status))
          failures.push(`${who} ${op.method} ${path} → ${res.status} ${res.text}`)
        else expectErrorShape(res)
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBeGreaterThan(20)
  })

  it('never sees the first user’s rows in any list', async () => {
    const ids = [...aliceIds.values()]
    for (const op of operations) {
      if (op.method !== 'GET' || !op.isProtected || op.params.length > 0) continue
      const res = await http(op.path, { headers: bob.auth })
      for (const id of ids) expect(res.text, op.path).not.toContain(id)
    }
  })

  it('gets 404 when naming the first user’s scenario in a body or header (compare, ingest)', async () => {
    const mine = await createScenario(http, bob, { running: true })
    const compare = await http('/api/v1/scenarios/compare', {
      method: 'POST',
      headers: bob.auth,
      body: { scenario_ids: [mine, aliceScenario] },
    })
    expect(compare.status).toBe(404)
    const viaHeader = await http('/api/v1/ingest', {
      method: 'POST',
      headers: { ...bobKey.auth, 'x-scenario-id': aliceScenario },
      body: { type: 'log', message: 'x' },
    })
    expect(viaHeader.status).toBe(404)
    const viaBody = await http('/api/v1/ingest', {
      method: 'POST',
      headers: bobKey.auth,
      body: { scenario_id: aliceScenario, events: [{ type: 'log', message: 'x' }] },
    })
    expect(viaBody.status).toBe(404)
  })

  it('changed nothing of the first user’s data', async () => {
    expect(await aliceState()).toBe(aliceSnapshot)
  })
})

/** Writes that disclose data (a share link shows costs, a schedule mails reports): they need two scopes. */
const DISCLOSING_WRITES: Record<string, [string, string]> = {
  'POST /api/v1/scenarios/{id}/share-links': ['write:scenarios', 'read:scenarios'],
  'POST /api/v1/report-schedules': ['write:schedules', 'read:reports'],
  'PATCH /api/v1/report-schedules/{id}': ['write:schedules', 'read:reports'],
  'POST /api/v1/report-schedules/{id}/run': ['write:schedules', 'read:reports'],
}
const pairKeys = new Map<string, Promise<ApiKey>>()
const pairKey = (pair: [string, string]) => {
  const name = pair.join('+')
  if (!pairKeys.has(name)) pairKeys.set(name, createApiKey(http, alice, pair))
  return pairKeys.get(name) as Promise<ApiKey>
}

describe('API key scopes', () => {
  it('grant each scoped route through exactly one scope of the right kind', async () => {
    const keys = new Map<string, ApiKey>()
    for (const scope of SCOPES) keys.set(scope, await createApiKey(http, alice, [scope]))
    const problems: string[] = []
    for (const op of operations.filter((o) => o.acceptsApiKey)) {
      const values = Object.fromEntries(op.params.map((p) => [p, PUBLIC_PARAMS[p] ?? randomUUID()]))
      const path = fillPath(op.path, values)
      const granted: string[] = []
      for (const [scope, key] of keys) {
        const res = await http(path, {
          method: op.method,
          headers: key.auth,
          body: op.bodySchema ? {} : undefined,
        })
        if (res.status === 403) expect(res.json().error).toBe('insufficient_scope')
        else granted.push(scope)
      }
      if (granted.length === SCOPES.length) continue // public catalog data: any key may read it
      const isRead = op.method === 'GET' || READ_ONLY_POSTS.has(op.path)
      const pair = DISCLOSING_WRITES[`${op.method} ${op.path}`]
      if (pair) {
        // No single scope is enough: the write scope and the read scope of what it discloses, together.
        const both = await http(path, { method: op.method, headers: (await pairKey(pair)).auth, body: {} })
        if (granted.length !== 0 || both.status === 403)
          problems.push(`${op.method} ${op.path} granted by [${granted.join(', ')}], pair ${both.status}`)
        continue
      }
      const [scope] = granted
      if (granted.length !== 1 || !scope?.startsWith(isRead ? 'read:' : 'write:'))
        problems.push(`${op.method} ${op.path} granted by [${granted.join(', ')}]`)
    }
    expect(problems).toEqual([])
  })
})

describe('mass assignment', () => {
  it('ignores user_id, id, status and events_total when creating a scenario', async () => {
    const forcedId = randomUUID()
    const res = await http('/api/v1/scenarios', {
      method: 'POST',
      headers: alice.auth,
      body: {
        name: 'mass',
        region: 'us-east-1',
        id: forcedId,
        user_id: bob.id,
        status: 'archived',
        events_total: 999,
        first_event_at: '2000-01-01T00:00:00Z',
        created_at: '2000-01-01T00:00:00Z',
      },
    })
    expect([201, 422]).toContain(res.status)
    if (res.status === 201) {
      const body = res.json()
      expect(body.id).not.toBe(forcedId)
      expect(body.status).toBe('draft')
      expect(body.events_total).toBe(0)
      expect(body.first_event_at).toBeNull()
      expect(body.created_at.startsWith('2000')).toBe(false)
      expect((await http(`/api/v1/scenarios/${body.id}`, { headers: bob.auth })).status).toBe(404)
      expect((await http(`/api/v1/scenarios/${body.id}`, { headers: alice.auth })).status).toBe(200)
    }
  })

  it('ignores user_id, id and events_total on update, and refuses a status move that is not allowed', async () => {
    const id = await createScenario(http, alice)
    const before = (await http(`/api/v1/scenarios/${id}`, { headers: alice.auth })).json()
    const res = await http(`/api/v1/scenarios/${id}`, {
      method: 'PATCH',
      headers: alice.auth,
      body: { user_id: bob.id, id: randomUUID(), events_total: 5, created_at: '2000-01-01T00:00:00Z' },
    })
    expect([200, 422]).toContain(res.status)
    const after = (await http(`/api/v1/scenarios/${id}`, { headers: alice.auth })).json()
    expect({ ...after, updated_at: null }).toEqual({ ...before, updated_at: null })
    const skip = await http(`/api/v1/scenarios/${id}`, {
      method: 'PATCH',
      headers: alice.auth,
      body: { status: 'completed' },
    })
    // draft → completed skips running (docs/scenarios.md): a client cannot jump the lifecycle.
    expect(skip.status).toBe(409)
    expect(skip.json().error).toBe('conflict')
  })

  it('ignores key, key_hash, user_id and revoked_at when creating an API key', async () => {
    const chosen = `mk_${'A'.repeat(43)}`
    const res = await http('/api/v1/api-keys', {
      method: 'POST',
      headers: alice.auth,
      body: {
        name: 'mass',
        scopes: ['read:scenarios'],
        key: chosen,
        key_hash: 'a'.repeat(64),
        key_prefix: 'mk_AAAAAAAAA',
        user_id: bob.id,
        revoked_at: '2000-01-01T00:00:00Z',
        last_used_at: '2000-01-01T00:00:00Z',
      },
    })
    expect([201, 422]).toContain(res.status)
    expect((await http('/api/v1/scenarios', { headers: { 'x-api-key': chosen } })).status).toBe(401)
    if (res.status === 201) {
      const body = res.json()
      expect(body.key).not.toBe(chosen)
      expect((await http('/api/v1/auth/me', { headers: { 'x-api-key': body.key } })).json().id).toBe(alice.id)
      const listed = (await http(`/api/v1/api-keys/${body.id}`, { headers: alice.auth })).json()
      expect(listed.revoked_at).toBeNull()
      expect(listed.last_used_at).not.toBe('2000-01-01T00:00:00.000Z')
      expect((await http(`/api/v1/api-keys/${body.id}`, { headers: bob.auth })).status).toBe(404)
    }
  })

  it('ignores is_active and id at registration', async () => {
    const forcedId = randomUUID()
    const email = `mass-${randomUUID().slice(0, 8)}@example.com`
    const password = `Mass-${randomUUID()}-1`
    const res = await http('/api/v1/auth/register', {
      method: 'POST',
      body: { email, password, id: forcedId, is_active: false, user_id: forcedId, password_hash: 'x' },
    })
    expect([201, 422]).toContain(res.status)
    if (res.status === 201) {
      expect(res.json().user.id).not.toBe(forcedId)
      const login = await http('/api/v1/auth/login', { method: 'POST', body: { email, password } })
      expect(login.status).toBe(200)
    }
  })

  it('ignores scenario_id and id on a line item', async () => {
    const mine = await createScenario(http, bob)
    const forcedId = randomUUID()
    const res = await http(`/api/v1/scenarios/${mine}/items`, {
      method: 'POST',
      headers: bob.auth,
      body: {
        service: 's3',
        params: { storage_gb: 1, put_requests: 1, get_requests: 1 },
        scenario_id: aliceScenario,
        id: forcedId,
      },
    })
    expect([201, 422]).toContain(res.status)
    if (res.status === 201) expect(res.json().id).not.toBe(forcedId)
    const items = (await http(`/api/v1/scenarios/${aliceScenario}/items`, { headers: alice.auth })).json()
    expect(items.total).toBe(1)
  })
})

describe('logs', () => {
  it('never logs a password, token or key', () => {
    expectNoSecretsLogged(server)
  })
})
