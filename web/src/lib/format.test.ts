import { describe, expect, it } from 'vitest'
import { safeNextPath } from '@/config/paths'
import { formatMoney } from './format'

describe('formatMoney', () => {
  it('formats exact decimal strings as currency', () => {
    expect(formatMoney('18.74')).toBe('$18.74')
    expect(formatMoney('1234567.5')).toBe('$1,234,567.50')
    expect(formatMoney('0')).toBe('$0.00')
    expect(formatMoney('0.000042')).toBe('$0.000042')
    expect(formatMoney('3.5', 'EUR')).toBe('€3.50')
  })
})

describe('safeNextPath', () => {
  it('keeps same-site paths and refuses the rest', () => {
    expect(safeNextPath('/scenarios?status=running')).toBe('/scenarios?status=running')
    expect(safeNextPath('//evil.example.com')).toBe('/')
    expect(safeNextPath('https://evil.example.com')).toBe('/')
    expect(safeNextPath(null)).toBe('/')
    expect(safeNextPath('/login?next=/x')).toBe('/')
  })
})
