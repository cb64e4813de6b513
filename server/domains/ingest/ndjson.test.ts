import { describe, expect, it } from 'vitest'
import { normaliseJsonBody, parseNdjson } from './ndjson.js'

describe('parseNdjson', () => {
  it('parses one value per line and records each line number, skipping blank lines', () => {
    const text = '{"type":"log","message":"a"}\r\n\n   \n{"type":"s3.list"}\n'
    expect(parseNdjson(text)).toEqual({
      ok: true,
      items: [{ type: 'log', message: 'a' }, { type: 's3.list' }],
      lines: [1, 4],
    })
  })

  it('parses a body without a trailing newline', () => {
    expect(parseNdjson('{"a":1}')).toEqual({ ok: true, items: [{ a: 1 }], lines: [1] })
  })

  it('names every line that is not JSON', () => {
    expect(parseNdjson('{"a":1}\n{"a":\n{"a":3}\nnot json\n')).toEqual({
      ok: false,
      problems: [
        { line: 2, reason: 'is not valid JSON' },
        { line: 4, reason: 'is not valid JSON' },
      ],
    })
  })

  it('reports at most 20 bad lines', () => {
    const result = parseNdjson('x\n'.repeat(100))
    expect(!result.ok && result.problems).toHaveLength(20)
  })

  it('refuses a body with no events', () => {
    expect(parseNdjson('\n \n')).toEqual({
      ok: false,
      problems: [{ line: 1, reason: 'the body holds no events' }],
    })
  })
})

describe('normaliseJsonBody', () => {
  it('takes a single event, with its optional scenario_id', () => {
    const event = { type: 's3.list', scenario_id: 'abc' }
    expect(normaliseJsonBody(event)).toEqual({ ok: true, items: [event], scenarioId: 'abc' })
  })

  it('takes an events envelope', () => {
    expect(normaliseJsonBody({ events: [{ type: 's3.list' }], scenario_id: 'abc' })).toEqual({
      ok: true,
      items: [{ type: 's3.list' }],
      scenarioId: 'abc',
    })
    expect(normaliseJsonBody({ events: [{ type: 's3.list' }] })).toEqual({
      ok: true,
      items: [{ type: 's3.list' }],
      scenarioId: undefined,
    })
  })

  it('refuses arrays, scalars, a non-array or empty events field and a non-string scenario_id', () => {
    expect(normaliseJsonBody([{ type: 's3.list' }])).toMatchObject({ ok: false, field: 'body' })
    expect(normaliseJsonBody('log')).toMatchObject({ ok: false, field: 'body' })
    expect(normaliseJsonBody(null)).toMatchObject({ ok: false, field: 'body' })
    expect(normaliseJsonBody({ events: {} })).toMatchObject({ ok: false, field: 'events' })
    expect(normaliseJsonBody({ events: [] })).toMatchObject({ ok: false, field: 'events' })
    expect(normaliseJsonBody({ events: [], scenario_id: 7 })).toMatchObject({
      ok: false,
      field: 'scenario_id',
    })
  })
})
