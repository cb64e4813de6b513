import { describe, expect, it } from 'vitest'
import { countChunks } from '../pricing/services/ingest-fields.js'
import { INGEST_EVENT_SPECS } from '../pricing/services/registry.js'
import { type IngestEvent, validateEvents } from './events.js'
import { meterEvent, needsTextTokens } from './metering.js'

/** Meters one event and returns its usage as a plain object, usage type → quantity. */
function meter(event: IngestEvent): Record<string, number> {
  const usage: Record<string, number> = {}
  meterEvent(event, (usageType, quantity) => {
    usage[usageType] = (usage[usageType] ?? 0) + quantity
  })
  return usage
}

const KB = 1024

describe('countChunks', () => {
  it('counts an empty payload as one chunk', () => {
    expect(countChunks(0, 64 * KB)).toBe(1)
  })

  it('rounds a partial chunk up', () => {
    expect(countChunks(64 * KB, 64 * KB)).toBe(1)
    expect(countChunks(64 * KB + 1, 64 * KB)).toBe(2)
  })
})

describe('CloudWatch Logs', () => {
  it('ingests the UTF-8 length of the message plus 26 bytes', () => {
    expect(
      meter({ type: 'log', time: undefined, message: 'hello', level: undefined, service: undefined }),
    ).toEqual({
      'cloudwatch_logs.ingested_gb': 5 + 26,
    })
  })

  it('counts multi-byte characters by their UTF-8 bytes', () => {
    // "é" is 2 bytes, "€" 3 bytes, "😀" 4 bytes: 9 bytes in 4 UTF-16 code units.
    const usage = meter({
      type: 'log',
      time: undefined,
      message: 'é€😀',
      level: undefined,
      service: undefined,
    })
    expect(usage['cloudwatch_logs.ingested_gb']).toBe(9 + 26)
  })

  it('bills an empty message as the 26-byte overhead alone', () => {
    const usage = meter({ type: 'log', time: undefined, message: '', level: undefined, service: undefined })
    expect(usage['cloudwatch_logs.ingested_gb']).toBe(26)
  })
})

describe('SQS', () => {
  it('bills a 256 KB message as 4 requests', () => {
    expect(meter({ type: 'sqs.send', time: undefined, bytes: 256 * KB, fifo: false })).toEqual({
      'sqs.requests.standard': 4,
    })
  })

  it('bills 64 KB + 1 byte as 2 requests and an empty receive as 1', () => {
    expect(meter({ type: 'sqs.receive', time: undefined, bytes: 64 * KB + 1, fifo: false })).toEqual({
      'sqs.requests.standard': 2,
    })
    expect(meter({ type: 'sqs.receive', time: undefined, bytes: 0, fifo: false })).toEqual({
      'sqs.requests.standard': 1,
    })
  })

  it('bills FIFO queues under their own usage type', () => {
    expect(meter({ type: 'sqs.delete', time: undefined, bytes: 100, fifo: true })).toEqual({
      'sqs.requests.fifo': 1,
    })
  })
})

describe('SNS', () => {
  it('bills each 64 KB chunk of a publish and each delivery per protocol', () => {
    const usage = meter({
      type: 'sns.publish',
      time: undefined,
      bytes: 200 * KB,
      deliveries: { http: 2, email: 1, sqs: 3 },
    })
    // 200 KB / 64 KB = 3.125 → 4 publishes.
    expect(usage).toEqual({
      'sns.publishes': 4,
      'sns.deliveries.http': 2,
      'sns.deliveries.email': 1,
      'sns.deliveries.sqs': 3,
    })
  })

  it('emits no delivery usage when nothing was delivered', () => {
    expect(
      meter({ type: 'sns.publish', time: undefined, bytes: 10, deliveries: { http: 0, email: 0, sqs: 0 } }),
    ).toEqual({ 'sns.publishes': 1 })
  })
})

describe('Lambda', () => {
  it('bills one request and memory × duration rounded up to 1 ms, in MB·ms', () => {
    const usage = meter({
      type: 'lambda.invoke',
      time: undefined,
      durationMs: 87.2,
      memoryMb: 1024,
      architecture: 'arm64',
    })
    // ceil(87.2) = 88 ms × 1024 MB = 90,112 MB·ms (= 0.088 GB-s).
    expect(usage).toEqual({ 'lambda.requests': 1, 'lambda.gb_seconds.arm64': 90_112 })
  })

  it('keeps a whole-millisecond duration and bills at least 1 ms', () => {
    expect(
      meter({
        type: 'lambda.invoke',
        time: undefined,
        durationMs: 100,
        memoryMb: 128,
        architecture: 'x86_64',
      })['lambda.gb_seconds.x86_64'],
    ).toBe(12_800)
    expect(
      meter({ type: 'lambda.invoke', time: undefined, durationMs: 0, memoryMb: 512, architecture: 'x86_64' })[
        'lambda.gb_seconds.x86_64'
      ],
    ).toBe(512)
  })
})

describe('Bedrock', () => {
  const base = { type: 'bedrock.invoke', time: undefined, model: 'amazon.nova-lite-v1:0' } as const

  it('uses the token counts sent with the event', () => {
    expect(
      meter({ ...base, inputTokens: 800, outputTokens: 200, inputText: 'ignored', outputText: 'ignored' }),
    ).toEqual({
      'bedrock.input_tokens.amazon.nova-lite-v1:0': 800,
      'bedrock.output_tokens.amazon.nova-lite-v1:0': 200,
    })
  })

  it('asks for the tokenizer only when a text has no count', () => {
    const textOnly = { ...base, inputTokens: undefined, outputTokens: 5, inputText: 'hi', outputText: 'x' }
    expect(needsTextTokens([textOnly])).toBe(true)
    expect(needsTextTokens([{ ...textOnly, inputTokens: 3 }])).toBe(false)
    expect(needsTextTokens([{ ...textOnly, inputText: undefined }])).toBe(false)
    expect(
      needsTextTokens([{ type: 'log', time: undefined, message: 'hi', level: 'info', service: undefined }]),
    ).toBe(false)
  })

  it('emits nothing for an invocation with neither counts nor text', () => {
    expect(
      meter({
        ...base,
        inputTokens: undefined,
        outputTokens: undefined,
        inputText: undefined,
        outputText: undefined,
      }),
    ).toEqual({})
  })
})

describe('S3', () => {
  it('bills a put as one PUT-class request and adds its bytes to storage', () => {
    expect(meter({ type: 's3.put', time: undefined, bytes: 5_000 })).toEqual({
      's3.requests.put': 1,
      's3.storage_gb_month': 5_000,
    })
  })

  it('bills a list in the PUT class and a get in the GET class', () => {
    expect(meter({ type: 's3.list', time: undefined, bytes: 0 })).toEqual({ 's3.requests.put': 1 })
    expect(meter({ type: 's3.get', time: undefined, bytes: 5_000 })).toEqual({ 's3.requests.get': 1 })
  })

  it('bills no request for a delete and subtracts its bytes from storage', () => {
    expect(meter({ type: 's3.delete', time: undefined, bytes: 5_000 })).toEqual({
      's3.storage_gb_month': -5_000,
    })
    expect(meter({ type: 's3.delete', time: undefined, bytes: 0 })).toEqual({})
  })
})

describe('DynamoDB', () => {
  const write = (bytes: number, transactional = false) =>
    meter({ type: 'dynamodb.write', time: undefined, bytes, consistent: false, transactional })[
      'dynamodb.write_request_units'
    ]
  const read = (bytes: number, consistent: boolean, transactional = false) =>
    meter({ type: 'dynamodb.read', time: undefined, bytes, consistent, transactional })[
      'dynamodb.read_request_units'
    ]

  it('bills one WRU per 1 KB written, rounded up, at least one', () => {
    expect(write(0)).toBe(1)
    expect(write(1024)).toBe(1)
    expect(write(1025)).toBe(2)
    expect(write(2_500)).toBe(3)
  })

  it('doubles WRUs for a transactional write', () => {
    expect(write(2_500, true)).toBe(6)
  })

  it('bills reads in half-RRUs: eventually consistent 1, strongly consistent 2, transactional 4 per 4 KB', () => {
    // 9,000 bytes → 3 × 4 KB.
    expect(read(9_000, false)).toBe(3) // 1.5 RRU
    expect(read(9_000, true)).toBe(6) // 3 RRU
    expect(read(9_000, false, true)).toBe(12) // 6 RRU
    expect(read(0, false)).toBe(1) // half an RRU
    expect(read(4 * KB, true)).toBe(2)
    expect(read(4 * KB + 1, true)).toBe(4)
  })
})

describe('API Gateway', () => {
  it('bills a REST call as one request whatever its size', () => {
    expect(meter({ type: 'apigw.request', time: undefined, apiType: 'rest', bytes: 5 * KB * KB })).toEqual({
      'apigw.requests.rest': 1,
    })
  })

  it('meters HTTP API calls in 512 KB increments', () => {
    expect(meter({ type: 'apigw.request', time: undefined, apiType: 'http', bytes: 512 * KB })).toEqual({
      'apigw.requests.http': 1,
    })
    expect(meter({ type: 'apigw.request', time: undefined, apiType: 'http', bytes: 513 * KB })).toEqual({
      'apigw.requests.http': 2,
    })
  })

  it('meters WebSocket messages in 32 KB increments', () => {
    expect(meter({ type: 'apigw.request', time: undefined, apiType: 'websocket', bytes: 0 })).toEqual({
      'apigw.messages.websocket': 1,
    })
    expect(meter({ type: 'apigw.request', time: undefined, apiType: 'websocket', bytes: 33 * KB })).toEqual({
      'apigw.messages.websocket': 2,
    })
  })
})

describe('data transfer', () => {
  it('records bytes transferred out', () => {
    expect(meter({ type: 'transfer.out', time: undefined, bytes: 1_500_000 })).toEqual({
      'data_transfer.out_gb': 1_500_000,
    })
    expect(meter({ type: 'transfer.out', time: undefined, bytes: 0 })).toEqual({})
  })
})

describe('EventBridge', () => {
  it('bills each PutEvents entry per 64 KB chunk of its size, at least one event', () => {
    expect(meter({ type: 'eventbridge.put', time: undefined, bytes: 0 })).toEqual({
      'eventbridge.custom_events': 1,
    })
    expect(meter({ type: 'eventbridge.put', time: undefined, bytes: 64 * KB })).toEqual({
      'eventbridge.custom_events': 1,
    })
    expect(meter({ type: 'eventbridge.put', time: undefined, bytes: 256 * KB })).toEqual({
      'eventbridge.custom_events': 4,
    })
    expect(meter({ type: 'eventbridge.put', time: undefined, bytes: 64 * KB + 1 })).toEqual({
      'eventbridge.custom_events': 2,
    })
  })
})

describe('SES', () => {
  it('bills each recipient as one email and the attachments in bytes', () => {
    expect(meter({ type: 'ses.send', time: undefined, recipients: 3, bytes: 0 })).toEqual({
      'ses.emails_sent': 3,
    })
    expect(meter({ type: 'ses.send', time: undefined, recipients: 1, bytes: 2048 })).toEqual({
      'ses.emails_sent': 1,
      'ses.attachments_gb': 2048,
    })
  })

  it('refuses a message without recipients or with more than SES accepts', () => {
    expect(validateEvents([{ type: 'ses.send', recipients: 0 }])).toMatchObject({
      ok: false,
      problems: [{ field: 'recipients' }],
    })
    expect(validateEvents([{ type: 'ses.send', recipients: 51 }])).toMatchObject({ ok: false })
  })
})

describe('KMS', () => {
  it('bills each API request as one request', () => {
    expect(meter({ type: 'kms.request', time: undefined })).toEqual({ 'kms.requests': 1 })
  })
})

describe('every ingest event type', () => {
  it.each([...INGEST_EVENT_SPECS])('%s: its sample is accepted and metered by its service', (type, spec) => {
    const validated = validateEvents([{ type, ...spec.sample }])
    if (!validated.ok) throw new Error(`sample refused: ${JSON.stringify(validated.problems)}`)
    const event = validated.events[0] as IngestEvent
    const direct: Record<string, number> = {}
    spec.meter(event, (usageType, quantity) => {
      direct[usageType] = (direct[usageType] ?? 0) + quantity
    })
    expect(Object.keys(direct).length).toBeGreaterThan(0)
    expect(meter(event)).toEqual(direct)
  })

  it('is refused when no descriptor names it', () => {
    expect(validateEvents([{ type: 'eventbridge.publish', bytes: 1 }])).toMatchObject({
      ok: false,
      problems: [{ field: 'type' }],
    })
    expect(validateEvents([{ type: '__proto__' }, { type: 'constructor' }])).toMatchObject({
      ok: false,
      problems: [{ field: 'type' }, { field: 'type' }],
    })
  })
})
