import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createScenario, createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

/** A 15-minute, 10 GB x86 Lambda invocation: 9,000 GB-seconds and one request. */
const bigInvoke = JSON.stringify({
  type: 'lambda.invoke',
  duration_ms: 900_000,
  memory_mb: 10_240,
  architecture: 'x86_64',
})

describe(`GET /scenarios/:id/costs/by-api-key on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const owner = await createUser(app)
  const stranger = await createUser(app)
  const checkout = await createApiKey(app, owner, { name: 'checkout-service', scopes: ['write:ingest'] })
  const search = await createApiKey(app, owner, { name: 'search-service', scopes: ['write:ingest'] })

  const ingest = (scenarioId: string, headers: Record<string, string>, events: number) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { ...headers, 'x-scenario-id': scenarioId, 'content-type': 'application/x-ndjson' },
      payload: `${Array.from({ length: events }, () => bigInvoke).join('\n')}\n`,
    })
  const byKey = (scenarioId: string, headers = owner.headers) =>
    app.inject({ method: 'GET', url: `/api/v1/scenarios/${scenarioId}/costs/by-api-key`, headers })

  it('splits each usage type’s cost between the keys (and JWT senders) by the quantity each sent', async () => {
    const scenario = await createScenario(app, owner, { status: 'running', include_free_tier: false })
    expect((await ingest(scenario.id, checkout.headers, 2)).statusCode).toBe(200)
    expect((await ingest(scenario.id, search.headers, 1)).statusCode).toBe(200)
    expect((await ingest(scenario.id, owner.headers, 1)).statusCode).toBe(200)

    const res = await byKey(scenario.id)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    // 36,000 GB-s × $0.0000166667 = $0.6000012 → row $0.600001; 4 requests × $0.0000002 → row $0.000001.
    // checkout sent half of both: $0.3000005 + $0.0000005.
    expect(body.keys.map((k: { name: string | null }) => k.name)).toEqual([
      'checkout-service',
      'search-service',
      null,
    ])
    expect(body.keys[0]).toMatchObject({
      api_key_id: checkout.id,
      key_prefix: checkout.keyPrefix,
      revoked: false,
      observed_cost: '0.300001',
      share_pct: '50',
      by_service: [{ service: 'lambda', observed_cost: '0.300001' }],
    })
    expect(body.keys[1]).toMatchObject({ api_key_id: search.id, observed_cost: '0.150001', share_pct: '25' })
    expect(body.keys[2]).toMatchObject({ api_key_id: null, observed_cost: '0.150001', share_pct: '25' })
    expect(body.unattributed).toEqual({ observed_cost: '0', projected_monthly_cost: '0' })

    const costs = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/scenarios/${scenario.id}/costs`,
        headers: owner.headers,
      })
    ).json()
    const projectedSum = body.keys.reduce(
      (sum: number, k: { projected_monthly_cost: string }) => sum + Number(k.projected_monthly_cost),
      0,
    )
    expect(projectedSum).toBeCloseTo(Number(costs.projected_monthly.total), 5)
  })

  it('shows revoked keys and reports usage no key accounts for as unattributed', async () => {
    const scenario = await createScenario(app, owner, { status: 'running', include_free_tier: false })
    const temporary = await createApiKey(app, owner, { name: 'temporary', scopes: ['write:ingest'] })
    expect((await ingest(scenario.id, temporary.headers, 1)).statusCode).toBe(200)
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${temporary.id}`,
      headers: owner.headers,
    })
    expect(revoke.statusCode).toBe(204)
    // Usage stored before per-key totals existed: in the scenario's totals, in no key's.
    await app.database.db.execute(
      sql`update usage_totals set quantity = quantity * 2 where scenario_id = ${scenario.id}`,
    )

    const body = (await byKey(scenario.id)).json()
    expect(body.keys).toHaveLength(1)
    expect(body.keys[0]).toMatchObject({ name: 'temporary', revoked: true, share_pct: '50' })
    expect(Number(body.unattributed.observed_cost)).toBeCloseTo(Number(body.keys[0].observed_cost), 6)
  })

  it('answers an empty split before any ingest, and 404 for another user’s scenario', async () => {
    const scenario = await createScenario(app, owner)
    const empty = await byKey(scenario.id)
    expect(empty.statusCode).toBe(200)
    expect(empty.json()).toMatchObject({ keys: [], window_start: null, unattributed: { observed_cost: '0' } })

    const foreign = await byKey(scenario.id, stranger.headers)
    expect(foreign.statusCode).toBe(404)
    expect(foreign.json().error).toBe('not_found')
  })
})
