import { and, arrayContains, asc, count, desc, eq, ilike, inArray, ne, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { scenarioLineItems, scenarios } from '../../db/schema/index.js'

export type ScenarioRow = typeof scenarios.$inferSelect
export type ItemRow = typeof scenarioLineItems.$inferSelect
export type NewScenario = Pick<
  typeof scenarios.$inferInsert,
  | 'userId'
  | 'name'
  | 'description'
  | 'region'
  | 'tags'
  | 'includeFreeTier'
  | 'applyRateCard'
  | 'freeTierDisabledOffers'
  | 'legacyFreeTier'
>
export type ScenarioChanges = Partial<
  Pick<
    ScenarioRow,
    | 'name'
    | 'description'
    | 'region'
    | 'tags'
    | 'status'
    | 'includeFreeTier'
    | 'applyRateCard'
    | 'freeTierDisabledOffers'
    | 'legacyFreeTier'
  >
>
export type NewItem = { service: string; label: string | null; params: Record<string, unknown> }
/** A clone keeps each item's creation time, so the copy lists its items in the original order. */
export type ClonedItem = NewItem & { createdAt: Date }
export type ScenarioFilters = {
  status?: ScenarioRow['status']
  region?: string
  q?: string
  tag?: string
  excludeArchived?: boolean
}

/** `%`, `_` and `\` in a search are literal characters, not LIKE wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

const owned = (userId: string, id: string) => and(eq(scenarios.id, id), eq(scenarios.userId, userId))

export async function insertScenario(db: DbOrTx, values: NewScenario): Promise<ScenarioRow> {
  const [row] = await db.insert(scenarios).values(values).returning()
  if (!row) throw new Error('insert into scenarios returned no row')
  return row
}

export async function findOwned(db: DbOrTx, userId: string, id: string): Promise<ScenarioRow | undefined> {
  const [row] = await db.select().from(scenarios).where(owned(userId, id)).limit(1)
  return row
}

/** Reads and locks an owned scenario until the transaction ends, so item counts cannot race. */
export async function lockOwned(db: DbOrTx, userId: string, id: string): Promise<ScenarioRow | undefined> {
  const [row] = await db.select().from(scenarios).where(owned(userId, id)).limit(1).for('update')
  return row
}

/** Owned scenarios in `ids`, in any order. */
/** Owner, status and last event of a scenario, whoever owns it (what ingest checks before accepting). */
export async function findState(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ userId: scenarios.userId, status: scenarios.status, lastEventAt: scenarios.lastEventAt })
    .from(scenarios)
    .where(eq(scenarios.id, id))
    .limit(1)
  return row
}

/** Which of these scenarios are archived. */
export async function findArchived(db: DbOrTx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ id: scenarios.id })
    .from(scenarios)
    .where(and(inArray(scenarios.id, [...ids]), eq(scenarios.status, 'archived')))
  return rows.map((row) => row.id)
}

export async function findManyOwned(db: DbOrTx, userId: string, ids: string[]): Promise<ScenarioRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.userId, userId), inArray(scenarios.id, ids)))
}

export async function listOwned(
  db: DbOrTx,
  userId: string,
  filters: ScenarioFilters,
  window: { limit: number; offset: number },
): Promise<{ rows: ScenarioRow[]; total: number }> {
  const conditions: SQL[] = [eq(scenarios.userId, userId)]
  if (filters.status) conditions.push(eq(scenarios.status, filters.status))
  if (filters.region) conditions.push(eq(scenarios.region, filters.region))
  if (filters.q) conditions.push(ilike(scenarios.name, `%${escapeLike(filters.q)}%`))
  if (filters.tag) conditions.push(arrayContains(scenarios.tags, [filters.tag]))
  if (filters.excludeArchived) conditions.push(ne(scenarios.status, 'archived'))
  const where = and(...conditions)
  const rows = await db
    .select()
    .from(scenarios)
    .where(where)
    .orderBy(desc(scenarios.createdAt), desc(scenarios.id))
    .limit(window.limit)
    .offset(window.offset)
  const [counted] = await db.select({ total: count() }).from(scenarios).where(where)
  return { rows, total: Number(counted?.total ?? 0) }
}

export async function updateOwned(
  db: DbOrTx,
  userId: string,
  id: string,
  changes: ScenarioChanges,
): Promise<ScenarioRow | undefined> {
  const [row] = await db
    .update(scenarios)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(owned(userId, id))
    .returning()
  return row
}

export async function touch(db: DbOrTx, id: string): Promise<void> {
  await db.update(scenarios).set({ updatedAt: sql`now()` }).where(eq(scenarios.id, id))
}

export async function deleteOwned(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db.delete(scenarios).where(owned(userId, id)).returning({ id: scenarios.id })
  return rows.length === 1
}

export async function countItems(db: DbOrTx, scenarioId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(scenarioLineItems)
    .where(eq(scenarioLineItems.scenarioId, scenarioId))
  return Number(row?.total ?? 0)
}

/** Items in creation order; without a window, all of them (at most MAX_LINE_ITEMS). */
export async function listItems(
  db: DbOrTx,
  scenarioId: string,
  window?: { limit: number; offset: number },
): Promise<ItemRow[]> {
  const query = db
    .select()
    .from(scenarioLineItems)
    .where(eq(scenarioLineItems.scenarioId, scenarioId))
    .orderBy(asc(scenarioLineItems.createdAt), asc(scenarioLineItems.id))
  return window ? query.limit(window.limit).offset(window.offset) : query
}

export async function insertItems(
  db: DbOrTx,
  scenarioId: string,
  items: (NewItem | ClonedItem)[],
): Promise<ItemRow[]> {
  if (items.length === 0) return []
  return db
    .insert(scenarioLineItems)
    .values(items.map((item) => ({ ...item, scenarioId })))
    .returning()
}

export async function findItem(db: DbOrTx, scenarioId: string, itemId: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(scenarioLineItems)
    .where(and(eq(scenarioLineItems.scenarioId, scenarioId), eq(scenarioLineItems.id, itemId)))
    .limit(1)
  return row
}

export async function updateItem(
  db: DbOrTx,
  scenarioId: string,
  itemId: string,
  changes: Partial<NewItem>,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(scenarioLineItems)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(scenarioLineItems.scenarioId, scenarioId), eq(scenarioLineItems.id, itemId)))
    .returning()
  return row
}

export async function deleteItem(db: DbOrTx, scenarioId: string, itemId: string): Promise<boolean> {
  const rows = await db
    .delete(scenarioLineItems)
    .where(and(eq(scenarioLineItems.scenarioId, scenarioId), eq(scenarioLineItems.id, itemId)))
    .returning({ id: scenarioLineItems.id })
  return rows.length === 1
}
