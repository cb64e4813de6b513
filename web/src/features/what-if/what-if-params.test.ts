import { describe, expect, it } from 'vitest'
import { formatSpread, rangeBasis } from './components/cost-range'
import { topServices, toWhatIfParams, validateWhatIf } from './what-if-params'

const valid = { scale: 1, growth: 0, months: 12 }

describe('what-if inputs', () => {
  it('accepts the API ranges at their edges: scale > 0 and ≤ 1000, growth −50…500, months 1…36', () => {
    for (const values of [
      { scale: 0.0001, growth: -50, months: 1 },
      { scale: 1000, growth: 500, months: 36 },
      { scale: '2.5', growth: '5', months: '24' },
    ]) {
      expect(validateWhatIf(values)).toEqual({})
    }
  })

  it('names the field out of range, and asks for whole months', () => {
    expect(validateWhatIf({ ...valid, scale: 0 })).toEqual({ scale: 'Must be above 0 and at most 1000' })
    expect(validateWhatIf({ ...valid, scale: 1000.5 }).scale).toBeDefined()
    expect(validateWhatIf({ ...valid, growth: -50.1 })).toEqual({ growth: 'Must be from -50 to 500' })
    expect(validateWhatIf({ ...valid, growth: 501 }).growth).toBeDefined()
    expect(validateWhatIf({ ...valid, months: 37 })).toEqual({ months: 'Must be from 1 to 36' })
    expect(validateWhatIf({ ...valid, months: 0 }).months).toBeDefined()
    expect(validateWhatIf({ ...valid, months: 1.5 })).toEqual({ months: 'Enter a whole number' })
    expect(validateWhatIf({ scale: '', growth: '', months: '' })).toEqual({
      scale: 'Enter a number',
      growth: 'Enter a number',
      months: 'Enter a number',
    })
  })

  it('turns valid inputs into the costs query, and invalid ones into none', () => {
    expect(toWhatIfParams({ scale: '10', growth: 5, months: 12 })).toEqual({
      scale: 10,
      growth_pct_per_month: 5,
      months: 12,
    })
    expect(toWhatIfParams({ ...valid, months: 40 })).toBeNull()
  })

  it('lists the top services by cost, largest first, without zero rows', () => {
    expect(
      topServices(
        [
          { service: 's3', cost: '0.09' },
          { service: 'sqs', cost: '53199.6' },
          { service: 'sns', cost: '0' },
          { service: 'lambda', cost: '12' },
          { service: 'bedrock', cost: '1.5' },
        ],
        3,
      ).map((s) => s.service),
    ).toEqual(['sqs', 'lambda', 'bedrock'])
  })
})

describe('cost range text', () => {
  it('shows one figure when both ends agree, else low – high', () => {
    expect(formatSpread('12', '40.5', 'USD')).toBe('$12.00 – $40.50')
    expect(formatSpread('7.10', '7.1', 'USD')).toBe('$7.10')
  })

  it('says what the percentiles are taken over', () => {
    expect(rangeBasis({ p50: '1', p90: '2', basis: 'hourly_usage', hours: 1 })).toMatch(
      /^Over 1 observed hour:/,
    )
    expect(rangeBasis({ p50: '1', p90: '2', basis: 'hourly_usage', hours: 30 })).toMatch(
      /^Over 30 observed hours:/,
    )
    expect(rangeBasis({ p50: '3', p90: '3', basis: 'no_observations', hours: 0 })).toMatch(/No events yet/)
  })
})
