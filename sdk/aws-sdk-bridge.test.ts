import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime'
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  BatchWriteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb'
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'
import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../server/test/build-test-app.js'
import { createApiKey, createScenario, createUser, type TestUser } from '../server/test/factories.js'
import {
  createMockupAwsMeter,
  type MockupAwsMeter,
  type MockupAwsOptions,
  withMockupAws,
} from './aws-sdk-bridge.js'
import { startFakeAws } from './test/fake-aws-server.js'

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0'
const STANDARD_QUEUE = 'http://127.0.0.1/000000000000/orders'

let app: TestApp
let baseUrl: string
let user: TestUser
let apiKey: string
let fake: Awaited<ReturnType<typeof startFakeAws>>

beforeAll(async () => {
  app = await buildTestApp()
  await app.listen({ port: 0, host: '127.0.0.1' })
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  user = await createUser(app)
  apiKey = (await createApiKey(app, user, { scopes: ['write:ingest'] })).key
  fake = await startFakeAws()
})

afterAll(async () => {
  await fake.close()
})

/** Client settings that send every call to the local fake instead of AWS. */
function awsConfig() {
  return {
    region: 'us-east-1',
    endpoint: fake.endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
  }
}

function clients(meter?: MockupAwsMeter) {
  const wrap = <C extends Parameters<typeof withMockupAws>[0]>(client: C) =>
    meter ? withMockupAws(client, meter) : client
  return {
    sqs: wrap(new SQSClient(awsConfig())),
    sns: wrap(new SNSClient(awsConfig())),
    lambda: wrap(new LambdaClient(awsConfig())),
    s3: wrap(
      new S3Client({
        ...awsConfig(),
        forcePathStyle: true,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    ),
    dynamo: wrap(new DynamoDBClient(awsConfig())),
    // Bedrock Runtime's default handler speaks HTTP/2.
    bedrock: wrap(new BedrockRuntimeClient({ ...awsConfig(), endpoint: fake.http2Endpoint })),
    logs: wrap(new CloudWatchLogsClient(awsConfig())),
  }
}

/** One call of every metered operation; returns the callers' results with the request id stripped. */
async function callEverything(c: ReturnType<typeof clients>) {
  const strip = <T extends { $metadata?: unknown }>(out: T) => {
    const { $metadata: _, ...rest } = out
    return rest
  }
  const results: unknown[] = []
  results.push(
    strip(await c.sqs.send(new SendMessageCommand({ QueueUrl: STANDARD_QUEUE, MessageBody: 'hello' }))),
  )
  results.push(
    strip(
      await c.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: STANDARD_QUEUE,
          Entries: [
            { Id: 'a', MessageBody: 'one' },
            { Id: 'b', MessageBody: 'two' },
          ],
        }),
      ),
    ),
  )
  results.push(strip(await c.sqs.send(new ReceiveMessageCommand({ QueueUrl: STANDARD_QUEUE }))))
  results.push(
    strip(await c.sqs.send(new DeleteMessageCommand({ QueueUrl: STANDARD_QUEUE, ReceiptHandle: 'rh-1' }))),
  )
  results.push(
    strip(
      await c.sqs.send(
        new SendMessageCommand({
          QueueUrl: 'http://127.0.0.1/000000000000/orders.fifo',
          MessageBody: 'y'.repeat(70_000),
          MessageGroupId: 'g',
          MessageDeduplicationId: 'd',
        }),
      ),
    ),
  )
  results.push(
    strip(
      await c.sns.send(
        new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:0:t', Message: 'p'.repeat(100) }),
      ),
    ),
  )
  const tail = await c.lambda.send(
    new InvokeCommand({ FunctionName: 'resize', LogType: 'Tail', Payload: '{}' }),
  )
  results.push({ ...strip(tail), Payload: new TextDecoder().decode(tail.Payload) })
  const plain = await c.lambda.send(new InvokeCommand({ FunctionName: 'thumbnail', Payload: '{}' }))
  results.push({ ...strip(plain), Payload: new TextDecoder().decode(plain.Payload) })
  results.push(
    strip(
      await c.s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'a.txt', Body: 'abc'.repeat(1000) })),
    ),
  )
  const object = await c.s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'a.txt' }))
  results.push({
    ContentLength: object.ContentLength,
    ETag: object.ETag,
    body: await object.Body?.transformToString(),
  })
  results.push(strip(await c.s3.send(new ListObjectsV2Command({ Bucket: 'bucket' }))))
  results.push(strip(await c.s3.send(new DeleteObjectCommand({ Bucket: 'bucket', Key: 'a.txt' }))))
  const item = { pk: { S: 'user#1' }, name: { S: 'Ada' } }
  results.push(strip(await c.dynamo.send(new PutItemCommand({ TableName: 't', Item: item }))))
  results.push(
    strip(
      await c.dynamo.send(
        new PutItemCommand({ TableName: 't', Item: item, ReturnConsumedCapacity: 'TOTAL' }),
      ),
    ),
  )
  results.push(
    strip(
      await c.dynamo.send(
        new GetItemCommand({ TableName: 't', Key: { pk: { S: 'user#1' } }, ConsistentRead: true }),
      ),
    ),
  )
  results.push(
    strip(
      await c.dynamo.send(
        new QueryCommand({
          TableName: 't',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: 'user#1' } },
        }),
      ),
    ),
  )
  results.push(
    strip(
      await c.dynamo.send(
        new BatchWriteItemCommand({
          RequestItems: {
            t: [{ PutRequest: { Item: item } }, { DeleteRequest: { Key: { pk: { S: 'user#2' } } } }],
          },
        }),
      ),
    ),
  )
  const invoked = await c.bedrock.send(
    new InvokeModelCommand({
      modelId: MODEL,
      contentType: 'application/json',
      body: JSON.stringify({ prompt: 'hi' }),
    }),
  )
  results.push({ ...strip(invoked), body: new TextDecoder().decode(invoked.body) })
  results.push(
    strip(
      await c.bedrock.send(
        new ConverseCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: 'Hello' }] }] }),
      ),
    ),
  )
  results.push(
    strip(
      await c.logs.send(
        new PutLogEventsCommand({
          logGroupName: '/app/api',
          logStreamName: 's',
          logEvents: [
            { timestamp: Date.now(), message: 'a'.repeat(10) },
            { timestamp: Date.now(), message: 'user jane@example.com signed in' },
          ],
        }),
      ),
    ),
  )
  return results
}

async function metricsOf(scenarioId: string) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/scenarios/${scenarioId}/metrics`,
    headers: user.headers,
  })
  expect(res.statusCode).toBe(200)
  const body = res.json() as {
    totals: { events: number; by_type: Record<string, number> }
    usage: { usage_type: string; quantity: string | number; unit: string }[]
    pii: { total: number }
  }
  const usage = Object.fromEntries(body.usage.map((u) => [u.usage_type, Number(u.quantity)]))
  return { ...body, usageByType: usage }
}

function meterFor(scenarioId: string, overrides: MockupAwsOptions = {}) {
  const warnings: string[] = []
  const meter = createMockupAwsMeter({
    url: baseUrl,
    apiKey,
    scenarioId,
    lambda: { memoryMb: 1024, architecture: (fn) => (fn === 'thumbnail' ? 'arm64' : undefined) },
    onWarning: (m) => warnings.push(m),
    ...overrides,
  })
  return { meter, warnings }
}

describe('withMockupAws with real AWS SDK v3 clients', () => {
  it('meters every supported call into exactly the expected events and leaves results unchanged', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const { meter, warnings } = meterFor(scenario.id)

    const plainClients = clients()
    const meteredClients = clients(meter)
    const unmetered = await callEverything(plainClients)
    const metered = await callEverything(meteredClients)
    for (const client of [...Object.values(plainClients), ...Object.values(meteredClients)]) client.destroy()
    expect(metered).toEqual(unmetered)

    await meter.flush()
    expect(meter.stats()).toEqual({ metered: 22, sent: 22, dropped: 0, pending: 0 })
    expect(warnings).toEqual([])

    const metrics = await metricsOf(scenario.id)
    expect(metrics.totals.by_type).toEqual({
      'sqs.send': 3,
      'sqs.receive': 1,
      'sqs.delete': 1,
      'sns.publish': 1,
      'lambda.invoke': 2,
      's3.put': 1,
      's3.get': 1,
      's3.list': 1,
      's3.delete': 1,
      'dynamodb.write': 4,
      'dynamodb.read': 2,
      'bedrock.invoke': 2,
      log: 2,
    })
    expect(metrics.totals.events).toBe(22)
    const u = metrics.usageByType
    // SendMessage, SendMessageBatch (one request for 6 bytes), ReceiveMessage, DeleteMessage.
    expect(u['sqs.requests.standard']).toBe(4)
    // 70,000 bytes are two 64 KB chunks.
    expect(u['sqs.requests.fifo']).toBe(2)
    expect(u['sns.publishes']).toBe(1)
    expect(u['lambda.requests']).toBe(2)
    // From the log tail: 12.34 ms billed as 13 ms at 512 MB.
    expect(u['lambda.gb_seconds.x86_64']).toBeCloseTo((512 / 1024) * 0.013, 9)
    // Without a tail: measured time at the configured 1024 MB on arm64.
    expect(u['lambda.gb_seconds.arm64']).toBeGreaterThan(0)
    expect(u['s3.requests.put']).toBe(2)
    expect(u['s3.requests.get']).toBe(1)
    // Two PutItems of 15 bytes (1 WRU) and 3 WRU (ConsumedCapacity), a batch of two writes.
    expect(u['dynamodb.write_request_units']).toBe(6)
    // A strongly consistent GetItem (1 RRU) and an eventually consistent Query (0.5 RRU).
    expect(u['dynamodb.read_request_units']).toBe(1.5)
    expect(u[`bedrock.input_tokens.${MODEL}`]).toBe(31)
    expect(u[`bedrock.output_tokens.${MODEL}`]).toBe(12)
    // PutLogEvents bytes: each message plus 26 bytes.
    expect(u['cloudwatch_logs.ingested_gb']).toBeCloseTo((10 + 26 + 31 + 26) / 2 ** 30, 15)
    expect(metrics.pii.total).toBe(1)
    await meter.close()
  })

  it('passes AWS errors through unchanged and meters nothing for them', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const { meter } = meterFor(scenario.id)
    const sqs = withMockupAws(new SQSClient(awsConfig()), meter)
    const error = await sqs
      .send(new SendMessageCommand({ QueueUrl: 'http://127.0.0.1/000000000000/missing', MessageBody: 'x' }))
      .catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).name).toBe('QueueDoesNotExist')
    await meter.close()
    expect(meter.stats().metered).toBe(0)
    expect((await metricsOf(scenario.id)).totals.events).toBe(0)
  })

  it('never fails the caller when mockupAWS is unreachable: it drops the batch and counts it with a warning', async () => {
    const { meter, warnings } = meterFor('00000000-0000-4000-8000-000000000000', {
      url: 'http://127.0.0.1:1',
      maxAttempts: 2,
    })
    const sqs = withMockupAws(new SQSClient(awsConfig()), meter)
    const result = await sqs.send(new SendMessageCommand({ QueueUrl: STANDARD_QUEUE, MessageBody: 'hello' }))
    expect(result.MessageId).toBe('m-1')
    await meter.flush()
    expect(meter.stats()).toEqual({ metered: 1, sent: 0, dropped: 1, pending: 0 })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/dropped 1 event\(s\) \(server unreachable/)
    await meter.close()
  })

  it('drops and counts a batch the server refuses (a scenario that is not running)', async () => {
    const scenario = await createScenario(app, user)
    const { meter, warnings } = meterFor(scenario.id)
    const sns = withMockupAws(new SNSClient(awsConfig()), meter)
    await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:0:t', Message: 'x' }))
    await meter.close()
    expect(meter.stats()).toMatchObject({ metered: 1, sent: 0, dropped: 1 })
    expect(warnings[0]).toMatch(/server answered 409/)
  })

  it('keeps memory bounded: events beyond maxBufferedEvents are dropped and counted', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const { meter } = meterFor(scenario.id, { maxBufferedEvents: 3, batchSize: 100, flushIntervalMs: 60_000 })
    const logs = withMockupAws(new CloudWatchLogsClient(awsConfig()), meter)
    const logEvents = Array.from({ length: 5 }, (_, i) => ({ timestamp: Date.now(), message: `line ${i}` }))
    await logs.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', logEvents }))
    expect(meter.stats()).toMatchObject({ metered: 5, dropped: 2, pending: 3 })
    await meter.close()
    expect(meter.stats()).toEqual({ metered: 5, sent: 3, dropped: 2, pending: 0 })
    expect((await metricsOf(scenario.id)).totals.by_type).toEqual({ log: 3 })
  })

  it('sends in the background once a batch is full, without an explicit flush', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const { meter } = meterFor(scenario.id, { batchSize: 2, flushIntervalMs: 60_000 })
    const sqs = withMockupAws(new SQSClient(awsConfig()), meter)
    await sqs.send(new SendMessageCommand({ QueueUrl: STANDARD_QUEUE, MessageBody: 'a' }))
    await sqs.send(new SendMessageCommand({ QueueUrl: STANDARD_QUEUE, MessageBody: 'b' }))
    await expect.poll(() => meter.stats().sent, { timeout: 5000 }).toBe(2)
    await meter.close()
  })

  it('is a pass-through when no API key or scenario is configured', async () => {
    const warnings: string[] = []
    const meter = createMockupAwsMeter({ url: baseUrl, onWarning: (m) => warnings.push(m), apiKey: '' })
    const sqs = withMockupAws(new SQSClient(awsConfig()), meter)
    const result = await sqs.send(new SendMessageCommand({ QueueUrl: STANDARD_QUEUE, MessageBody: 'hello' }))
    expect(result.MessageId).toBe('m-1')
    await meter.close()
    expect(meter.stats().metered).toBe(0)
  })
})

describe('flush on exit', () => {
  it('sends what is still buffered when the process ends without calling flush()', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const child = spawn(process.execPath, ['--import', 'tsx', 'sdk/test/exit-flush-script.ts'], {
      env: {
        ...process.env,
        FAKE_AWS_ENDPOINT: fake.endpoint,
        MOCKUPAWS_URL: baseUrl,
        MOCKUPAWS_API_KEY: apiKey,
        MOCKUPAWS_SCENARIO_ID: scenario.id,
      },
      stdio: 'ignore',
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(0)
    const metrics = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenario.id}/metrics`,
      headers: user.headers,
    })
    expect(metrics.json().totals).toEqual({ events: 2, by_type: { 'sqs.send': 2 } })
  }, 60_000)
})
