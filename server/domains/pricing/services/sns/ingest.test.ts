import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'

const KB = 1024

describe('SNS', () => {
  it('bills each 64 KB chunk of a publish and each delivery per protocol', () => {
    const usage = meter({
      type: 'sns.publish',
      time: undefined,
      bytes: 200 * KB,
      deliveries: { http: 2, email: 1, sqs: 3 },
    })
    // 200 KB / 64 KB = 3.125 → 4 publishes.
    expect(usage).toEqual({
      'sns.publishes': 4,
      'sns.deliveries.http': 2,
      'sns.deliveries.email': 1,
      'sns.deliveries.sqs': 3,
    })
  })

  it('emits no delivery usage when nothing was delivered', () => {
    expect(
      meter({ type: 'sns.publish', time: undefined, bytes: 10, deliveries: { http: 0, email: 0, sqs: 0 } }),
    ).toEqual({ 'sns.publishes': 1 })
  })
})
