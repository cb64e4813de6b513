import { Cron } from 'croner'

/** What an account may make the server email, and how often (docs/reports-and-schedules.md). */
export type SendingLimits = Readonly<{
  /** Shortest time between two runs of one schedule, in minutes. */
  minIntervalMinutes: number
  maxSchedulesPerUser: number
  /** Runs (scheduled and "run now") per user in any 24 hours. */
  maxRunsPerDay: number
  runNowCooldownSeconds: number
  /** Domains whose addresses may receive reports besides the account's own address. */
  recipientDomains: readonly string[]
}>

/** Runs looked at to find a pattern's shortest gap: enough to see every gap of a day's or a week's runs. */
const GAP_SAMPLES = 50

/**
 * The shortest gap in minutes between the next runs of `pattern`. Computed in UTC, where it takes well under a
 * millisecond for usual patterns (a named time zone costs ~100 times more); a daylight-saving switch in the
 * schedule's zone moves single runs by an hour, not the pattern's spacing.
 */
export function shortestGapMinutes(pattern: string, from = new Date()): number {
  const runs = new Cron(pattern, { utcOffset: 0, paused: true }).nextRuns(GAP_SAMPLES, from)
  let shortest = Number.POSITIVE_INFINITY
  for (let i = 1; i < runs.length; i++) {
    const gap = ((runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0)) / 60_000
    if (gap < shortest) shortest = gap
  }
  return shortest
}

/** Undefined when the cron expression has the five fields of standard cron (no seconds, no nicknames). */
export function cronFieldsProblem(expression: string): string | undefined {
  return expression.trim().split(/\s+/).length === 5
    ? undefined
    : 'must have five fields: minute hour day-of-month month day-of-week'
}

/** Undefined when `email` (normalised) may receive reports of the account whose address is `ownEmail`. */
export function recipientProblem(
  email: string,
  ownEmail: string | undefined,
  domains: readonly string[],
): string | undefined {
  if (email === ownEmail) return undefined
  const domain = email.slice(email.lastIndexOf('@') + 1)
  if (domains.includes(domain)) return undefined
  return domains.length > 0
    ? `must be your own address or one at ${domains.join(', ')}`
    : 'must be your own address (this server sends reports to no other address)'
}
