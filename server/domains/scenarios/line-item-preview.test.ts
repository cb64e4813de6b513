import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createScenario, createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

/** 10 M invocations of 200 ms at 1024 MB on arm64: 10 M requests and 2 M GB-seconds a month. */
const LAMBDA = {
  service: 'lambda',
  params: { invocations: 10_000_000, avg_duration_ms: 200, memory_mb: 1024, architecture: 'arm64' },
}

describe(`line item preview on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)

  const preview = (scenarioId: string, payload: unknown, as: { headers: object } = user, query = '') =>
    app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenarioId}/items/preview${query}`,
      headers: as.headers as Record<string, string>,
      payload: payload as object,
    })
  const addItem = (scenarioId: string, payload: unknown, as: TestUser = user) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenarioId}/items`,
      headers: as.headers,
      payload: payload as object,
    })
  const storedState = async (scenarioId: string) =>
    queryRows<{ items: number; updated_at: string }>(
      app.database.db,
      sql`select (select count(*)::int from scenario_line_items where scenario_id = ${scenarioId}) as items,
                 updated_at::text from scenarios where id = ${scenarioId}`,
    )
  const newScenario = async (owner: TestUser = user, body: { region?: string } = {}) =>
    (await createScenario(app, owner, body)).id

  it('prices the item by usage type as its save would, and stores nothing', async () => {
    const id = await newScenario()
    const before = await storedState(id)
    const res = await preview(id, { ...LAMBDA, label: 'checkout' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    // Free tier (us-east-1): 1 M requests and 400,000 GB-seconds a month.
    // Requests: 9 M billable × $0.20 / M = $1.80. Arm GB-seconds: 1.6 M billable × $0.0000133334 = $21.33344.
    expect(body).toMatchObject({
      currency: 'USD',
      region: 'us-east-1',
      free_tier_applied: true,
      service: 'lambda',
      params: { ...LAMBDA.params, ephemeral_storage_mb: 512 },
      monthly_usage: [
        { usage_type: 'lambda.requests', quantity: '10000000', unit: 'requests' },
        { usage_type: 'lambda.gb_seconds.arm64', quantity: '2000000', unit: 'GB-seconds' },
      ],
      monthly_cost: {
        total: '23.13344',
        by_service: [
          {
            service: 'lambda',
            cost: '23.13344',
            by_usage_type: [
              {
                usage_type: 'lambda.gb_seconds.arm64',
                quantity: '2000000',
                free_quantity: '400000',
                billable_quantity: '1600000',
                cost: '21.33344',
              },
              {
                usage_type: 'lambda.requests',
                quantity: '10000000',
                free_quantity: '1000000',
                billable_quantity: '9000000',
                cost: '1.8',
              },
            ],
          },
        ],
        unpriced: [],
      },
      monthly_range: { min: '23.13344', max: '23.13344' },
      modelled_monthly_total: { before: '0', after: '23.13344', delta: '23.13344' },
    })
    expect(await storedState(id)).toEqual(before)
    expect(before[0]?.items).toBe(0)
  })

  it('answers the modelled total that GET /costs reports once the item is saved', async () => {
    const id = await newScenario()
    expect((await addItem(id, LAMBDA)).statusCode).toBe(201)
    const res = await preview(id, LAMBDA)
    // Both items share one free tier: 19 M requests × $0.20 / M = $3.80 and 3.6 M GB-s × $0.0000133334 =
    // $48.00024, so the scenario goes from $23.13344 to $51.80024 while the item alone still costs $23.13344.
    expect(res.json().monthly_cost.total).toBe('23.13344')
    expect(res.json().modelled_monthly_total).toEqual({
      before: '23.13344',
      after: '51.80024',
      delta: '28.6668',
    })
    expect((await storedState(id))[0]?.items).toBe(1)
    expect((await addItem(id, LAMBDA)).statusCode).toBe(201)
    const costs = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${id}/costs`,
      headers: user.headers,
    })
    expect(costs.json().modelled_monthly.total).toBe('51.80024')
  })

  it('prices an edited item in place of the stored one with item_id, and 404s an unknown item', async () => {
    const id = await newScenario()
    const item = (await addItem(id, LAMBDA)).json()
    const doubled = { ...LAMBDA, params: { ...LAMBDA.params, invocations: 20_000_000 } }
    const res = await preview(id, doubled, user, `?item_id=${item.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().modelled_monthly_total).toEqual({
      before: '23.13344',
      after: '51.80024',
      delta: '28.6668',
    })
    const unknown = await preview(id, doubled, user, `?item_id=${randomUUID()}`)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error).toBe('not_found')
    const malformed = await preview(id, doubled, user, '?item_id=nope')
    expect(malformed.statusCode).toBe(422)
  })

  it("prices with the owner's rate card, as the costs answer does", async () => {
    const owner = await createUser(app)
    const card = await app.inject({
      method: 'PUT',
      url: '/api/v1/rate-card',
      headers: owner.headers,
      payload: { rules: [{ kind: 'discount', percent: '50', service: 'lambda' }] },
    })
    expect(card.statusCode).toBe(200)
    const id = await newScenario(owner)
    const res = await preview(id, LAMBDA, owner)
    // Half price: 9 M requests × $0.10 / M = $0.90 and 1.6 M GB-s × $0.0000066667 = $10.66672.
    expect(res.json()).toMatchObject({
      rate_card_applied: true,
      monthly_cost: { total: '11.56672' },
      modelled_monthly_total: { after: '11.56672' },
    })
    expect((await addItem(id, LAMBDA, owner)).statusCode).toBe(201)
    const costs = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${id}/costs`,
      headers: owner.headers,
    })
    expect(costs.json().modelled_monthly.total).toBe('11.56672')
  })

  it('names the prices the item bills that its region lacks, and only those', async () => {
    // São Paulo has no S3 Express One Zone (a sourced not_offered claim) and prices every other class.
    const saoPaulo = await newScenario(user, { region: 'sa-east-1' })
    const bucket = (storage_class: string, storage_gb: number) => ({
      service: 's3',
      params: { storage_class, storage_gb, put_requests: 0, get_requests: 1000 },
    })
    const standard = await preview(saoPaulo, bucket('standard', 10))
    expect(standard.statusCode).toBe(200)
    expect(standard.json().price_gaps).toEqual({ not_offered: [], missing: [] })
    const express = (await preview(saoPaulo, bucket('express_one_zone', 10))).json()
    expect(express.price_gaps).toEqual({
      not_offered: ['s3.requests.get.express_one_zone', 's3.storage_gb_month.express_one_zone'],
      missing: [],
    })
    // Nothing stored: no price is needed yet.
    const empty = {
      service: 's3',
      params: { storage_class: 'express_one_zone', storage_gb: 0, put_requests: 0, get_requests: 0 },
    }
    expect((await preview(saoPaulo, empty)).json().price_gaps).toEqual({ not_offered: [], missing: [] })

    // Params left out bill nothing: a function without durable operations needs no durable-functions price
    // (none in London: the rate map of 2025-12-17 lists them in seven Regions), an m5 no CPU-credit price.
    const london = await newScenario(user, { region: 'eu-west-2' })
    expect((await preview(london, LAMBDA)).json().price_gaps).toEqual({ not_offered: [], missing: [] })
    const withDurable = { ...LAMBDA, params: { ...LAMBDA.params, durable_operations: 1_000_000 } }
    expect((await preview(london, withDurable)).json().price_gaps).toEqual({
      not_offered: [],
      missing: ['lambda.durable_operations'],
    })
    const server = { service: 'ec2', params: { instance_type: 'm5.large', count: 2 } }
    expect((await preview(await newScenario(), server)).json().price_gaps).toEqual({
      not_offered: [],
      missing: [],
    })

    // Taipei has no HTTP API price (REST's is priced there): an HTTP API needs that rate only. SES is not sold in
    // Taipei at all (a sourced not_offered claim: the AWS SDK's endpoint list has no email endpoint there).
    const owner = await createUser(app)
    const taipei = await newScenario(owner, { region: 'ap-east-2' })
    const mail = { service: 'ses', params: { emails_sent: 1_000_000 } }
    expect((await preview(taipei, mail, owner)).json().price_gaps).toEqual({
      not_offered: ['ses.emails_sent'],
      missing: [],
    })
    const api = { service: 'apigateway', params: { api_type: 'http', requests: 1_000_000 } }
    expect((await preview(taipei, api, owner)).json().price_gaps).toEqual({
      not_offered: [],
      missing: ['apigw.requests.http'],
    })
    // The owner's rate card prices it there: then nothing is missing, as its costs answer would say.
    const card = await app.inject({
      method: 'PUT',
      url: '/api/v1/rate-card',
      headers: owner.headers,
      payload: {
        rules: [
          {
            kind: 'override',
            usage_type: 'apigw.requests.http',
            region: 'ap-east-2',
            price_per_unit: '0.000001',
          },
        ],
      },
    })
    expect(card.statusCode).toBe(200)
    expect((await preview(taipei, api, owner)).json().price_gaps).toEqual({ not_offered: [], missing: [] })
  })

  it('lists usage without a price in the region as unpriced, never as $0', async () => {
    const id = await newScenario(user, { region: 'eu-west-1' })
    const res = await preview(id, {
      service: 'bedrock',
      params: { model: 'anthropic.claude-3-haiku', input_tokens: 1_000_000, output_tokens: 1_000 },
    })
    expect(res.statusCode).toBe(200)
    const cost = res.json().monthly_cost
    expect(cost.total).toBe('0')
    expect(cost.by_service).toEqual([])
    expect(cost.unpriced.map((u: { usage_type: string }) => u.usage_type).sort()).toEqual([
      'bedrock.input_tokens.anthropic.claude-3-haiku',
      'bedrock.output_tokens.anthropic.claude-3-haiku',
    ])
    expect(cost.unpriced[0].reason.length).toBeGreaterThan(0)
  })

  it('prices {min, typical, max} params at typical, with the min and max totals', async () => {
    const id = await newScenario()
    const res = await preview(id, {
      service: 'ec2',
      params: { instance_type: 't3.micro', count: { min: 1, typical: 2, max: 4 } },
    })
    expect(res.statusCode).toBe(200)
    // t3.micro at $0.0104 an hour, 730 hours: 2 × 730 × 0.0104 = $15.184; 1 → $7.592; 4 → $30.368.
    expect(res.json().monthly_cost.total).toBe('15.184')
    expect(res.json().monthly_range).toEqual({ min: '7.592', max: '30.368' })
  })

  it.each([
    ['params out of range', { service: 'lambda', params: { ...LAMBDA.params, memory_mb: 64 } }],
    ['an unknown model', { service: 'bedrock', params: { model: 'x', input_tokens: 1, output_tokens: 1 } }],
    [
      'an inverted range',
      { service: 'ec2', params: { instance_type: 't3.micro', count: { min: 3, typical: 2, max: 1 } } },
    ],
    ['an unknown service', { service: 'mainframe', params: {} }],
    ['no service', { params: { gb_out: 1 } }],
  ])('refuses %s with the 422 a save gives, storing nothing', async (_case, payload) => {
    const id = await newScenario()
    const before = await storedState(id)
    const res = await preview(id, payload)
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toBe('validation_error')
    expect(res.json().details.length).toBeGreaterThan(0)
    const save = await addItem(id, payload)
    expect(save.statusCode).toBe(422)
    expect(res.json()).toEqual(save.json())
    expect(await storedState(id)).toEqual(before)
  })

  it("answers 404 for another user's scenario, as for an unknown one", async () => {
    const other = await createUser(app)
    const theirs = await newScenario(other)
    const res = await preview(theirs, LAMBDA)
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual((await preview(randomUUID(), LAMBDA)).json())
    // Invalid params do not reveal the scenario either: ownership is checked first.
    const invalid = await preview(theirs, { service: 'lambda', params: {} })
    expect(invalid.statusCode).toBe(404)
  })

  it('needs read:scenarios from an API key (403 insufficient_scope without it)', async () => {
    const id = await newScenario()
    const ingestOnly = await createApiKey(app, user, { scopes: ['write:ingest', 'write:scenarios'] })
    const denied = await preview(id, LAMBDA, ingestOnly)
    expect(denied.statusCode).toBe(403)
    expect(denied.json().error).toBe('insufficient_scope')
    const reader = await createApiKey(app, user, { scopes: ['read:scenarios'] })
    const allowed = await preview(id, LAMBDA, reader)
    expect(allowed.statusCode).toBe(200)
    expect(allowed.json().monthly_cost.total).toBe('23.13344')
    const anonymous = await app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${id}/items/preview`,
      payload: LAMBDA,
    })
    expect(anonymous.statusCode).toBe(401)
  })
})
