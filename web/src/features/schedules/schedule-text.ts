import { Cron } from 'croner'

export type Timing = {
  frequency: 'daily' | 'weekly' | 'monthly' | 'cron'
  cron: string | null
  timezone: string
  hour: number
  minute: number
  day_of_week: number | null
  day_of_month: number | null
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

const pad = (n: number) => String(n).padStart(2, '0')

/** Every IANA zone this browser knows, UTC included (some engines leave it out of the list). */
export function timeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Rome']
  return zones.includes('UTC') ? zones : ['UTC', ...zones]
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return Boolean(zone)
  } catch {
    return false
  }
}

/** Undefined when the cron expression is valid (5 fields, or 6 with seconds), else croner's reason. */
export function cronProblem(expression: string): string | undefined {
  if (!expression.trim()) return 'Enter a cron expression'
  try {
    new Cron(expression, { paused: true })
    return undefined
  } catch (err) {
    return (err as Error).message.replace(/^CronPattern: /, '')
  }
}

function ordinal(n: number): string {
  const suffixes = ['th', 'st', 'nd', 'rd']
  const v = n % 100
  return `${n}${suffixes[(v - 20) % 10] ?? suffixes[v] ?? 'th'}`
}

/** "every Monday at 08:00 Europe/Rome", as the schedule's owner would say it. */
export function describeTiming(t: Timing): string {
  const at = `at ${pad(t.hour)}:${pad(t.minute)} ${t.timezone}`
  switch (t.frequency) {
    case 'daily':
      return `every day ${at}`
    case 'weekly':
      return `every ${WEEKDAYS[t.day_of_week ?? 1]} ${at}`
    case 'monthly': {
      const day = t.day_of_month ?? 1
      const clamp = day > 28 ? ' (or the last day of a shorter month)' : ''
      return `on the ${ordinal(day)} of every month${clamp} ${at}`
    }
    case 'cron':
      return `on cron “${t.cron ?? ''}” in ${t.timezone}`
  }
}

function cronPattern(t: Timing): string {
  switch (t.frequency) {
    case 'daily':
      return `${t.minute} ${t.hour} * * *`
    case 'weekly':
      return `${t.minute} ${t.hour} * * ${t.day_of_week ?? 1}`
    case 'monthly':
      return (t.day_of_month ?? 1) <= 28
        ? `${t.minute} ${t.hour} ${t.day_of_month ?? 1} * *`
        : `${t.minute} ${t.hour} 28-31 * *`
    case 'cron':
      return t.cron ?? ''
  }
}

function localDay(at: Date, zone: string): { year: number; month: number; day: number } {
  const parts: Record<string, number> = {}
  for (const p of new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at))
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0 }
}

/**
 * The first run after `after`, in the schedule's zone (08:00 local stays 08:00 across daylight saving); a
 * monthly day past a month's end runs on its last day. The same rule as the server, which has the last word:
 * the page shows the server's next_run_at once the schedule is saved.
 */
export function nextRun(t: Timing, after = new Date()): Date | null {
  if (!isValidTimeZone(t.timezone)) return null
  if (t.frequency === 'cron' && cronProblem(t.cron ?? '')) return null
  try {
    const cron = new Cron(cronPattern(t), { timezone: t.timezone, paused: true })
    if (t.frequency !== 'monthly' || (t.day_of_month ?? 1) <= 28) return cron.nextRun(after)
    const wanted = t.day_of_month ?? 31
    let previous = after
    for (let i = 0; i < 60; i++) {
      const candidate = cron.nextRun(previous)
      if (!candidate) return null
      const { year, month, day } = localDay(candidate, t.timezone)
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
      if (day === Math.min(wanted, last)) return candidate
      previous = candidate
    }
    return null
  } catch {
    return null
  }
}

/** "1 Dec 2026 08:00", in the given zone. */
export function formatInZone(at: Date | string, zone: string): string {
  const parts: Record<string, string> = {}
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(typeof at === 'string' ? new Date(at) : at))
    parts[p.type] = p.value
  return `${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}`
}

/** "every Monday at 08:00 Europe/Rome — next: 1 Dec 2026 08:00". */
export function previewTiming(t: Timing, now = new Date()): string {
  const next = nextRun(t, now)
  return `${describeTiming(t)} — next: ${next ? formatInZone(next, t.timezone) : 'never'}`
}
