import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'

describe('KMS', () => {
  it('bills each API request as one request', () => {
    expect(meter({ type: 'kms.request', time: undefined })).toEqual({ 'kms.requests': 1 })
  })
})
