import { describe, expect, it } from 'vitest'
import { countHours, hoursAt } from './params.js'

describe('countHours', () => {
  it('multiplies how many run by the hours each runs, exactly', () => {
    expect(countHours(3, 744, 'typical').toString()).toBe('2232')
    expect(countHours(0, 730, 'typical').toString()).toBe('0')
    expect(countHours(2, 0.5, 'typical').toString()).toBe('1')
  })

  it('reads a ranged count and ranged hours at the same point of their ranges', () => {
    const nodes = { min: 1, typical: 2, max: 4 }
    const hours = { min: 100, typical: 400, max: 730 }
    expect(countHours(nodes, hours, 'min').toString()).toBe('100')
    expect(countHours(nodes, hours, 'typical').toString()).toBe('800')
    expect(countHours(nodes, hours, 'max').toString()).toBe('2920')
  })

  it('runs a resource always on (730 hours) when its hours are left out', () => {
    expect(hoursAt(undefined, 'max')).toBe(730)
    expect(hoursAt({ min: 10, typical: 20, max: 30 }, 'min')).toBe(10)
    expect(countHours(2, undefined, 'typical').toString()).toBe('1460')
  })
})
