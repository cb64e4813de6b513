import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'

describe('data transfer', () => {
  it('records bytes transferred out', () => {
    expect(meter({ type: 'transfer.out', time: undefined, bytes: 1_500_000 })).toEqual({
      'data_transfer.out_gb': 1_500_000,
    })
    expect(meter({ type: 'transfer.out', time: undefined, bytes: 0 })).toEqual({})
  })
})
