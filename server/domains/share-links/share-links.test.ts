import { createHash, randomUUID } from 'node:crypto'
import { count, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { shareLinks } from '../../db/schema/index.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createScenario, createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

describe(`share links on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const owner = await createUser(app)

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who?: TestUser, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      ...(who ? { headers: who.headers } : {}),
      ...(payload ? { payload } : {}),
    })

  const linkCount = async (scenarioId: string) => {
    const [row] = await app.database.db
      .select({ n: count() })
      .from(shareLinks)
      .where(eq(shareLinks.scenarioId, scenarioId))
    return row?.n
  }

  async function sharedScenario(expiresDays = 7) {
    const scenario = await createScenario(app, owner, { name: 'Shared plan', region: 'us-east-1' })
    await call('POST', `/scenarios/${scenario.id}/items`, owner, {
      service: 'ec2',
      params: { instance_type: 'm7g.large', count: 1 },
    })
    const res = await call('POST', `/scenarios/${scenario.id}/share-links`, owner, {
      expires_days: expiresDays,
    })
    expect(res.statusCode).toBe(201)
    return {
      scenarioId: scenario.id,
      link: res.json() as { id: string; token: string; url: string; api_url: string; expires_at: string },
    }
  }

  it('creates a link whose token is shown once and stored only as its SHA-256', async () => {
    const before = Date.now()
    const { link } = await sharedScenario(7)
    expect(Object.keys(link).sort()).toEqual(['api_url', 'expires_at', 'id', 'prices', 'token', 'url'])
    expect(link).toMatchObject({ prices: 'list' })
    expect(link.token).toMatch(/^ms_[A-Za-z0-9_-]{43}$/)
    expect(link.url).toBe(`${app.config.publicUrl}/shared/${link.token}`)
    expect(link.api_url).toBe(`${app.config.publicUrl}/api/v1/shared/${link.token}`)
    const expires = Date.parse(link.expires_at)
    expect(expires).toBeGreaterThanOrEqual(before + 7 * 86_400_000 - 1000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000 + 1000)
    const rows = await app.database.db
      .select({ tokenHash: shareLinks.tokenHash, tokenPrefix: shareLinks.tokenPrefix })
      .from(shareLinks)
      .where(eq(shareLinks.id, link.id))
    expect(rows).toEqual([
      {
        tokenHash: createHash('sha256').update(link.token).digest('hex'),
        tokenPrefix: link.token.slice(0, 12),
      },
    ])
    expect(JSON.stringify(rows)).not.toContain(link.token)
  })

  it("shows the scenario's name, region and costs answer, without authentication, and nothing else", async () => {
    const { scenarioId, link } = await sharedScenario()
    const res = await app.inject({ method: 'GET', url: `/api/v1/shared/${link.token}` })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Object.keys(body).sort()).toEqual(['costs', 'name', 'prices', 'region'])
    expect(body.name).toBe('Shared plan')
    expect(body.region).toBe('us-east-1')
    expect(body.prices).toBe('list')
    const own = (await call('GET', `/scenarios/${scenarioId}/costs`, owner)).json()
    // The same answer as the owner's, but at list prices it does not even say whether the owner has a card,
    // and without the line items' ids and costs (the link shows the scenario, not its items).
    const { line_items: ownItems, ...ownCosts } = own
    expect(ownItems).toHaveLength(1)
    expect(body.costs).not.toHaveProperty('line_items')
    expect({ ...body.costs, assumptions: [] }).toEqual({ ...ownCosts, assumptions: [] })
    expect(body.costs.assumptions).toContain('AWS list prices: any rate card of the owner is left out')
    expect(body.costs.total_monthly.total).toBe('59.568')
    expect(JSON.stringify(body)).not.toContain(scenarioId)
    expect(JSON.stringify(body)).not.toContain(owner.id)
    // The what-if query works on a shared link too.
    const whatIf = await app.inject({ method: 'GET', url: `/api/v1/shared/${link.token}?months=2` })
    expect(whatIf.json().costs.what_if).toHaveLength(2)
    // The token in the path never reaches a log line, though other requests are logged.
    expect(app.logLines.join('\n')).toContain('request completed')
    expect(app.logLines.join('\n')).not.toContain(link.token)
  })

  it("shows list prices unless the owner chooses the rate card, and never the card's rules", async () => {
    const discounted = await createUser(app)
    const card = await call('PUT', '/rate-card', discounted, {
      rules: [{ kind: 'discount', percent: '50', service: 'ec2' }],
    })
    expect(card.statusCode).toBe(200)
    const scenario = await createScenario(app, discounted, { name: 'Negotiated', region: 'us-east-1' })
    await call('POST', `/scenarios/${scenario.id}/items`, discounted, {
      service: 'ec2',
      params: { instance_type: 'm7g.large', count: 1 },
    })
    const own = (await call('GET', `/scenarios/${scenario.id}/costs`, discounted)).json()
    expect(own.total_monthly.total).toBe('29.784')
    const shared = async (body: object) => {
      const link = (await call('POST', `/scenarios/${scenario.id}/share-links`, discounted, body)).json()
      return (await app.inject({ method: 'GET', url: `/api/v1/shared/${link.token}` })).json()
    }

    const list = await shared({ expires_days: 1 })
    expect(list).toMatchObject({ prices: 'list', costs: { rate_card_applied: false } })
    expect(list.costs.total_monthly.total).toBe('59.568')
    expect(JSON.stringify(list)).not.toMatch(/discount|50%/)

    const negotiated = await shared({ expires_days: 1, prices: 'rate_card' })
    expect(negotiated).toMatchObject({ prices: 'rate_card', costs: { rate_card_applied: true } })
    expect(negotiated.costs.total_monthly.total).toBe('29.784')

    const refused = await call('POST', `/scenarios/${scenario.id}/share-links`, discounted, {
      expires_days: 1,
      prices: 'cheapest',
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().details.map((d: { field: string }) => d.field)).toContain('prices')
  })

  it('gives the token no other power: not a bearer token, not an API key, other routes stay 401', async () => {
    const { scenarioId, link } = await sharedScenario()
    const asBearer = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenarioId}/costs`,
      headers: { authorization: `Bearer ${link.token}` },
    })
    expect(asBearer.statusCode).toBe(401)
    const asKey = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenarioId}`,
      headers: { 'x-api-key': link.token },
    })
    expect(asKey.statusCode).toBe(401)
    expect(asKey.json().error).toBe('invalid_api_key')
    for (const url of [
      '/api/v1/scenarios',
      `/api/v1/scenarios/${scenarioId}`,
      `/api/v1/scenarios/${scenarioId}/costs`,
      `/api/v1/scenarios/${scenarioId}/items`,
      `/api/v1/scenarios/${scenarioId}/share-links`,
    ]) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(401)
    }
    // The shared route itself answers no deeper path.
    const deeper = await app.inject({ method: 'GET', url: `/api/v1/shared/${link.token}/items` })
    expect(deeper.statusCode).toBe(404)
  })

  it('lists links without their tokens, and revokes one at once', async () => {
    const { scenarioId, link } = await sharedScenario()
    const second = (
      await call('POST', `/scenarios/${scenarioId}/share-links`, owner, { expires_days: 90 })
    ).json()
    const listed = await call('GET', `/scenarios/${scenarioId}/share-links`, owner)
    expect(listed.statusCode).toBe(200)
    expect(listed.json().items.map((l: { id: string }) => l.id)).toEqual([second.id, link.id])
    expect(listed.json().items[1]).toEqual({
      id: link.id,
      token_prefix: link.token.slice(0, 12),
      created_at: expect.any(String),
      expires_at: link.expires_at,
      revoked_at: null,
      is_active: true,
      prices: 'list',
    })
    expect(listed.body).not.toContain(link.token)

    const revoked = await call('DELETE', `/scenarios/${scenarioId}/share-links/${link.id}`, owner)
    expect(revoked.statusCode).toBe(204)
    const gone = await app.inject({ method: 'GET', url: `/api/v1/shared/${link.token}` })
    expect(gone.statusCode).toBe(404)
    expect(gone.json()).toEqual({ error: 'not_found', message: 'Share link not found.' })
    // Revoking twice is harmless; the other link still works.
    expect((await call('DELETE', `/scenarios/${scenarioId}/share-links/${link.id}`, owner)).statusCode).toBe(
      204,
    )
    expect((await app.inject({ method: 'GET', url: `/api/v1/shared/${second.token}` })).statusCode).toBe(200)
    const after = (await call('GET', `/scenarios/${scenarioId}/share-links`, owner)).json().items[1]
    expect(after).toMatchObject({ id: link.id, is_active: false, revoked_at: expect.any(String) })
    expect(
      (await call('DELETE', `/scenarios/${scenarioId}/share-links/${randomUUID()}`, owner)).statusCode,
    ).toBe(404)
  })

  it('answers 404 once the link has expired, or its scenario is deleted', async () => {
    const { scenarioId, link } = await sharedScenario()
    await app.database.db.execute(
      sql`update share_links set expires_at = now() - interval '1 second' where id = ${link.id}`,
    )
    expect((await app.inject({ method: 'GET', url: `/api/v1/shared/${link.token}` })).statusCode).toBe(404)
    const listed = (await call('GET', `/scenarios/${scenarioId}/share-links`, owner)).json()
    expect(listed.items[0]).toMatchObject({ id: link.id, is_active: false, revoked_at: null })

    const other = await sharedScenario()
    expect((await call('DELETE', `/scenarios/${other.scenarioId}`, owner)).statusCode).toBe(204)
    expect((await app.inject({ method: 'GET', url: `/api/v1/shared/${other.link.token}` })).statusCode).toBe(
      404,
    )
  })

  it.each(['ms_', 'mk_notatoken', `ms_${'A'.repeat(43)}`, 'x'.repeat(150)])(
    'answers 404 not_found for the token %s',
    async (token) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/shared/${token}` })
      expect(res.statusCode).toBe(404)
      expect(res.json().error).toBe('not_found')
    },
  )

  it("answers 404 for another user's scenario and links", async () => {
    const { scenarioId, link } = await sharedScenario()
    const intruder = await createUser(app)
    expect(
      (await call('POST', `/scenarios/${scenarioId}/share-links`, intruder, { expires_days: 1 })).statusCode,
    ).toBe(404)
    expect((await call('GET', `/scenarios/${scenarioId}/share-links`, intruder)).statusCode).toBe(404)
    expect(
      (await call('DELETE', `/scenarios/${scenarioId}/share-links/${link.id}`, intruder)).statusCode,
    ).toBe(404)
    // Nor through a scenario of their own.
    const theirs = await createScenario(app, intruder)
    expect(
      (await call('DELETE', `/scenarios/${theirs.id}/share-links/${link.id}`, intruder)).statusCode,
    ).toBe(404)
    expect((await app.inject({ method: 'GET', url: `/api/v1/shared/${link.token}` })).statusCode).toBe(200)
    expect(await linkCount(scenarioId)).toBe(1)
  })

  it('refuses a 21st active link with 409 until one is revoked', async () => {
    const scenario = await createScenario(app, owner)
    const create = () => call('POST', `/scenarios/${scenario.id}/share-links`, owner, { expires_days: 1 })
    const ids: string[] = []
    for (let i = 0; i < 20; i += 1) ids.push((await create()).json().id)
    const refused = await create()
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toBe('conflict')
    await call('DELETE', `/scenarios/${scenario.id}/share-links/${ids[0]}`, owner)
    expect((await create()).statusCode).toBe(201)
  })

  it('needs write:scenarios to create or revoke and read:scenarios to list', async () => {
    const { scenarioId, link } = await sharedScenario()
    const reader = await createApiKey(app, owner, { scopes: ['read:scenarios'] })
    const post = await app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenarioId}/share-links`,
      headers: reader.headers,
      payload: { expires_days: 1 },
    })
    expect(post.statusCode).toBe(403)
    expect(post.json().error).toBe('insufficient_scope')
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/v1/scenarios/${scenarioId}/share-links/${link.id}`,
      headers: reader.headers,
    })
    expect(del.statusCode).toBe(403)
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenarioId}/share-links`,
      headers: reader.headers,
    })
    expect(list.statusCode).toBe(200)
  })

  it.each([[{ expires_days: 0 }], [{ expires_days: 91 }], [{ expires_days: 1.5 }], [{}]])(
    'answers 422 for %j and stores nothing',
    async (payload) => {
      const scenario = await createScenario(app, owner)
      const res = await call('POST', `/scenarios/${scenario.id}/share-links`, owner, payload)
      expect(res.statusCode).toBe(422)
      expect(res.json().error).toBe('validation_error')
      expect(await linkCount(scenario.id)).toBe(0)
    },
  )
})

describe(`share links rate limit on ${testEngine}`, async () => {
  const app = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } })

  it('counts the public route in the general class per IP', async () => {
    const codes: number[] = []
    for (let i = 0; i < 4; i += 1) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/shared/ms_${'B'.repeat(43)}`,
        remoteAddress: '203.0.113.9',
      })
      codes.push(res.statusCode)
    }
    expect(codes).toEqual([404, 404, 404, 429])
    const elsewhere = await app.inject({
      method: 'GET',
      url: `/api/v1/shared/ms_${'B'.repeat(43)}`,
      remoteAddress: '203.0.113.10',
    })
    expect(elsewhere.statusCode).toBe(404)
  })
})
