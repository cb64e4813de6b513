import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { callerAs, createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

describe(`scenario line items on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)

  const call = callerAs(app, user)

  async function newScenario(region = 'us-east-1'): Promise<string> {
    const res = await call('POST', '/scenarios', { name: 'Items', region })
    expect(res.statusCode).toBe(201)
    return res.json().id
  }

  const storedItems = async (scenarioId: string) =>
    queryRows<{ service: string; params: unknown }>(
      app.database.db,
      sql`select service, params from scenario_line_items where scenario_id = ${scenarioId}`,
    )

  it.each([
    [
      'lambda',
      { invocations: 1_000_000, avg_duration_ms: 120, memory_mb: 1536 },
      {
        invocations: 1_000_000,
        avg_duration_ms: 120,
        memory_mb: 1536,
        architecture: 'x86_64',
        ephemeral_storage_mb: 512,
      },
    ],
    ['sqs', { requests: 5_000_000 }, { requests: 5_000_000, queue_type: 'standard' }],
    ['sns', { publishes: 100, http_deliveries: 50 }, { publishes: 100, http_deliveries: 50 }],
    ['s3', { storage_gb: 500, put_requests: 1000, get_requests: 2000 }, undefined],
    ['dynamodb', { write_request_units: 10, read_request_units: 20, storage_gb: 1.5 }, undefined],
    ['apigateway', { api_type: 'websocket', requests: 1000, connection_minutes: 60 }, undefined],
    ['cloudwatch_logs', { ingested_gb: 30, stored_gb: 6 }, undefined],
    ['bedrock', { model: 'anthropic.claude-3-haiku', input_tokens: 800, output_tokens: 200 }, undefined],
    ['ec2', { instance_type: 'm7g.large', count: 3 }, { instance_type: 'm7g.large', count: 3, hours: 730 }],
    [
      'rds',
      { instance_class: 'db.t3.micro', count: 1, storage_gb: 20 },
      { instance_class: 'db.t3.micro', count: 1, storage_gb: 20, hours: 730, storage_type: 'gp3' },
    ],
    [
      'fargate',
      { tasks: 2, vcpu: 1, memory_gb: 2, hours: 10 },
      { tasks: 2, vcpu: 1, memory_gb: 2, hours: 10, architecture: 'x86_64', ephemeral_storage_gb: 20 },
    ],
    ['data_transfer', { gb_out: 100 }, undefined],
  ])('adds a %s item with defaults applied and a usage preview', async (service, params, stored) => {
    const id = await newScenario()
    const res = await call('POST', `/scenarios/${id}/items`, { service, params, label: ` ${service} item ` })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({ service, label: `${service} item`, params: stored ?? params })
    expect(body.monthly_usage.length).toBeGreaterThan(0)
    expect(await storedItems(id)).toEqual([{ service, params: stored ?? params }])
  })

  it('previews the monthly usage of an item in price units', async () => {
    const id = await newScenario()
    const res = await call('POST', `/scenarios/${id}/items`, {
      service: 'lambda',
      params: { invocations: 10_000_000, avg_duration_ms: 200, memory_mb: 1024, architecture: 'arm64' },
    })
    expect(res.json().monthly_usage).toEqual([
      { usage_type: 'lambda.requests', quantity: '10000000', unit: 'requests' },
      { usage_type: 'lambda.gb_seconds.arm64', quantity: '2000000', unit: 'GB-seconds' },
    ])
    expect(res.json().label).toBeNull()
  })

  it.each([
    ['lambda', { invocations: 1, avg_duration_ms: 1, memory_mb: 64 }, 'params.memory_mb'],
    [
      'lambda',
      { invocations: 1, avg_duration_ms: 1, memory_mb: 128, architecture: 'sparc' },
      'params.architecture',
    ],
    [
      'lambda',
      { invocations: 1, avg_duration_ms: 1, memory_mb: 128, ephemeral_storage_mb: 100 },
      'params.ephemeral_storage_mb',
    ],
    ['sqs', { requests: 1, queue_type: 'priority' }, 'params.queue_type'],
    ['sns', { publishes: -1 }, 'params.publishes'],
    ['s3', { storage_gb: 1, put_requests: 1 }, 'params.get_requests'],
    ['dynamodb', { write_request_units: 1, read_request_units: 1, storage_gb: 'big' }, 'params.storage_gb'],
    ['apigateway', { api_type: 'rest', requests: 1, connection_minutes: 5 }, 'params.connection_minutes'],
    ['apigateway', { api_type: 'graphql', requests: 1 }, 'params.api_type'],
    ['cloudwatch_logs', { ingested_gb: 1, stored_gb: 1, colour: 'red' }, 'params.colour'],
    ['bedrock', { model: 'openai.gpt-5', input_tokens: 1, output_tokens: 1 }, 'params.model'],
    ['ec2', { instance_type: 'z9.huge', count: 1 }, 'params.instance_type'],
    ['ec2', { instance_type: 't3.micro', count: 1, hours: 800 }, 'params.hours'],
    [
      'rds',
      { instance_class: 'db.t3.micro', count: 1, storage_gb: 20, storage_type: 'io2' },
      'params.storage_type',
    ],
    ['rds', { instance_class: 'db.x1.mega', count: 1, storage_gb: 20 }, 'params.instance_class'],
    ['fargate', { tasks: 1, vcpu: 0.1, memory_gb: 1, hours: 1 }, 'params.vcpu'],
    ['data_transfer', {}, 'params.gb_out'],
    ['mainframe', { mips: 1 }, 'service'],
  ])('refuses invalid %s params %j with 422 on %s and stores nothing', async (service, params, field) => {
    const id = await newScenario()
    const res = await call('POST', `/scenarios/${id}/items`, { service, params })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toBe('validation_error')
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field)
    expect(res.json().details.every((d: { reason: string }) => d.reason.length > 0)).toBe(true)
    expect(await storedItems(id)).toEqual([])
  })

  it('refuses params that are not an object, and a missing service', async () => {
    const id = await newScenario()
    const notObject = await call('POST', `/scenarios/${id}/items`, { service: 's3', params: [1, 2] })
    expect(notObject.statusCode).toBe(422)
    expect(notObject.json().details[0].field).toMatch(/^params/)
    const noService = await call('POST', `/scenarios/${id}/items`, { params: { gb_out: 1 } })
    expect(noService.statusCode).toBe(422)
    expect(noService.json().details[0].field).toBe('service')
    expect(await storedItems(id)).toEqual([])
  })

  it('replaces params as a whole on PATCH, re-applies defaults and clears the label', async () => {
    const id = await newScenario()
    const item = (
      await call('POST', `/scenarios/${id}/items`, {
        service: 'ec2',
        params: { instance_type: 't3.micro', count: 1, hours: 100 },
        label: 'web',
      })
    ).json()
    const res = await call('PATCH', `/scenarios/${id}/items/${item.id}`, {
      params: { instance_type: 'm5.large', count: 2 },
      label: null,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      id: item.id,
      service: 'ec2',
      label: null,
      params: { instance_type: 'm5.large', count: 2, hours: 730 },
      monthly_usage: [
        { usage_type: 'ec2.instance_hours.m5.large', quantity: '1460', unit: 'instance-hours' },
      ],
    })
    const relabel = await call('PATCH', `/scenarios/${id}/items/${item.id}`, { label: 'api' })
    expect(relabel.json()).toMatchObject({ label: 'api', params: { instance_type: 'm5.large', count: 2 } })
  })

  it('changes the service only with new params, and refuses invalid changes without storing them', async () => {
    const id = await newScenario()
    const item = (
      await call('POST', `/scenarios/${id}/items`, { service: 'data_transfer', params: { gb_out: 5 } })
    ).json()
    const noParams = await call('PATCH', `/scenarios/${id}/items/${item.id}`, { service: 's3' })
    expect(noParams.statusCode).toBe(422)
    expect(noParams.json().details).toEqual([{ field: 'params', reason: expect.any(String) }])
    const invalid = await call('PATCH', `/scenarios/${id}/items/${item.id}`, { params: { gb_out: -1 } })
    expect(invalid.statusCode).toBe(422)
    expect(invalid.json().details[0].field).toBe('params.gb_out')
    expect(await storedItems(id)).toEqual([{ service: 'data_transfer', params: { gb_out: 5 } }])
    const changed = await call('PATCH', `/scenarios/${id}/items/${item.id}`, {
      service: 'sqs',
      params: { requests: 10 },
    })
    expect(changed.statusCode).toBe(200)
    expect(await storedItems(id)).toEqual([
      { service: 'sqs', params: { requests: 10, queue_type: 'standard' } },
    ])
  })

  it('deletes an item, and answers 404 for an item of another scenario or an unknown one', async () => {
    const a = await newScenario()
    const b = await newScenario()
    const item = (
      await call('POST', `/scenarios/${a}/items`, { service: 'data_transfer', params: { gb_out: 5 } })
    ).json()
    expect((await call('PATCH', `/scenarios/${b}/items/${item.id}`, { label: 'x' })).statusCode).toBe(404)
    expect((await call('DELETE', `/scenarios/${b}/items/${item.id}`)).statusCode).toBe(404)
    const unknown = await call('DELETE', `/scenarios/${a}/items/${randomUUID()}`)
    expect(unknown.json()).toEqual({ error: 'not_found', message: 'Line item not found.' })
    expect((await call('DELETE', `/scenarios/${a}/items/${item.id}`)).statusCode).toBe(204)
    expect(await storedItems(a)).toEqual([])
  })

  it('pages the items in creation order', async () => {
    const id = await newScenario()
    for (const gb of [1, 2, 3])
      await call('POST', `/scenarios/${id}/items`, { service: 'data_transfer', params: { gb_out: gb } })
    const page = await call('GET', `/scenarios/${id}/items?page=2&page_size=2`)
    expect(page.json()).toMatchObject({ total: 3, page: 2, page_size: 2, items: [{ params: { gb_out: 3 } }] })
    expect((await call('GET', `/scenarios/${id}/items?page_size=500`)).statusCode).toBe(422)
  })

  it('holds at most 500 items per scenario (409 beyond)', async () => {
    const id = await newScenario()
    await app.database.db.execute(sql`
      insert into scenario_line_items (scenario_id, service, params)
      select ${id}, 'data_transfer', '{"gb_out": 1}'::jsonb from generate_series(1, 499)`)
    const last = await call('POST', `/scenarios/${id}/items`, {
      service: 'data_transfer',
      params: { gb_out: 2 },
    })
    expect(last.statusCode).toBe(201)
    const beyond = await call('POST', `/scenarios/${id}/items`, {
      service: 'data_transfer',
      params: { gb_out: 3 },
    })
    expect(beyond.statusCode).toBe(409)
    expect(beyond.json()).toMatchObject({ error: 'conflict', message: expect.stringContaining('500') })
    expect(await storedItems(id)).toHaveLength(500)
  })
})
