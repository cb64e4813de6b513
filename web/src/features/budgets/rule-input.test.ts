import { describe, expect, it } from 'vitest'
import { emailsProblem, moneyProblem, parseEmails } from './rule-input'

describe('rule input', () => {
  it('accepts decimal amounts above zero only', () => {
    expect(moneyProblem('250')).toBeNull()
    expect(moneyProblem(' 99.5 ')).toBeNull()
    expect(moneyProblem('0.000001')).toBeNull()
    for (const bad of ['', '-1', '1e3', '1.1234567', 'ten', '1,5']) expect(moneyProblem(bad)).not.toBeNull()
    expect(moneyProblem('0')).toBe('Must be greater than 0')
  })

  it('splits recipients on commas, semicolons and white space', () => {
    expect(parseEmails('a@x.io, b@y.io;c@z.io\nd@w.io  ')).toEqual(['a@x.io', 'b@y.io', 'c@z.io', 'd@w.io'])
    expect(parseEmails('  ')).toEqual([])
    expect(emailsProblem('a@x.io, nope')).toBe('nope is not an email address')
    expect(emailsProblem('')).toBeNull()
  })
})
