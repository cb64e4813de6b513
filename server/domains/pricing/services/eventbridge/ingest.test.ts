import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'

const KB = 1024

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
