import { describe, expect, it } from 'vitest'
import { parseQuantity, quantityOf } from './quantity'
import { type ParamField, toParams, validateParam } from './service-fields'

describe('parseQuantity', () => {
  it.each([
    ['1500', 1500],
    ['1,500', 1500],
    ['1.5k', 1500],
    ['1.1k', 1100],
    ['10M', 10_000_000],
    ['10 m', 10_000_000],
    ['2.5 billion', 2_500_000_000],
    ['3B', 3_000_000_000],
    ['0.25', 0.25],
    ['.5', 0.5],
  ])('reads %s as %d, exactly', (text, value) => {
    expect(parseQuantity(text)).toEqual({ ok: true, value })
  })

  it.each(['', 'ten', '10x', '1.2.3', '-5', '10MB'])('refuses %j with a reason', (text) => {
    const parsed = parseQuantity(text)
    expect(parsed.ok).toBe(false)
  })
})

describe('number params typed as text', () => {
  const invocations: ParamField = {
    kind: 'number',
    name: 'invocations',
    label: 'Invocations per month',
    required: true,
    integer: true,
    min: 0,
    max: 1e15,
  } as ParamField

  it('accepts 10M and sends 10,000,000', () => {
    expect(validateParam(invocations, '10M')).toBeNull()
    expect(toParams([invocations], { invocations: '10M' })).toEqual({ invocations: 10_000_000 })
  })

  it('refuses a fraction of a whole-number param instead of truncating it', () => {
    expect(validateParam(invocations, '1.5')).toBe('Enter a whole number')
    expect(validateParam(invocations, '1.5k')).toBeNull()
  })

  it('says what it expected for text that is no quantity', () => {
    expect(validateParam(invocations, 'lots')).toMatch(/1\.5k, 10M/)
    expect(quantityOf('lots')).toBeNaN()
  })
})
