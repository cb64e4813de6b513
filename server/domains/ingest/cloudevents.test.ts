import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createScenario, createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { cloudEventsFormatOf, cloudEventsToItems, ingestTypeOf } from './cloudevents.js'

const ce = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id: `id-${Math.random()}`,
  source: '/orders-service',
  type,
  data,
  ...extra,
})

describe('cloudEventsToItems', () => {
  it('maps type, data and time to an ingest item', () => {
    const result = cloudEventsToItems(
      ce(
        'mockupaws.sqs.send',
        { bytes: 10, fifo: true, timestamp: 'ignored' },
        { time: '2025-01-01T00:00:00Z' },
      ),
      'structured',
    )
    expect(result).toEqual({
      ok: true,
      items: [{ type: 'sqs.send', bytes: 10, fifo: true, timestamp: '2025-01-01T00:00:00Z' }],
    })
  })

  it('accepts the bare event type and a string as a log message', () => {
    expect(cloudEventsToItems([ce('log', 'hello')], 'batch')).toEqual({
      ok: true,
      items: [{ type: 'log', message: 'hello' }],
    })
  })

  it('reports every malformed attribute with the index of the event', () => {
    const result = cloudEventsToItems(
      [ce('mockupaws.log', 'ok'), { specversion: '0.3', type: 'com.example.unknown', data_base64: 'AA==' }],
      'batch',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => `${p.index}:${p.field}`)).toEqual([
      '1:specversion',
      '1:id',
      '1:source',
      '1:type',
      '1:data_base64',
    ])
  })

  it('refuses a batch that is not a non-empty array', () => {
    expect(cloudEventsToItems({}, 'batch').ok).toBe(false)
    expect(cloudEventsToItems([], 'batch').ok).toBe(false)
  })

  it('knows its content types and event types', () => {
    expect(cloudEventsFormatOf('application/cloudevents+json; charset=utf-8')).toBe('cloudevents')
    expect(cloudEventsFormatOf('application/cloudevents-batch+json')).toBe('cloudevents-batch')
    expect(cloudEventsFormatOf('application/json')).toBeUndefined()
    expect(ingestTypeOf('mockupaws.dynamodb.read')).toBe('dynamodb.read')
    expect(ingestTypeOf('mockupaws.ec2.start')).toBeUndefined()
  })
})

describe(`POST /ingest with CloudEvents on ${testEngine}`, async () => {
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
  const send = (
    scenarioId: string,
    contentType: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { ...key.headers, 'x-scenario-id': scenarioId, 'content-type': contentType, ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    })

  it('accepts one structured CloudEvent and meters it', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const time = new Date(Date.now() - 60_000).toISOString()
    const res = await send(
      scenario.id,
      'application/cloudevents+json; charset=utf-8',
      ce('mockupaws.lambda.invoke', { duration_ms: 100.2, memory_mb: 1024, architecture: 'arm64' }, { time }),
    )
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ accepted: 1, scenario_id: scenario.id })
    expect(await totals(scenario.id)).toEqual({
      'lambda.requests': '1',
      'lambda.gb_seconds.arm64': String(101 * 1024),
    })
  })

  it('accepts a batch of CloudEvents of several types', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const res = await send(scenario.id, 'application/cloudevents-batch+json', [
      ce('mockupaws.sqs.send', { bytes: 200 * 1024 }),
      ce('mockupaws.log', 'card 4111 1111 1111 1111 charged'),
      ce('mockupaws.s3.put', { bytes: 1000 }),
    ])
    expect(res.statusCode).toBe(200)
    expect(res.json().accepted).toBe(3)
    expect(await totals(scenario.id)).toMatchObject({
      'sqs.requests.standard': '4',
      'cloudwatch_logs.ingested_gb': String(32 + 26),
      's3.requests.put': '1',
    })
  })

  it('refuses the whole batch when one CloudEvent is malformed, storing nothing', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const res = await send(scenario.id, 'application/cloudevents-batch+json', [
      ce('mockupaws.sqs.send', { bytes: 10 }),
      ce('com.example.order.created', {}),
    ])
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      error: 'validation_error',
      details: [{ field: 'events[1].type', reason: expect.stringContaining('mockupaws.') }],
    })
    expect(await totals(scenario.id)).toEqual({})
  })

  it('refuses the whole batch when the data of one event is not valid', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const res = await send(scenario.id, 'application/cloudevents-batch+json', [
      ce('mockupaws.sqs.send', { bytes: 10 }),
      ce('mockupaws.lambda.invoke', { duration_ms: 5 }),
    ])
    expect(res.statusCode).toBe(422)
    expect(res.json().details).toEqual([{ field: 'events[1].memory_mb', reason: 'is required' }])
    expect(await totals(scenario.id)).toEqual({})
  })

  it('answers 400 for a CloudEvents body that is not JSON, and replays an Idempotency-Key', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const bad = await send(scenario.id, 'application/cloudevents+json', '{"specversion":')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toBe('bad_request')
    const body = ce('mockupaws.sns.publish', { bytes: 10, deliveries: 2 })
    const first = await send(scenario.id, 'application/cloudevents+json', body, { 'idempotency-key': 'ce-1' })
    const again = await send(scenario.id, 'application/cloudevents+json', body, { 'idempotency-key': 'ce-1' })
    expect(again.json()).toEqual(first.json())
    expect(await totals(scenario.id)).toEqual({ 'sns.deliveries.http': '2', 'sns.publishes': '1' })
  })
})
