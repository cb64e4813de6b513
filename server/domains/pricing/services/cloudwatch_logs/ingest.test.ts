import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'

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
