import { describe, expect, it } from 'vitest'
import {
  cronProblem,
  describeTiming,
  formatInZone,
  nextRun,
  previewTiming,
  type Timing,
} from './schedule-text'

const base: Timing = {
  frequency: 'weekly',
  cron: null,
  timezone: 'Europe/Rome',
  hour: 8,
  minute: 0,
  day_of_week: 1,
  day_of_month: null,
}

describe('schedule text', () => {
  it('says a weekly schedule and its next run in the schedule’s zone', () => {
    // Friday 27 Nov 2026, 23:40 UTC: the next Monday 08:00 in Rome (CET, UTC+1) is 30 Nov, 07:00 UTC.
    const now = new Date('2026-11-27T23:40:00Z')
    expect(previewTiming(base, now)).toBe('every Monday at 08:00 Europe/Rome — next: 30 Nov 2026 08:00')
    expect(nextRun(base, now)?.toISOString()).toBe('2026-11-30T07:00:00.000Z')
  })

  it('keeps 08:00 local across the daylight-saving switch', () => {
    const daily = { ...base, frequency: 'daily' as const }
    expect(nextRun(daily, new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-29T06:00:00.000Z')
    expect(nextRun(daily, new Date('2026-03-27T12:00:00Z'))?.toISOString()).toBe('2026-03-28T07:00:00.000Z')
  })

  it('runs a monthly day past the month’s end on its last day', () => {
    const monthly = { ...base, frequency: 'monthly' as const, day_of_month: 31, timezone: 'UTC' }
    expect(describeTiming(monthly)).toBe(
      'on the 31st of every month (or the last day of a shorter month) at 08:00 UTC',
    )
    expect(nextRun(monthly, new Date('2026-04-02T00:00:00Z'))?.toISOString()).toBe('2026-04-30T08:00:00.000Z')
    expect(describeTiming({ ...monthly, day_of_month: 2 })).toContain('on the 2nd of every month')
    expect(describeTiming({ ...monthly, day_of_month: 12 })).toContain('on the 12th of every month')
  })

  it('checks cron expressions and previews them', () => {
    expect(cronProblem('0 8 * * 1-5')).toBeUndefined()
    expect(cronProblem('not a cron')).toBeTruthy()
    const cron = { ...base, frequency: 'cron' as const, cron: '30 6 * * *', timezone: 'UTC' }
    expect(previewTiming(cron, new Date('2026-12-01T07:00:00Z'))).toBe(
      'on cron “30 6 * * *” in UTC — next: 2 Dec 2026 06:30',
    )
    expect(nextRun({ ...cron, cron: 'nope' })).toBeNull()
  })

  it('formats a time in another zone', () => {
    expect(formatInZone('2026-12-01T07:00:00Z', 'Europe/Rome')).toBe('1 Dec 2026 08:00')
  })
})
