import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'

const KB = 1024

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
