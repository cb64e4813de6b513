import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { MAX_ACTIVE_KEYS } from './api-keys.service.js'
import { SCOPES } from './scopes.js'

describe(`API keys on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const me = (headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })

  it('create → use → list without the key → revoke → 401', async () => {
    const user = await createUser(app)
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: user.headers,
      payload: { name: 'ci', scopes: ['write:ingest', 'read:scenarios'], expires_days: 30 },
    })
    expect(res.statusCode).toBe(201)
    const created = res.json()
    expect(created.key).toMatch(/^mk_[A-Za-z0-9_-]{43}$/)
    expect(created.key_prefix).toBe(created.key.slice(0, 12))
    expect(created.scopes).toEqual(['write:ingest', 'read:scenarios'])
    expect(new Date(created.expires_at).getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000)

    expect((await me({ 'x-api-key': created.key })).json().id).toBe(user.id)

    const list = await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: user.headers })
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({ total: 1, page: 1, page_size: 20 })
    const [item] = list.json().items
    expect(Object.keys(item).sort()).toEqual(
      ['created_at', 'expires_at', 'id', 'key_prefix', 'last_used_at', 'name', 'revoked_at', 'scopes'].sort(),
    )
    expect(item.last_used_at).not.toBeNull()
    expect(list.body).not.toContain(created.key)

    const one = await app.inject({
      method: 'GET',
      url: `/api/v1/api-keys/${created.id}`,
      headers: user.headers,
    })
    expect(one.json()).toEqual(item)

    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${created.id}`,
      headers: user.headers,
    })
    expect(revoke.statusCode).toBe(204)
    const after = await me({ 'x-api-key': created.key })
    expect(after.statusCode).toBe(401)
    expect(after.json().error).toBe('invalid_api_key')
    const kept = await app.inject({
      method: 'GET',
      url: `/api/v1/api-keys/${created.id}`,
      headers: user.headers,
    })
    expect(kept.json().revoked_at).not.toBeNull()
  })

  it('rotate: the old key stops, the new one works with the same name and scopes', async () => {
    const user = await createUser(app)
    const old = await createApiKey(app, user, { name: 'worker', scopes: ['read:reports'], expires_days: 10 })
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/api-keys/${old.id}/rotate`,
      headers: user.headers,
    })
    expect(res.statusCode).toBe(201)
    const rotated = res.json()
    expect(rotated).toMatchObject({ name: 'worker', scopes: ['read:reports'] })
    expect(rotated.key).not.toBe(old.key)
    expect(new Date(rotated.expires_at).getTime() - Date.now()).toBeGreaterThan(9.9 * 86_400_000)
    expect((await me(old.headers)).json().error).toBe('invalid_api_key')
    expect((await me({ 'x-api-key': rotated.key })).statusCode).toBe(200)
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/api-keys/${old.id}/rotate`,
      headers: user.headers,
    })
    expect(again.statusCode).toBe(409)
  })

  it('rejects an expired key with invalid_api_key and records the event', async () => {
    const user = await createUser(app)
    const key = await createApiKey(app, user, { scopes: ['read:scenarios'], expires_days: 1 })
    await app.database.db.execute(
      sql`update api_keys set expires_at = now() - interval '1 second' where id = ${key.id}`,
    )
    // Its own address: rejections are recorded once per address and minute (security-events.test.ts).
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: key.headers,
      remoteAddress: '198.51.100.21',
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error).toBe('invalid_api_key')
    await app.services.securityEvents.flush()
    const events = await queryRows<{ api_key_prefix: string; details: string }>(
      app.database.db,
      sql`select api_key_prefix, details from security_events where event_type = 'invalid_api_key'`,
    )
    expect(events).toContainEqual({ api_key_prefix: key.keyPrefix, details: 'expired' })
  })

  it('rejects an unknown or malformed key', async () => {
    for (const key of ['mk_doesnotexist00000000000000000000000000000000', 'not-even-prefixed']) {
      const res = await me({ 'x-api-key': key })
      expect(res.statusCode).toBe(401)
      expect(res.json().error).toBe('invalid_api_key')
    }
  })

  it('stores a 64-char SHA-256 hex and never the key itself', async () => {
    const user = await createUser(app)
    const key = await createApiKey(app, user, { scopes: ['read:scenarios'] })
    const [row] = await queryRows<{ key_hash: string; key_prefix: string }>(
      app.database.db,
      sql`select key_hash, key_prefix from api_keys where id = ${key.id}`,
    )
    expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row?.key_prefix).toBe(key.key.slice(0, 12))
    const leaks = await queryRows(
      app.database.db,
      sql`select 1 from api_keys k where k::text like ${`%${key.key}%`}
          union all select 1 from security_events e where e::text like ${`%${key.key}%`}`,
    )
    expect(leaks).toHaveLength(0)
    expect(app.logLines.join('')).not.toContain(key.key)
  })

  it('answers 404 for another user’s key id on every route', async () => {
    const owner = await createUser(app)
    const other = await createUser(app)
    const key = await createApiKey(app, owner, { scopes: ['read:scenarios'] })
    for (const [method, url] of [
      ['GET', `/api/v1/api-keys/${key.id}`],
      ['DELETE', `/api/v1/api-keys/${key.id}`],
      ['POST', `/api/v1/api-keys/${key.id}/rotate`],
    ] as const) {
      const res = await app.inject({ method, url, headers: other.headers })
      expect(res.statusCode, `${method} ${url}`).toBe(404)
      expect(res.json().error).toBe('not_found')
    }
    expect((await me(key.headers)).statusCode).toBe(200)
    const list = await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: other.headers })
    expect(list.json().total).toBe(0)
  })

  it('refuses key management with an API key (403 forbidden), even one with every scope', async () => {
    const user = await createUser(app)
    const key = await createApiKey(app, user, { scopes: [...SCOPES] })
    const create = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: key.headers,
      payload: { name: 'escalate', scopes: ['write:ingest'] },
    })
    expect(create.statusCode).toBe(403)
    expect(create.json().error).toBe('forbidden')
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: key.headers })).statusCode,
    ).toBe(403)
  })

  it('validates input with 422 and stores nothing', async () => {
    const user = await createUser(app)
    for (const payload of [
      { name: '', scopes: ['read:scenarios'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['admin:everything'] },
      { name: 'x', scopes: ['read:scenarios'], expires_days: 0 },
      { name: 'x', scopes: ['read:scenarios'], expires_days: 366 },
      { name: 'x'.repeat(101), scopes: ['read:scenarios'] },
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: user.headers,
        payload,
      })
      expect(res.statusCode, JSON.stringify(payload)).toBe(422)
    }
    const list = await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: user.headers })
    expect(list.json().total).toBe(0)
  })

  it(`caps active keys at ${MAX_ACTIVE_KEYS} with a clear 409`, async () => {
    const user = await createUser(app)
    const keys = []
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++)
      keys.push(await createApiKey(app, user, { scopes: ['read:scenarios'] }))
    const over = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: user.headers,
      payload: { name: 'one too many', scopes: ['read:scenarios'] },
    })
    expect(over.statusCode).toBe(409)
    expect(over.json().message).toContain('25 active API keys')
    await app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${keys[0]?.id}`, headers: user.headers })
    expect((await createApiKey(app, user, { scopes: ['read:scenarios'] })).key).toMatch(/^mk_/)
  })

  it('paginates the list newest first', async () => {
    const user = await createUser(app)
    for (let i = 0; i < 3; i++) await createApiKey(app, user, { name: `k${i}`, scopes: ['read:scenarios'] })
    const page2 = await app.inject({
      method: 'GET',
      url: '/api/v1/api-keys?page=2&page_size=2',
      headers: user.headers,
    })
    expect(page2.json()).toMatchObject({ total: 3, page: 2, page_size: 2, items: [{ name: 'k0' }] })
    const tooBig = await app.inject({
      method: 'GET',
      url: '/api/v1/api-keys?page_size=101',
      headers: user.headers,
    })
    expect(tooBig.statusCode).toBe(422)
  })
})

describe(`scope matrix on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const everyScope = await createApiKey(app, user, { scopes: [...SCOPES] })
  const placeholder = '00000000-0000-4000-8000-000000000000'
  const urlOf = (url: string) => url.replace(/:[a-z_]+/g, placeholder)

  it('lists every protected route with its scope', () => {
    expect(app.protectedRoutes.length).toBeGreaterThan(5)
  })

  it.each(SCOPES)(
    'a key without %s gets 403 insufficient_scope on its routes; with it, gets through',
    async (scope) => {
      const routes = app.protectedRoutes.filter((r) => r.scope === scope)
      const without = await createApiKey(app, user, { scopes: SCOPES.filter((s) => s !== scope) })
      const only = await createApiKey(app, user, { scopes: [scope] })
      for (const route of routes) {
        // A route that also needs a read scope is reached with both, and refused with the write scope alone.
        const enough = route.alsoNeeds
          ? await createApiKey(app, user, { scopes: [scope, route.alsoNeeds] })
          : only
        const request = {
          method: route.method as 'GET',
          url: urlOf(route.url),
          payload: route.method === 'GET' ? undefined : {},
        }
        const denied = await app.inject({ ...request, headers: without.headers })
        expect(denied.statusCode, `${route.method} ${route.url}`).toBe(403)
        expect(denied.json().error).toBe('insufficient_scope')
        if (route.alsoNeeds) {
          const short = await app.inject({ ...request, headers: only.headers })
          expect(short.statusCode, `${route.method} ${route.url}`).toBe(403)
        }
        const allowed = await app.inject({ ...request, headers: enough.headers })
        expect([401, 403], `${route.method} ${route.url}`).not.toContain(allowed.statusCode)
      }
    },
  )

  it('JWT-only routes refuse every API key with 403 forbidden and accept a session', async () => {
    const routes = app.protectedRoutes.filter((r) => r.jwtOnly)
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/api-keys',
        'GET /api/v1/api-keys',
        'POST /api/v1/api-keys/:id/rotate',
      ]),
    )
    for (const route of routes) {
      const request = {
        method: route.method as 'GET',
        url: urlOf(route.url),
        payload: route.method === 'GET' ? undefined : {},
      }
      const denied = await app.inject({ ...request, headers: everyScope.headers })
      expect(denied.statusCode, `${route.method} ${route.url}`).toBe(403)
      const session = await app.inject({ ...request, headers: user.headers })
      expect([401, 403]).not.toContain(session.statusCode)
    }
  })

  it('every protected route answers 401 missing_token without credentials', async () => {
    for (const route of app.protectedRoutes) {
      const res = await app.inject({ method: route.method as 'GET', url: urlOf(route.url) })
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401)
      expect(res.json().error).toBe('missing_token')
    }
  })
})
