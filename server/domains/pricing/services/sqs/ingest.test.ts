import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'

const KB = 1024

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
