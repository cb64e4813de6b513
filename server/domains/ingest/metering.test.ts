import { describe, expect, it } from 'vitest'
import { meter } from '../../test/metered-usage.js'
import { countChunks } from '../pricing/services/ingest-fields.js'
import { INGEST_EVENT_SPECS } from '../pricing/services/registry.js'
import { type IngestEvent, validateEvents } from './events.js'

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
