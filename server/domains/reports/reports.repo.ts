import { and, asc, count, desc, eq, lt, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { reports } from '../../db/schema/index.js'
import type { ReportWhatIf } from './reports.schemas.js'

export type ReportRow = typeof reports.$inferSelect
/** Every column but the file itself: lists and status reads never load the bytes. */
const meta = {
  id: reports.id,
  userId: reports.userId,
  scenarioId: reports.scenarioId,
  scheduleRunId: reports.scheduleRunId,
  format: reports.format,
  status: reports.status,
  fileName: reports.fileName,
  sizeBytes: reports.sizeBytes,
  error: reports.error,
  attempts: reports.attempts,
  createdAt: reports.createdAt,
  startedAt: reports.startedAt,
  completedAt: reports.completedAt,
  expiresAt: reports.expiresAt,
  whatIf: reports.whatIf,
}
export type ReportMeta = Omit<ReportRow, 'content'>

export async function insertReport(
  db: DbOrTx,
  values: {
    userId: string
    scenarioId: string
    format: 'pdf' | 'csv'
    scheduleRunId?: string | null
    whatIf?: ReportWhatIf | null
  },
): Promise<ReportMeta> {
  const [row] = await db.insert(reports).values(values).returning(meta)
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function findOwned(db: DbOrTx, userId: string, id: string): Promise<ReportMeta | undefined> {
  const [row] = await db
    .select(meta)
    .from(reports)
    .where(and(eq(reports.id, id), eq(reports.userId, userId)))
    .limit(1)
  return row
}

export async function findMeta(db: DbOrTx, id: string): Promise<ReportMeta | undefined> {
  const [row] = await db.select(meta).from(reports).where(eq(reports.id, id)).limit(1)
  return row
}

export async function findFile(db: DbOrTx, userId: string, id: string) {
  const [row] = await db
    .select({
      status: reports.status,
      fileName: reports.fileName,
      format: reports.format,
      content: reports.content,
    })
    .from(reports)
    .where(and(eq(reports.id, id), eq(reports.userId, userId)))
    .limit(1)
  return row
}

export async function listOwned(
  db: DbOrTx,
  userId: string,
  filter: { scenarioId?: string },
  window: { limit: number; offset: number },
) {
  const where = and(
    eq(reports.userId, userId),
    filter.scenarioId ? eq(reports.scenarioId, filter.scenarioId) : undefined,
  )
  const [items, [total]] = await Promise.all([
    db
      .select(meta)
      .from(reports)
      .where(where)
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(reports).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function deleteOwned(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(reports)
    .where(and(eq(reports.id, id), eq(reports.userId, userId)))
    .returning({ id: reports.id })
  return rows.length === 1
}

/**
 * Takes a report for generation: a queued one, or a running one whose worker went silent for `staleSeconds`
 * (killed mid-run). Two workers cannot both take it: the update is conditional.
 */
export async function claim(db: DbOrTx, id: string, staleSeconds: number): Promise<ReportMeta | undefined> {
  const [row] = await db
    .update(reports)
    .set({ status: 'running', startedAt: sql`now()`, attempts: sql`${reports.attempts} + 1`, error: null })
    .where(
      and(
        eq(reports.id, id),
        or(
          eq(reports.status, 'queued'),
          and(
            eq(reports.status, 'running'),
            lt(reports.startedAt, sql`now() - make_interval(secs => ${staleSeconds})`),
          ),
        ),
      ),
    )
    .returning(meta)
  return row
}

export async function markReady(
  db: DbOrTx,
  id: string,
  file: { content: Buffer; fileName: string; retentionDays: number },
): Promise<void> {
  await db
    .update(reports)
    .set({
      status: 'ready',
      content: file.content,
      fileName: file.fileName,
      sizeBytes: file.content.length,
      completedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(days => ${file.retentionDays})`,
    })
    .where(eq(reports.id, id))
}

export async function markAttemptFailed(
  db: DbOrTx,
  id: string,
  error: string,
  final: boolean,
): Promise<void> {
  await db
    .update(reports)
    .set(final ? { status: 'failed', error, completedAt: sql`now()` } : { status: 'queued', error })
    .where(eq(reports.id, id))
}

/** Reports a killed worker left running; they are queued again. */
export async function requeueStale(db: DbOrTx, staleSeconds: number): Promise<string[]> {
  const rows = await db
    .update(reports)
    .set({ status: 'queued' })
    .where(
      and(
        eq(reports.status, 'running'),
        lt(reports.startedAt, sql`now() - make_interval(secs => ${staleSeconds})`),
      ),
    )
    .returning({ id: reports.id })
  return rows.map((r) => r.id)
}

/** Deletes reports past their retention; returns how many. */
export async function purgeExpired(db: DbOrTx, retentionDays: number): Promise<number> {
  const rows = await db
    .delete(reports)
    .where(lt(reports.createdAt, sql`now() - make_interval(days => ${retentionDays})`))
    .returning({ id: reports.id })
  return rows.length
}

/** The reports made for each of the given schedule runs. */
export async function ofScheduleRuns(db: DbOrTx, runIds: string[]) {
  if (runIds.length === 0) return []
  return db
    .select({
      id: reports.id,
      runId: reports.scheduleRunId,
      status: reports.status,
      scenarioId: reports.scenarioId,
    })
    .from(reports)
    .where(sql`${reports.scheduleRunId} = any(${sql.param(runIds)}::uuid[])`)
    .orderBy(asc(reports.createdAt))
}

/** The files of a schedule run's reports, for its email. */
export async function filesOfScheduleRun(db: DbOrTx, runId: string) {
  return db
    .select({
      id: reports.id,
      status: reports.status,
      scenarioId: reports.scenarioId,
      fileName: reports.fileName,
      format: reports.format,
      content: reports.content,
      error: reports.error,
    })
    .from(reports)
    .where(eq(reports.scheduleRunId, runId))
    .orderBy(asc(reports.createdAt))
}
