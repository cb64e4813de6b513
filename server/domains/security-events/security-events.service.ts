import { eq, lt, sql } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.js'
import { securityEvents } from '../../db/schema/index.js'

export type SecurityEventType =
  | 'registration'
  | 'login_failed'
  | 'login_succeeded'
  | 'rate_limited'
  | 'refresh_token_reuse'
  | 'password_changed'
  | 'invalid_api_key'
  | 'api_key_created'
  | 'api_key_revoked'
  | 'api_key_rotated'

export type SecurityEvent = {
  type: SecurityEventType
  userId?: string | null
  ip?: string
  apiKeyPrefix?: string
  /** A short reason or identifier; never a password, token or key. */
  details?: string
}

/** Repeats of one event for one client are counted in memory for this long, then written as one count. */
export const REPEAT_WINDOW_MS = 60_000

/** The first event of a client's window: its row (once inserted) and how many times it happened since. */
type RepeatWindow = {
  event: SecurityEvent
  startedAt: number
  count: number
  rowId: Promise<string | undefined>
}

/** Stores security events and writes them as structured log lines an operator can grep. */
export function createSecurityEventService({
  db,
  logger,
  retentionDays,
}: {
  db: Db
  logger: FastifyBaseLogger
  /** SECURITY_EVENT_RETENTION_DAYS: older rows are deleted by the daily purge. */
  retentionDays: number
}) {
  const windows = new Map<string, RepeatWindow>()
  let flushTimer: NodeJS.Timeout | undefined

  function log(event: SecurityEvent, count?: number): void {
    logger.warn(
      {
        security_event: event.type,
        user_id: event.userId ?? undefined,
        ip: event.ip,
        api_key_prefix: event.apiKeyPrefix,
        details: event.details,
        count,
      },
      count === undefined ? `security event: ${event.type}` : `security event: ${event.type} repeated`,
    )
  }

  async function insert(event: SecurityEvent): Promise<string | undefined> {
    const [row] = await db
      .insert(securityEvents)
      .values({
        eventType: event.type,
        userId: event.userId ?? null,
        ip: event.ip ?? null,
        apiKeyPrefix: event.apiKeyPrefix ?? null,
        details: event.details ?? null,
      })
      .returning({ id: securityEvents.id })
    return row?.id
  }

  function logStoreFailure(err: Error): undefined {
    logger.error({ err: { message: err.message } }, 'could not store security event')
    return undefined
  }

  /** Writes the count of a window that saw repeats (one update and one log line per window). */
  async function closeWindow(window: RepeatWindow): Promise<void> {
    const id = await window.rowId
    if (window.count === 1) return
    log(window.event, window.count)
    if (id) await db.update(securityEvents).set({ count: window.count }).where(eq(securityEvents.id, id))
  }

  /** Closes the windows that ended before `now` (all of them with `now` = Infinity). */
  async function closeWindows(now: number): Promise<void> {
    const ended: RepeatWindow[] = []
    for (const [key, window] of windows) {
      if (now - window.startedAt < REPEAT_WINDOW_MS) continue
      windows.delete(key)
      ended.push(window)
    }
    await Promise.all(ended.map((w) => closeWindow(w).catch(logStoreFailure)))
    if (windows.size === 0 && flushTimer) {
      clearInterval(flushTimer)
      flushTimer = undefined
    }
  }

  return {
    async record(event: SecurityEvent): Promise<void> {
      log(event)
      await insert(event)
    },

    /** For hooks that cannot wait (the rate limiter): a failed insert is logged, never thrown. */
    recordInBackground(event: SecurityEvent): void {
      this.record(event).catch(logStoreFailure)
    },

    /**
     * For events a client can cause on every request (rate limited, invalid API key): at most one row and
     * two log lines per `client` and type in REPEAT_WINDOW_MS, the row carrying the number of occurrences.
     * Never waits and never throws.
     */
    recordRepeated(event: SecurityEvent, client: string): void {
      const key = `${event.type}|${client}`
      const now = Date.now()
      const open = windows.get(key)
      if (open && now - open.startedAt < REPEAT_WINDOW_MS) {
        open.count += 1
        return
      }
      if (open) closeWindow(open).catch(logStoreFailure)
      log(event)
      windows.set(key, { event, startedAt: now, count: 1, rowId: insert(event).catch(logStoreFailure) })
      flushTimer ??= setInterval(() => void closeWindows(Date.now()), REPEAT_WINDOW_MS).unref()
    },

    /** Writes every open window's row and count now (shutdown): no counted occurrence is lost. */
    flush: () => closeWindows(Number.POSITIVE_INFINITY),

    /** Deletes events older than SECURITY_EVENT_RETENTION_DAYS; answers how many. */
    async purgeExpired(): Promise<number> {
      const removed = await db
        .delete(securityEvents)
        .where(lt(securityEvents.createdAt, sql`now() - make_interval(days => ${retentionDays})`))
        .returning({ id: securityEvents.id })
      if (removed.length > 0) logger.info({ removed: removed.length }, 'purged expired security events')
      return removed.length
    },
  }
}
export type SecurityEventService = ReturnType<typeof createSecurityEventService>
