import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiKey,
  type Client,
  client,
  createApiKey,
  createScenario,
  expectErrorShape,
  registerUser,
  type User,
} from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { rememberSecret } from './support/secrets.js'
import { ServerProcess } from './support/server.js'

let server: ServerProcess
let http: Client
let owner: User
let readKey: ApiKey
let scenarioId: string

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

beforeAll(async () => {
  server = await ServerProcess.start()
  http = client(server.url)
  owner = await registerUser(http)
  readKey = await createApiKey(http, owner, ['read:scenarios'])
  scenarioId = await createScenario(http, owner, { running: true })
})

afterAll(async () => {
  await server?.dispose()
})

describe('format and show-once', () => {
  it('issues mk_ + at least 32 random bytes, with a 12-character prefix', () => {
    expect(readKey.key).toMatch(/^mk_[A-Za-z0-9_-]{43,}$/)
    expect(readKey.keyPrefix).toBe(readKey.key.slice(0, 12))
  })

  it('never shows the key or its hash again: list, read', async () => {
    const list = await http('/api/v1/api-keys', { headers: owner.auth })
    const one = await http(`/api/v1/api-keys/${readKey.id}`, { headers: owner.auth })
    for (const res of [list, one]) {
      expect(res.status).toBe(200)
      expect(res.text).not.toContain(readKey.key)
      expect(res.text).not.toContain(sha256(readKey.key))
      expect(res.text).not.toMatch(/"key"|key_hash/)
    }
    expect(one.json().key_prefix).toBe(readKey.keyPrefix)
  })
})

describe('authentication with a key', () => {
  it('accepts the key for its scope', async () => {
    const res = await http(`/api/v1/scenarios/${scenarioId}`, { headers: readKey.auth })
    expect(res.status).toBe(200)
  })

  it('answers 403 insufficient_scope outside its scopes', async () => {
    const res = await http('/api/v1/scenarios', {
      method: 'POST',
      headers: readKey.auth,
      body: { name: 'nope', region: 'us-east-1' },
    })
    expect(res.status).toBe(403)
    expect(expectErrorShape(res).error).toBe('insufficient_scope')
    const ingest = await http('/api/v1/ingest', {
      method: 'POST',
      headers: { ...readKey.auth, 'x-scenario-id': scenarioId },
      body: { type: 'log', message: 'x' },
    })
    expect(ingest.status).toBe(403)
  })

  it('cannot manage keys, whatever its scopes (403 forbidden)', async () => {
    const all = await createApiKey(http, owner, [
      'read:scenarios',
      'write:scenarios',
      'write:ingest',
      'read:reports',
      'write:reports',
      'read:schedules',
      'write:schedules',
    ])
    for (const [method, path] of [
      ['GET', '/api/v1/api-keys'],
      ['POST', '/api/v1/api-keys'],
      ['DELETE', `/api/v1/api-keys/${readKey.id}`],
      ['POST', `/api/v1/api-keys/${readKey.id}/rotate`],
    ] as const) {
      const res = await http(path, {
        method,
        headers: all.auth,
        body: method === 'POST' ? { name: 'x', scopes: ['read:scenarios'] } : undefined,
      })
      expect(res.status, `${method} ${path}`).toBe(403)
      expect(res.json().error).toBe('forbidden')
    }
  })

  it('answers invalid_api_key for unknown, malformed and truncated keys', async () => {
    const forged = `mk_${randomBytes(32).toString('base64url')}`
    rememberSecret(forged)
    for (const k of [
      forged,
      'not-a-key',
      readKey.key.slice(0, -1),
      `${readKey.key}x`,
      `MK_${readKey.key.slice(3)}`,
    ]) {
      const res = await http('/api/v1/scenarios', { headers: { 'x-api-key': k } })
      expect(res.status, k).toBe(401)
      expect(expectErrorShape(res).error).toBe('invalid_api_key')
    }
  })

  it('answers invalid_api_key immediately after revocation', async () => {
    const key = await createApiKey(http, owner, ['read:scenarios'])
    expect((await http('/api/v1/scenarios', { headers: key.auth })).status).toBe(200)
    expect((await http(`/api/v1/api-keys/${key.id}`, { method: 'DELETE', headers: owner.auth })).status).toBe(
      204,
    )
    const res = await http('/api/v1/scenarios', { headers: key.auth })
    expect(res.status).toBe(401)
    expect(res.json().error).toBe('invalid_api_key')
    const listed = (await http(`/api/v1/api-keys/${key.id}`, { headers: owner.auth })).json()
    expect(listed.revoked_at).not.toBeNull()
  })

  it('rotation revokes the old key and keeps name and scopes', async () => {
    const key = await createApiKey(http, owner, ['read:scenarios'])
    const res = await http(`/api/v1/api-keys/${key.id}/rotate`, { method: 'POST', headers: owner.auth })
    expect(res.status).toBe(201)
    const rotated = res.json()
    rememberSecret(rotated.key)
    expect(rotated.key).not.toBe(key.key)
    expect(rotated.scopes).toEqual(['read:scenarios'])
    expect((await http('/api/v1/scenarios', { headers: key.auth })).status).toBe(401)
    expect((await http('/api/v1/scenarios', { headers: { 'x-api-key': rotated.key } })).status).toBe(200)
  })
})

describe('at rest (database)', () => {
  let expiring: ApiKey

  beforeAll(async () => {
    expiring = await createApiKey(http, owner, ['read:scenarios'], { expires_days: 1 })
    expect((await http('/api/v1/scenarios', { headers: expiring.auth })).status).toBe(200)
  })

  it('stores only the SHA-256 hex and the prefix, never the key; an expired key is refused', async () => {
    await server.withDatabase(async (query) => {
      const rows = await query<{ key_hash: string; key_prefix: string; id: string }>('select * from api_keys')
      const mine = rows.find((r) => r.id === readKey.id)
      expect(mine?.key_hash).toBe(sha256(readKey.key))
      expect(mine?.key_prefix).toBe(readKey.keyPrefix)
      const dump = JSON.stringify(rows)
      expect(dump).not.toContain(readKey.key)
      const events = JSON.stringify(await query('select * from security_events'))
      expect(events).not.toContain(readKey.key)
      // Expiry in the past, as if the key's last day had gone by.
      await query(`update api_keys set expires_at = now() - interval '1 minute' where id = $1`, [expiring.id])
    })
    // The server trusts a verified key for 5 s; restarted (as another instance would be), it asks the database.
    if (server.databaseUrl) await server.restart()
    const res = await http('/api/v1/scenarios', { headers: expiring.auth })
    expect(res.status).toBe(401)
    expect(res.json().error).toBe('invalid_api_key')
  })
})

describe('logs', () => {
  it('records invalid API keys as security events with the prefix only', () => {
    const lines = server.logLines().filter((l) => l.security_event === 'invalid_api_key')
    expect(lines.length).toBeGreaterThan(0)
    for (const l of lines) expect(String(l.api_key_prefix ?? '').length).toBeLessThanOrEqual(12)
  })

  it('never logs a key, password or token', () => {
    expectNoSecretsLogged(server)
  })
})
