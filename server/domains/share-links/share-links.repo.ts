import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { shareLinks } from '../../db/schema/index.js'

export type ShareLinkRow = typeof shareLinks.$inferSelect

/** Not revoked and not expired. */
const isActive = and(isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, sql`now()`))

export async function countActive(db: DbOrTx, scenarioId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(shareLinks)
    .where(and(eq(shareLinks.scenarioId, scenarioId), isActive))
  return row?.n ?? 0
}

export type SharedPrices = 'list' | 'rate_card'

export async function insertLink(
  db: DbOrTx,
  values: {
    scenarioId: string
    userId: string
    tokenPrefix: string
    tokenHash: string
    expiresAt: Date
    prices: SharedPrices
  },
): Promise<ShareLinkRow> {
  const [row] = await db.insert(shareLinks).values(values).returning()
  if (!row) throw new Error('insert into share_links returned no row')
  return row
}

/** The scenario's links, newest first (the active cap keeps the list short). */
export async function listForScenario(
  db: DbOrTx,
  userId: string,
  scenarioId: string,
): Promise<ShareLinkRow[]> {
  return db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.scenarioId, scenarioId), eq(shareLinks.userId, userId)))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id))
}

/** Revokes a link of the user's scenario; false when there is no such link. Revoking twice is harmless. */
export async function revoke(db: DbOrTx, userId: string, scenarioId: string, id: string): Promise<boolean> {
  const where = and(
    eq(shareLinks.id, id),
    eq(shareLinks.scenarioId, scenarioId),
    eq(shareLinks.userId, userId),
  )
  const [row] = await db
    .update(shareLinks)
    .set({ revokedAt: sql`coalesce(${shareLinks.revokedAt}, now())` })
    .where(where)
    .returning({ id: shareLinks.id })
  return row !== undefined
}

/** The active (unrevoked, unexpired) link behind a presented hash, or nothing: one indexed lookup. */
export async function findActiveByHash(db: DbOrTx, tokenHash: string): Promise<ShareLinkRow | undefined> {
  const [row] = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.tokenHash, tokenHash), isActive))
    .limit(1)
  return row
}
