import { describe, expect, it } from 'vitest'
import { bundledCatalog as catalog } from './catalog.js'
import { lineItemsToUsage, lineItemToUsage, validateLineItem } from './line-items.js'

function usageOf(service: string, params: unknown) {
  const result = lineItemsToUsage([{ service, params }], catalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return Object.fromEntries([...result.usage].map(([key, value]) => [key, value.toFixed()]))
}

describe('validateLineItem', () => {
  it('applies defaults', () => {
    const result = validateLineItem('ec2', { instance_type: 'm7g.large', count: 3 }, catalog)
    expect(result).toEqual({ ok: true, params: { instance_type: 'm7g.large', count: 3, hours: 730 } })
  })

  it('names each invalid field with a reason', () => {
    const result = validateLineItem(
      'lambda',
      { invocations: -1, avg_duration_ms: 100, memory_mb: 64 },
      catalog,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.details.map((d) => d.field)).toEqual(['params.invocations', 'params.memory_mb'])
    expect(result.details[0]?.reason).toMatch(/greater or equal to 0/)
  })

  it('rejects unknown params and values above the maxima', () => {
    const result = validateLineItem(
      'ec2',
      { instance_type: 't3.micro', count: 1, hours: 800, colour: 'red' },
      catalog,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.details.map((d) => d.field).sort()).toEqual(['params.colour', 'params.hours'])
  })

  it('reports a missing required param', () => {
    const result = validateLineItem('data_transfer', {}, catalog)
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.gb_out' }] })
  })

  it('checks catalog values: Bedrock model, EC2 instance type, RDS instance class', () => {
    expect(
      validateLineItem('bedrock', { model: 'openai.gpt-9', input_tokens: 1, output_tokens: 1 }, catalog),
    ).toEqual({
      ok: false,
      details: [{ field: 'params.model', reason: "unknown Bedrock model 'openai.gpt-9'" }],
    })
    expect(validateLineItem('ec2', { instance_type: 'x9.huge', count: 1 }, catalog)).toMatchObject({
      ok: false,
      details: [{ field: 'params.instance_type' }],
    })
    const rds = { instance_class: 'db.z9.large', count: 1, storage_gb: 20 }
    expect(validateLineItem('rds', rds, catalog)).toMatchObject({
      ok: false,
      details: [{ field: 'params.instance_class' }],
    })
  })

  it('refuses connection minutes on a REST API', () => {
    const result = validateLineItem(
      'apigateway',
      { api_type: 'rest', requests: 1, connection_minutes: 5 },
      catalog,
    )
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.connection_minutes' }] })
  })

  it('refuses an unknown service and a non-object params', () => {
    expect(validateLineItem('glacier', {}, catalog)).toMatchObject({
      ok: false,
      details: [{ field: 'service' }],
    })
    expect(validateLineItem('sqs', [], catalog)).toMatchObject({ ok: false, details: [{ field: 'params' }] })
  })
})

describe('lineItemToUsage', () => {
  it('converts Lambda to requests, GB-seconds per architecture and ephemeral storage above 512 MB', () => {
    const params = { invocations: 10_000_000, avg_duration_ms: 200, memory_mb: 1024, architecture: 'arm64' }
    expect(usageOf('lambda', { ...params, ephemeral_storage_mb: 1024 })).toEqual({
      'lambda.requests': '10000000',
      'lambda.gb_seconds.arm64': '2000000',
      'lambda.ephemeral_gb_seconds': '1000000',
    })
  })

  it('converts EC2 to count × hours instance-hours', () => {
    expect(usageOf('ec2', { instance_type: 'm7g.large', count: 3, hours: 730 })).toEqual({
      'ec2.instance_hours.m7g.large': '2190',
    })
  })

  it('converts RDS instance-hours and storage GB-months', () => {
    const params = { instance_class: 'db.t3.micro', count: 2, storage_gb: 20, storage_type: 'gp2' }
    expect(usageOf('rds', params)).toEqual({
      'rds.instance_hours.db.t3.micro': '1460',
      'rds.storage_gb_month.gp2': '40',
    })
  })

  it('converts Bedrock tokens per model and WebSocket messages and minutes', () => {
    const bedrock = {
      model: 'anthropic.claude-3-haiku',
      input_tokens: 1_600_000_000,
      output_tokens: 400_000_000,
    }
    expect(usageOf('bedrock', bedrock)).toEqual({
      'bedrock.input_tokens.anthropic.claude-3-haiku': '1600000000',
      'bedrock.output_tokens.anthropic.claude-3-haiku': '400000000',
    })
    expect(usageOf('apigateway', { api_type: 'websocket', requests: 5, connection_minutes: 7 })).toEqual({
      'apigw.messages.websocket': '5',
      'apigw.connection_minutes.websocket': '7',
    })
  })

  it('converts every other service to its documented usage types', () => {
    expect(usageOf('sqs', { requests: 5, queue_type: 'fifo' })).toEqual({ 'sqs.requests.fifo': '5' })
    expect(
      usageOf('sns', { publishes: 2, http_deliveries: 3, email_deliveries: 4, sqs_deliveries: 5 }),
    ).toEqual({
      'sns.publishes': '2',
      'sns.deliveries.http': '3',
      'sns.deliveries.email': '4',
      'sns.deliveries.sqs': '5',
    })
    expect(usageOf('s3', { storage_gb: 500, put_requests: 1, get_requests: 2 })).toEqual({
      's3.storage_gb_month': '500',
      's3.requests.put': '1',
      's3.requests.get': '2',
    })
    expect(usageOf('dynamodb', { write_request_units: 1, read_request_units: 2, storage_gb: 3 })).toEqual({
      'dynamodb.write_request_units': '1',
      'dynamodb.read_request_units': '2',
      'dynamodb.storage_gb_month': '3',
    })
    expect(usageOf('cloudwatch_logs', { ingested_gb: 1, stored_gb: 2 })).toEqual({
      'cloudwatch_logs.ingested_gb': '1',
      'cloudwatch_logs.stored_gb_month': '2',
    })
    expect(
      usageOf('fargate', { tasks: 2, vcpu: 0.5, memory_gb: 1, hours: 10, ephemeral_storage_gb: 21 }),
    ).toEqual({
      'fargate.vcpu_hours.x86_64': '10',
      'fargate.gb_hours.x86_64': '20',
      'fargate.ephemeral_gb_hours': '20',
    })
    expect(usageOf('data_transfer', { gb_out: 12.5 })).toEqual({ 'data_transfer.out_gb': '12.5' })
  })

  it('sums items of a scenario and reports the first invalid item by index', () => {
    const items = [
      { service: 'sqs', params: { requests: 5 } },
      { service: 'sqs', params: { requests: 7 } },
    ]
    const ok = lineItemsToUsage(items, catalog)
    expect(ok.ok && ok.usage.get('sqs.requests.standard')?.toFixed()).toBe('12')
    const bad = lineItemsToUsage([...items, { service: 'sqs', params: { requests: 'many' } }], catalog)
    expect(bad).toMatchObject({ ok: false, index: 2, details: [{ field: 'params.requests' }] })
  })

  it('omits usage types with a zero quantity', () => {
    expect(lineItemToUsage('s3', { storage_gb: 0, put_requests: 0, get_requests: 9 }).size).toBe(1)
  })
})
