import { Cron } from 'croner'

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'cron'

export type ScheduleTiming = {
  frequency: Frequency
  cron: string | null
  timezone: string
  hour: number
  minute: number
  dayOfWeek: number | null
  dayOfMonth: number | null
}

/** True for an IANA zone name this runtime knows (Intl rejects unknown ones). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Undefined when croner accepts the expression (5 fields, or 6 with seconds), else the reason. */
export function cronProblem(expression: string): string | undefined {
  try {
    new Cron(expression, { paused: true })
    return undefined
  } catch (err) {
    return (err as Error).message.replace(/^CronPattern: /, '')
  }
}

/** The local calendar date of `at` in `zone`. */
function localDate(at: Date, zone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  })
    .formatToParts(at)
    .reduce<Record<string, number>>((acc, p) => {
      if (p.type !== 'literal') acc[p.type] = Number(p.value)
      return acc
    }, {})
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0 }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The cron pattern a frequency stands for; monthly days past the 28th are clamped separately below. */
export function patternOf(t: ScheduleTiming): string {
  switch (t.frequency) {
    case 'daily':
      return `${t.minute} ${t.hour} * * *`
    case 'weekly':
      return `${t.minute} ${t.hour} * * ${t.dayOfWeek ?? 1}`
    case 'monthly':
      return (t.dayOfMonth ?? 1) <= 28
        ? `${t.minute} ${t.hour} ${t.dayOfMonth ?? 1} * *`
        : `${t.minute} ${t.hour} 28-31 * *`
    case 'cron':
      return t.cron ?? ''
  }
}

/**
 * The first run strictly after `after`, in the schedule's time zone: a daily 08:00 in Europe/Rome stays
 * 08:00 local across the daylight-saving switch. A monthly day past the month's end runs on its last day
 * (the 31st in April runs on the 30th).
 */
export function nextRunAfter(t: ScheduleTiming, after: Date): Date | null {
  const cron = new Cron(patternOf(t), { timezone: t.timezone, paused: true })
  if (t.frequency !== 'monthly' || (t.dayOfMonth ?? 1) <= 28) return cron.nextRun(after)
  const wanted = t.dayOfMonth ?? 31
  let previous: Date = after
  // At most four candidate days (28th–31st) per month; a year of months is more than enough.
  for (let i = 0; i < 60; i++) {
    const candidate = cron.nextRun(previous)
    if (!candidate) return null
    const { year, month, day } = localDate(candidate, t.timezone)
    if (day === Math.min(wanted, daysInMonth(year, month))) return candidate
    previous = candidate
  }
  return null
}
