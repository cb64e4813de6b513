import { and, asc, count, desc, eq, gte, lt, lte, notExists, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { reportSchedules, scheduleRuns } from '../../db/schema/index.js'

export type ScheduleRow = typeof reportSchedules.$inferSelect
export type ScheduleValues = Omit<typeof reportSchedules.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>
export type RunRow = typeof scheduleRuns.$inferSelect

export async function insertSchedule(db: DbOrTx, values: ScheduleValues): Promise<ScheduleRow> {
  const [row] = await db.insert(reportSchedules).values(values).returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function findOwned(db: DbOrTx, userId: string, id: string): Promise<ScheduleRow | undefined> {
  const [row] = await db
    .select()
    .from(reportSchedules)
    .where(and(eq(reportSchedules.id, id), eq(reportSchedules.userId, userId)))
    .limit(1)
  return row
}

export async function findById(db: DbOrTx, id: string): Promise<ScheduleRow | undefined> {
  const [row] = await db.select().from(reportSchedules).where(eq(reportSchedules.id, id)).limit(1)
  return row
}

export async function listOwned(db: DbOrTx, userId: string, window: { limit: number; offset: number }) {
  const where = eq(reportSchedules.userId, userId)
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(reportSchedules)
      .where(where)
      .orderBy(desc(reportSchedules.createdAt), desc(reportSchedules.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(reportSchedules).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function updateSchedule(
  db: DbOrTx,
  id: string,
  values: Partial<ScheduleValues>,
): Promise<ScheduleRow | undefined> {
  const [row] = await db
    .update(reportSchedules)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(reportSchedules.id, id))
    .returning()
  return row
}

export async function deleteOwned(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(reportSchedules)
    .where(and(eq(reportSchedules.id, id), eq(reportSchedules.userId, userId)))
    .returning({ id: reportSchedules.id })
  return rows.length === 1
}

/**
 * Due schedules, locked for this transaction and skipped by any other scheduler that is claiming at the same
 * moment: each due schedule is claimed by exactly one process.
 */
export async function lockDue(tx: DbOrTx, now: Date, limit: number): Promise<ScheduleRow[]> {
  return tx
    .select()
    .from(reportSchedules)
    .where(and(eq(reportSchedules.enabled, true), lte(reportSchedules.nextRunAt, now)))
    .orderBy(asc(reportSchedules.nextRunAt))
    .limit(limit)
    .for('update', { skipLocked: true })
}

/** A run for (schedule, due time); undefined when that run already exists (the unique key guards it). */
export async function insertRun(
  db: DbOrTx,
  values: { scheduleId: string; scheduledFor: Date; trigger: 'schedule' | 'manual' },
): Promise<RunRow | undefined> {
  const [row] = await db.insert(scheduleRuns).values(values).onConflictDoNothing().returning()
  return row
}

export async function findRun(db: DbOrTx, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(scheduleRuns).where(eq(scheduleRuns.id, id)).limit(1)
  return row
}

export async function updateRun(
  db: DbOrTx,
  id: string,
  values: Partial<typeof scheduleRuns.$inferInsert>,
): Promise<void> {
  await db.update(scheduleRuns).set(values).where(eq(scheduleRuns.id, id))
}

export async function listRuns(db: DbOrTx, scheduleId: string, window: { limit: number; offset: number }) {
  const where = eq(scheduleRuns.scheduleId, scheduleId)
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(scheduleRuns)
      .where(where)
      .orderBy(desc(scheduleRuns.createdAt), desc(scheduleRuns.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(scheduleRuns).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

/**
 * Moves the schedule's last run to this run's state. Only the newest run of the schedule may: an older run that
 * finishes after a newer one was queued leaves the newer one shown.
 */
export async function recordLastRun(
  db: DbOrTx,
  run: Pick<RunRow, 'id' | 'scheduleId'>,
  status: RunRow['status'],
  at: Date,
) {
  // Compared in SQL: created_at keeps microseconds that a JavaScript Date would drop.
  const newer = db
    .select({ id: scheduleRuns.id })
    .from(scheduleRuns)
    .where(
      and(
        eq(scheduleRuns.scheduleId, run.scheduleId),
        sql`${scheduleRuns.createdAt} > (select created_at from schedule_runs where id = ${run.id})`,
      ),
    )
  await db
    .update(reportSchedules)
    .set({ lastRunAt: at, lastStatus: status })
    .where(and(eq(reportSchedules.id, run.scheduleId), notExists(newer)))
}

/** Runs per status, across all schedules (for /metrics). */
export async function countRunsByStatus(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: scheduleRuns.status, n: count() })
    .from(scheduleRuns)
    .groupBy(scheduleRuns.status)
  return Object.fromEntries(rows.map((r) => [r.status, r.n]))
}

export async function countOwned(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reportSchedules)
    .where(eq(reportSchedules.userId, userId))
  return row?.n ?? 0
}

/** The user's runs created in [since, until), and when the oldest of them was created. */
export async function runsOfUserBetween(db: DbOrTx, userId: string, since: Date, until: Date) {
  const [row] = await db
    .select({ n: count(), oldest: sql<string | null>`min(${scheduleRuns.createdAt})` })
    .from(scheduleRuns)
    .innerJoin(reportSchedules, eq(reportSchedules.id, scheduleRuns.scheduleId))
    .where(
      and(
        eq(reportSchedules.userId, userId),
        gte(scheduleRuns.createdAt, since),
        lt(scheduleRuns.createdAt, until),
      ),
    )
  return { count: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : undefined }
}

/** When the schedule's last "run now" was asked for. */
export async function lastManualRunAt(db: DbOrTx, scheduleId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: scheduleRuns.createdAt })
    .from(scheduleRuns)
    .where(and(eq(scheduleRuns.scheduleId, scheduleId), eq(scheduleRuns.trigger, 'manual')))
    .orderBy(desc(scheduleRuns.createdAt))
    .limit(1)
  return row?.at
}
