import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'

const KB = 1024

describe('DynamoDB', () => {
  const write = (bytes: number, transactional = false) =>
    meter({ type: 'dynamodb.write', time: undefined, bytes, consistent: false, transactional })[
      'dynamodb.write_request_units'
    ]
  const read = (bytes: number, consistent: boolean, transactional = false) =>
    meter({ type: 'dynamodb.read', time: undefined, bytes, consistent, transactional })[
      'dynamodb.read_request_units'
    ]

  it('bills one WRU per 1 KB written, rounded up, at least one', () => {
    expect(write(0)).toBe(1)
    expect(write(1024)).toBe(1)
    expect(write(1025)).toBe(2)
    expect(write(2_500)).toBe(3)
  })

  it('doubles WRUs for a transactional write', () => {
    expect(write(2_500, true)).toBe(6)
  })

  it('bills reads in half-RRUs: eventually consistent 1, strongly consistent 2, transactional 4 per 4 KB', () => {
    // 9,000 bytes → 3 × 4 KB.
    expect(read(9_000, false)).toBe(3) // 1.5 RRU
    expect(read(9_000, true)).toBe(6) // 3 RRU
    expect(read(9_000, false, true)).toBe(12) // 6 RRU
    expect(read(0, false)).toBe(1) // half an RRU
    expect(read(4 * KB, true)).toBe(2)
    expect(read(4 * KB + 1, true)).toBe(4)
  })
})
