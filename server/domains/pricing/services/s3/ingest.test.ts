import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'

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
