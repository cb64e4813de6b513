import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createScenario, createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { listHourlyUsage } from './usage.repo.js'

describe(`POST /ingest on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const key = await createApiKey(app, user, { scopes: ['write:ingest'] })

  const totals = async (scenarioId: string) => {
    const rows = await queryRows<{ usage_type: string; quantity: string }>(
      app.database.db,
      sql`select usage_type, quantity::text as quantity from usage_totals where scenario_id = ${scenarioId} order by usage_type`,
    )
    return Object.fromEntries(rows.map((r) => [r.usage_type, r.quantity]))
  }
  const eventsTotal = async (scenarioId: string) =>
    (
      await queryRows<{ n: string }>(
        app.database.db,
        sql`select events_total::text as n from scenarios where id = ${scenarioId}`,
      )
    )[0]?.n
  const send = (scenarioId: string, payload: string | object, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: {
        ...key.headers,
        'x-scenario-id': scenarioId,
        'content-type': typeof payload === 'string' ? 'application/x-ndjson' : 'application/json',
        ...headers,
      },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    })

  it('accepts NDJSON, meters it and answers after the commit', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const body = [
      { type: 'sqs.send', bytes: 200 * 1024 },
      { type: 'lambda.invoke', duration_ms: 100.2, memory_mb: 1024, architecture: 'arm64' },
      { type: 'log', message: 'user jane@example.com signed in' },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n')
    const res = await send(scenario.id, `${body}\n`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ accepted: 3, scenario_id: scenario.id, batch_id: expect.any(String) })
    expect(await totals(scenario.id)).toMatchObject({
      'sqs.requests.standard': '4',
      'lambda.requests': '1',
      'lambda.gb_seconds.arm64': String(101 * 1024),
    })
    expect(await eventsTotal(scenario.id)).toBe('3')
    const pii = await queryRows<{ kind: string; masked: string }>(
      app.database.db,
      sql`select kind, masked from pii_findings where scenario_id = ${scenario.id}`,
    )
    expect(pii).toEqual([{ kind: 'email', masked: expect.stringMatching(/^j\*+@e\*+\.com$/) }])
    const raw = await queryRows(app.database.db, sql`select 1 from pii_findings where masked like '%jane%'`)
    expect(raw).toHaveLength(0)
  })

  it('stores event times exactly: rollup minutes floored in UTC, first and last event to the millisecond', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const minuteAgo = Math.floor(Date.now() / 60_000) * 60_000 - 60_000
    const early = new Date(minuteAgo + 1_234).toISOString()
    const late = new Date(minuteAgo + 59_999).toISOString()
    const res = await send(scenario.id, {
      events: [
        { type: 's3.get', timestamp: late },
        { type: 's3.get', timestamp: early },
      ],
    })
    expect(res.statusCode).toBe(200)
    const [times] = await queryRows<{ first: string; last: string }>(
      app.database.db,
      sql`select to_char(first_event_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as first,
                 to_char(last_event_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as last
          from scenarios where id = ${scenario.id}`,
    )
    expect(times).toEqual({ first: early, last: late })
    const minutes = await queryRows<{ minute: string; quantity: string }>(
      app.database.db,
      sql`select to_char(minute at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as minute, quantity::text as quantity
          from usage_rollups where scenario_id = ${scenario.id}`,
    )
    expect(minutes).toEqual([{ minute: new Date(minuteAgo).toISOString(), quantity: '2' }])
  })

  it('keeps events a day late per UTC day: totals exact, the series at their day, hours spread evenly', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const today = Math.floor(Date.now() / 86_400_000) * 86_400_000
    const tenDaysAgo = today - 10 * 86_400_000
    // Six sends spread over one day ten days back, one live: the six are late, so one row per day and type.
    const late = [0, 1, 5, 9, 17, 23].map((hour) => ({
      type: 'sqs.send',
      bytes: 10,
      timestamp: new Date(tenDaysAgo + hour * 3_600_000 + 1_234).toISOString(),
    }))
    const res = await send(scenario.id, { events: [...late, { type: 'sqs.send', bytes: 10 }] })
    expect(res.statusCode).toBe(200)
    expect(await totals(scenario.id)).toEqual({ 'sqs.requests.standard': '7' })

    const days = await queryRows<{ day: string; quantity: string }>(
      app.database.db,
      sql`select to_char(day at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as day, quantity::text as quantity
          from usage_day_rollups where scenario_id = ${scenario.id}`,
    )
    expect(days).toEqual([{ day: new Date(tenDaysAgo).toISOString(), quantity: '6' }])

    const metrics = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenario.id}/metrics?bucket=day&from=${new Date(tenDaysAgo - 86_400_000).toISOString()}`,
      headers: user.headers,
    })
    expect(metrics.statusCode).toBe(200)
    expect(metrics.json().series).toEqual([
      { bucket_start: new Date(tenDaysAgo).toISOString(), by_type: { 'sqs.send': 6 } },
      { bucket_start: new Date(today).toISOString(), by_type: { 'sqs.send': 1 } },
    ])

    const hourly = await listHourlyUsage(app.database.db, scenario.id, new Date(tenDaysAgo))
    const lateHours = hourly.filter((row) => row.hourStartMs < today)
    expect(lateHours).toHaveLength(24)
    expect(lateHours.every((row) => Number(row.quantity) === 0.25)).toBe(true)
  })

  it('accepts a single JSON event and {"events": [...]} with scenario_id in the body', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    expect((await send(scenario.id, { type: 'transfer.out', bytes: 1024 })).statusCode).toBe(200)
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { ...key.headers, 'content-type': 'application/json' },
      payload: {
        scenario_id: scenario.id,
        events: [{ type: 'transfer.out', bytes: 2048 }, { type: 's3.get' }],
      },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().accepted).toBe(2)
    expect(await totals(scenario.id)).toMatchObject({
      'data_transfer.out_gb': '3072',
      's3.requests.get': '1',
    })
  })

  it('is all or nothing: a bad line in the middle names the line and stores nothing', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const lines = [
      JSON.stringify({ type: 'sqs.send', bytes: 10 }),
      JSON.stringify({ type: 'lambda.invoke', duration_ms: -5, memory_mb: 128 }),
      JSON.stringify({ type: 'sqs.send', bytes: 10 }),
    ]
    const res = await send(scenario.id, lines.join('\n'))
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      error: 'validation_error',
      details: [{ field: expect.stringMatching(/^line 2/) }],
    })
    expect(await totals(scenario.id)).toEqual({})
    expect(await eventsTotal(scenario.id)).toBe('0')
  })

  it('reports at most 20 problems', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const events = Array.from({ length: 50 }, () => ({ type: 'nope' }))
    const res = await send(scenario.id, { events })
    expect(res.statusCode).toBe(422)
    expect(res.json().details).toHaveLength(20)
  })

  it('answers 400 naming the line for malformed NDJSON', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const res = await send(scenario.id, '{"type":"s3.get"}\n{not json}\n')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'bad_request', details: [{ field: 'line 2' }] })
  })

  it('replays the first answer for a repeated Idempotency-Key and counts nothing twice', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const payload = { events: [{ type: 'sns.publish', bytes: 100 }] }
    const first = await send(scenario.id, payload, { 'idempotency-key': 'batch-0001' })
    const second = await send(scenario.id, payload, { 'idempotency-key': 'batch-0001' })
    expect(second.statusCode).toBe(200)
    expect(second.json()).toEqual(first.json())
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => send(scenario.id, payload, { 'idempotency-key': 'batch-0002' })),
    )
    expect(new Set(concurrent.map((r) => r.json().batch_id)).size).toBe(1)
    expect(await totals(scenario.id)).toEqual({ 'sns.publishes': '2' })
  })

  it('counts the tokens of Bedrock text sent without counts (the tokenizer loads on first need)', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const res = await send(scenario.id, {
      type: 'bedrock.invoke',
      model: 'amazon.nova-lite-v1:0',
      input_text: 'Hello, world!',
      output_tokens: 7,
    })
    expect(res.statusCode).toBe(200)
    // o200k_base: Hello | , | world | ! = 4 tokens.
    expect(await totals(scenario.id)).toEqual({
      'bedrock.input_tokens.amazon.nova-lite-v1:0': '4',
      'bedrock.output_tokens.amazon.nova-lite-v1:0': '7',
    })
  })

  it('records only keyed requests in the idempotency ledger, and counts both kinds', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const payload = { events: [{ type: 'sns.publish', bytes: 100 }] }
    const keyless = await send(scenario.id, payload)
    const keyed = await send(scenario.id, payload, { 'idempotency-key': 'ledger-1' })
    expect([keyless.statusCode, keyed.statusCode]).toEqual([200, 200])
    const ledger = await queryRows<{ id: string; idempotency_key: string }>(
      app.database.db,
      sql`select id::text as id, idempotency_key from ingest_batches where scenario_id = ${scenario.id}`,
    )
    expect(ledger).toEqual([{ id: keyed.json().batch_id, idempotency_key: 'ledger-1' }])
    expect(await totals(scenario.id)).toEqual({ 'sns.publishes': '2' })
    expect(await eventsTotal(scenario.id)).toBe('2')
  })

  it('answers 409 scenario_not_running unless the scenario is running', async () => {
    const draft = await createScenario(app, user)
    const res = await send(draft.id, { type: 's3.get' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toBe('scenario_not_running')
  })

  it('answers 404 once a scenario it ingested into is deleted', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    expect((await send(scenario.id, { type: 's3.get' })).statusCode).toBe(200)
    await app.inject({ method: 'DELETE', url: `/api/v1/scenarios/${scenario.id}`, headers: user.headers })
    const res = await send(scenario.id, { type: 's3.get' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toBe('not_found')
  })

  it('answers 404 for another user’s scenario and 422 without a scenario', async () => {
    const other = await createUser(app)
    const theirs = await createScenario(app, other, { status: 'running' })
    expect((await send(theirs.id, { type: 's3.get' })).statusCode).toBe(404)
    expect((await send('not-a-uuid', { type: 's3.get' })).statusCode).toBe(422)
    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { ...key.headers, 'content-type': 'application/json' },
      payload: { type: 's3.get' },
    })
    expect(missing.statusCode).toBe(422)
    expect(missing.json().details[0].field).toBe('scenario_id')
    expect(await totals(theirs.id)).toEqual({})
  })

  it('refuses text/plain and other types with 415', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
      const res = await send(scenario.id, '{"type":"s3.get"}', { 'content-type': type })
      expect(res.statusCode, type).toBe(415)
      expect(res.json().error).toBe('unsupported_media_type')
    }
  })

  it('answers 413 above 5 MB and above 10,000 events', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const big = `${JSON.stringify({ type: 'log', message: 'x'.repeat(60_000) })}\n`.repeat(90)
    const tooBig = await send(scenario.id, big)
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json().error).toBe('payload_too_large')
    const many = `${JSON.stringify({ type: 's3.get' })}\n`.repeat(10_001)
    const tooMany = await send(scenario.id, many)
    expect(tooMany.statusCode).toBe(413)
    expect(await totals(scenario.id)).toEqual({})
  })

  it('needs the write:ingest scope', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const readOnly = await createApiKey(app, user, { scopes: ['read:scenarios'] })
    const res = await send(scenario.id, { type: 's3.get' }, readOnly.headers)
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toBe('insufficient_scope')
  })

  it('sums concurrent ingest from 20 clients exactly', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const batch = Array.from({ length: 50 }, () =>
      JSON.stringify({ type: 'dynamodb.write', bytes: 1500 }),
    ).join('\n')
    const results = await Promise.all(Array.from({ length: 20 }, () => send(scenario.id, batch)))
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200))
    expect(await totals(scenario.id)).toEqual({ 'dynamodb.write_request_units': String(20 * 50 * 2) })
    expect(await eventsTotal(scenario.id)).toBe('1000')
  })

  it('GET /scenarios/:id/metrics shows totals, series, usage and masked PII', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const now = Date.now()
    const base = new Date(now - 3_600_000).toISOString().slice(0, 14)
    const events = [
      { type: 'log', message: 'card 4111 1111 1111 1111 used', timestamp: `${base}01:10Z` },
      { type: 'log', message: 'plain line', timestamp: `${base}01:20Z` },
      { type: 's3.put', bytes: 2048, timestamp: `${base}02:05Z` },
    ]
    expect((await send(scenario.id, { events })).statusCode).toBe(200)
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenario.id}/metrics?bucket=minute`,
      headers: user.headers,
    })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.totals).toEqual({ events: 3, by_type: { log: 2, 's3.put': 1 } })
    expect(body.series).toEqual([
      { bucket_start: `${base}01:00.000Z`, by_type: { log: 2 } },
      { bucket_start: `${base}02:00.000Z`, by_type: { 's3.put': 1 } },
    ])
    expect(body.usage).toContainEqual({
      usage_type: 's3.requests.put',
      quantity: '1',
      unit: expect.any(String),
    })
    expect(body.pii).toMatchObject({
      total: 1,
      by_kind: { credit_card: 1 },
      samples: [{ kind: 'credit_card' }],
    })
    expect(res.body).not.toContain('4111 1111 1111 1111')
    const hourly = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenario.id}/metrics?bucket=hour`,
      headers: user.headers,
    })
    expect(hourly.json().series).toEqual([
      { bucket_start: `${base}00:00.000Z`, by_type: { log: 2, 's3.put': 1 } },
    ])
    const other = await createUser(app)
    const hidden = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenario.id}/metrics`,
      headers: other.headers,
    })
    expect(hidden.statusCode).toBe(404)
  })
})
