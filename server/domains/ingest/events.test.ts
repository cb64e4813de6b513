import { describe, expect, it } from 'vitest'
import { LIMITS, parseIsoTimestamp, validateEvents } from './events.js'

const NOW = Date.parse('2025-06-15T12:00:00Z')
const validate = (items: unknown[], lines?: number[]) => validateEvents(items, { now: NOW, lines })

function problemsOf(items: unknown[]) {
  const result = validate(items)
  if (result.ok) throw new Error('expected validation to fail')
  return result.problems
}

describe('validateEvents', () => {
  it('normalises every event type into camelCase fields with defaults', () => {
    const result = validate([
      { type: 'log', message: 'hi', level: 'info', service: 'api' },
      { type: 'sqs.send', bytes: 10 },
      { type: 'sns.publish', bytes: 10, deliveries: 3 },
      { type: 'sns.publish', bytes: 10, deliveries: { email: 1, sqs: 2 } },
      { type: 'lambda.invoke', duration_ms: 12.5, memory_mb: 256 },
      {
        type: 'bedrock.invoke',
        model: 'anthropic.claude-3-haiku-20240307-v1:0',
        input_tokens: 5,
        output_text: 'ok',
      },
      { type: 's3.get' },
      { type: 'dynamodb.read', bytes: 100, consistent: true },
      { type: 'apigw.request', api_type: 'websocket', bytes: 5 },
      { type: 'transfer.out', bytes: 7, timestamp: '2025-06-15T11:59:30.250Z' },
    ])
    expect(result).toEqual({
      ok: true,
      events: [
        { type: 'log', time: undefined, message: 'hi', level: 'info', service: 'api' },
        { type: 'sqs.send', time: undefined, bytes: 10, fifo: false },
        { type: 'sns.publish', time: undefined, bytes: 10, deliveries: { http: 3, email: 0, sqs: 0 } },
        { type: 'sns.publish', time: undefined, bytes: 10, deliveries: { http: 0, email: 1, sqs: 2 } },
        { type: 'lambda.invoke', time: undefined, durationMs: 12.5, memoryMb: 256, architecture: 'x86_64' },
        {
          type: 'bedrock.invoke',
          time: undefined,
          model: 'anthropic.claude-3-haiku-20240307-v1:0',
          inputTokens: 5,
          outputTokens: undefined,
          inputText: undefined,
          outputText: 'ok',
        },
        { type: 's3.get', time: undefined, bytes: 0 },
        { type: 'dynamodb.read', time: undefined, bytes: 100, consistent: true, transactional: false },
        { type: 'apigw.request', time: undefined, apiType: 'websocket', bytes: 5 },
        { type: 'transfer.out', time: Date.parse('2025-06-15T11:59:30.250Z'), bytes: 7 },
      ],
    })
  })

  it('drops unknown extra fields', () => {
    const result = validate([{ type: 'sqs.send', bytes: 1, user_id: 'someone-else', extra: { a: 1 } }])
    expect(result.ok && result.events[0]).toEqual({
      type: 'sqs.send',
      time: undefined,
      bytes: 1,
      fifo: false,
    })
  })

  it('rejects an unknown event type and a non-object item', () => {
    expect(problemsOf([{ type: 'ec2.launch' }, 'log', null])).toEqual([
      { index: 0, field: 'type', reason: expect.stringContaining('must be one of') },
      { index: 1, field: 'event', reason: 'must be a JSON object' },
      { index: 2, field: 'event', reason: 'must be a JSON object' },
    ])
  })

  it('rejects wrong types, negative, fractional and non-finite numbers', () => {
    const problems = problemsOf([
      { type: 'sqs.send', bytes: '10' },
      { type: 'sqs.send', bytes: -1 },
      { type: 'sqs.send', bytes: 1.5 },
      { type: 'lambda.invoke', duration_ms: Number.POSITIVE_INFINITY, memory_mb: 128 },
      { type: 'sqs.send', bytes: 1, fifo: 'yes' },
    ])
    expect(problems.map((p) => [p.index, p.field, p.reason])).toEqual([
      [0, 'bytes', 'must be an integer'],
      [1, 'bytes', `must be between 0 and ${LIMITS.maxBytes}`],
      [2, 'bytes', 'must be an integer'],
      [3, 'duration_ms', 'must be a finite number'],
      [4, 'fifo', 'must be a boolean'],
    ])
  })

  it('rejects absurd values beyond the documented maxima', () => {
    const problems = problemsOf([
      { type: 's3.put', bytes: 5 * 1024 ** 3 + 1 },
      { type: 'lambda.invoke', duration_ms: 900_001, memory_mb: 128 },
      { type: 'lambda.invoke', duration_ms: 1, memory_mb: 64 },
      { type: 'lambda.invoke', duration_ms: 1, memory_mb: 10_241 },
      { type: 'bedrock.invoke', model: 'm', input_tokens: 2_000_001 },
    ])
    expect(problems.map((p) => p.field)).toEqual([
      'bytes',
      'duration_ms',
      'memory_mb',
      'memory_mb',
      'input_tokens',
    ])
  })

  it('accepts the maxima themselves', () => {
    expect(
      validate([
        { type: 's3.put', bytes: 5 * 1024 ** 3 },
        { type: 'lambda.invoke', duration_ms: 900_000, memory_mb: 10_240, architecture: 'arm64' },
        { type: 'log', message: 'a'.repeat(65_536) },
      ]).ok,
    ).toBe(true)
  })

  it('reports missing required fields', () => {
    const problems = problemsOf([
      { type: 'log' },
      { type: 'lambda.invoke' },
      { type: 'apigw.request' },
      { type: 'bedrock.invoke' },
      { type: 'transfer.out' },
    ])
    expect(problems.map((p) => `${p.index}:${p.field}`)).toEqual([
      '0:message',
      '1:duration_ms',
      '1:memory_mb',
      '2:api_type',
      '3:model',
      '4:bytes',
    ])
  })

  it('limits a log message to 64 KiB of UTF-8, not characters', () => {
    // 21,846 × "€" is 65,538 bytes in 21,846 characters.
    expect(problemsOf([{ type: 'log', message: '€'.repeat(21_846) }])[0]).toMatchObject({ field: 'message' })
  })

  it('rejects bad enums, model ids and deliveries', () => {
    const problems = problemsOf([
      { type: 'lambda.invoke', duration_ms: 1, memory_mb: 128, architecture: 'arm' },
      { type: 'apigw.request', api_type: 'graphql' },
      { type: 'bedrock.invoke', model: 'bad model id' },
      { type: 'sns.publish', bytes: 1, deliveries: [1] },
      { type: 'sns.publish', bytes: 1, deliveries: { http: -1 } },
    ])
    expect(problems.map((p) => p.field)).toEqual(['architecture', 'api_type', 'model', 'deliveries', 'http'])
  })

  it('accepts timestamps within a day ahead and 90 days back, and refuses the rest', () => {
    const day = 24 * 60 * 60 * 1000
    const at = (ms: number) => ({ type: 's3.list', timestamp: new Date(ms).toISOString() })
    expect(validate([at(NOW + day), at(NOW - 90 * day)]).ok).toBe(true)
    expect(problemsOf([at(NOW + day + 1), at(NOW - 90 * day - 1)]).map((p) => p.reason)).toEqual([
      'must not be more than 1 day in the future',
      'must not be more than 90 days in the past',
    ])
  })

  it('refuses timestamps that are not ISO 8601 date-times with an offset', () => {
    const bad = [
      '2025-06-15',
      '2025-06-15T12:00:00',
      '15/06/2025 12:00',
      1_750_000_000_000,
      '2025-02-30T00:00:00Z',
    ]
    const problems = problemsOf(bad.map((timestamp) => ({ type: 's3.list', timestamp })))
    expect(problems).toHaveLength(bad.length)
    expect(new Set(problems.map((p) => p.field))).toEqual(new Set(['timestamp']))
  })

  it('names the NDJSON line of each problem', () => {
    expect(validate([{ type: 's3.list' }, { type: 'nope' }], [1, 3])).toEqual({
      ok: false,
      problems: [{ index: 1, line: 3, field: 'type', reason: expect.any(String) }],
    })
  })

  it('reports at most 20 problems', () => {
    const items = Array.from({ length: 50 }, () => ({ type: 'sqs.send' }))
    expect(problemsOf(items)).toHaveLength(20)
  })

  it('refuses more than 10,000 events in one request', () => {
    const items = Array.from({ length: 10_001 }, () => ({ type: 's3.list' }))
    expect(problemsOf(items)).toEqual([
      { index: 10_000, field: 'events', reason: expect.stringContaining('10000') },
    ])
  })
})

describe('parseIsoTimestamp', () => {
  it('parses UTC, offsets and fractions', () => {
    expect(parseIsoTimestamp('2025-06-15T12:00:00Z')).toBe(Date.UTC(2025, 5, 15, 12))
    expect(parseIsoTimestamp('2025-06-15T14:00:00+02:00')).toBe(Date.UTC(2025, 5, 15, 12))
    expect(parseIsoTimestamp('2025-06-15T07:30-0430')).toBe(Date.UTC(2025, 5, 15, 12))
    expect(parseIsoTimestamp('2025-06-15T12:00:00.123456789Z')).toBe(Date.UTC(2025, 5, 15, 12, 0, 0, 123))
    expect(parseIsoTimestamp('2025-06-15T12:00:00.5Z')).toBe(Date.UTC(2025, 5, 15, 12, 0, 0, 500))
  })

  it('refuses impossible and malformed date-times', () => {
    for (const text of [
      '2025-02-29T00:00:00Z',
      '2025-13-01T00:00:00Z',
      '2025-06-15T24:00:00Z',
      '2025-06-15T12:60:00Z',
      '2025-06-15T12:00:00.Z',
      '2025-06-15T12:00:00Zjunk',
      '2025-06-15 12:00:00Z',
      '',
    ]) {
      expect(parseIsoTimestamp(text), text).toBeUndefined()
    }
    expect(parseIsoTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29))
  })
})
