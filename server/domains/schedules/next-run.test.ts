import { describe, expect, it } from 'vitest'
import { cronProblem, isValidTimeZone, nextRunAfter, type ScheduleTiming } from './next-run.js'

const daily = (hour: number, minute: number, timezone: string): ScheduleTiming => ({
  frequency: 'daily',
  cron: null,
  timezone,
  hour,
  minute,
  dayOfWeek: null,
  dayOfMonth: null,
})

describe('nextRunAfter', () => {
  it('keeps a daily 08:00 in Europe/Rome at 08:00 local across the October switch', () => {
    const t = daily(8, 0, 'Europe/Rome')
    // 2026-10-25 is the switch from CEST (UTC+2) to CET (UTC+1).
    expect(nextRunAfter(t, new Date('2026-10-24T07:00:00Z'))?.toISOString()).toBe('2026-10-25T07:00:00.000Z')
    expect(nextRunAfter(t, new Date('2026-10-23T07:00:00Z'))?.toISOString()).toBe('2026-10-24T06:00:00.000Z')
    expect(nextRunAfter(t, new Date('2026-10-25T07:00:00Z'))?.toISOString()).toBe('2026-10-26T07:00:00.000Z')
  })

  it('keeps it across the March switch too', () => {
    const t = daily(8, 0, 'Europe/Rome')
    expect(nextRunAfter(t, new Date('2026-03-28T08:00:00Z'))?.toISOString()).toBe('2026-03-29T06:00:00.000Z')
  })

  it('runs weekly on the given weekday (0 = Sunday)', () => {
    const t: ScheduleTiming = { ...daily(9, 30, 'UTC'), frequency: 'weekly', dayOfWeek: 1 }
    // 2026-11-27 is a Friday; the next Monday is 2026-11-30.
    expect(nextRunAfter(t, new Date('2026-11-27T12:00:00Z'))?.toISOString()).toBe('2026-11-30T09:30:00.000Z')
  })

  it('clamps a monthly day 31 to the last day of shorter months', () => {
    const t: ScheduleTiming = { ...daily(6, 0, 'UTC'), frequency: 'monthly', dayOfMonth: 31 }
    expect(nextRunAfter(t, new Date('2026-04-01T00:00:00Z'))?.toISOString()).toBe('2026-04-30T06:00:00.000Z')
    expect(nextRunAfter(t, new Date('2026-04-30T06:00:00Z'))?.toISOString()).toBe('2026-05-31T06:00:00.000Z')
    expect(nextRunAfter(t, new Date('2027-02-01T00:00:00Z'))?.toISOString()).toBe('2027-02-28T06:00:00.000Z')
  })

  it('runs monthly on an ordinary day', () => {
    const t: ScheduleTiming = { ...daily(8, 0, 'America/New_York'), frequency: 'monthly', dayOfMonth: 1 }
    expect(nextRunAfter(t, new Date('2026-11-27T00:00:00Z'))?.toISOString()).toBe('2026-12-01T13:00:00.000Z')
  })

  it('follows a cron expression in the time zone', () => {
    const t: ScheduleTiming = { ...daily(0, 0, 'Asia/Tokyo'), frequency: 'cron', cron: '15 9 * * 1-5' }
    expect(nextRunAfter(t, new Date('2026-11-27T01:00:00Z'))?.toISOString()).toBe('2026-11-30T00:15:00.000Z')
  })
})

describe('validation helpers', () => {
  it('knows IANA time zones', () => {
    expect(isValidTimeZone('Europe/Rome')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
  it('explains a bad cron expression', () => {
    expect(cronProblem('0 8 * * 1')).toBeUndefined()
    expect(cronProblem('61 8 * * *')).toBeDefined()
    expect(cronProblem('not a cron')).toBeDefined()
  })
})
