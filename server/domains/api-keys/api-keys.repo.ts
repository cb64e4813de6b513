import { and, count, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { apiKeys } from '../../db/schema/index.js'

export type ApiKeyRow = typeof apiKeys.$inferSelect

/** Not revoked and not expired. */
const isActive = and(
  isNull(apiKeys.revokedAt),
  or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`)),
)

/**
 * Serialises key creation per user (the cap check and the insert happen under this lock): a transaction-scoped
 * advisory lock on the user id, so the users table (auth's) is not touched.
 */
export async function lockUserKeys(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`api_keys:${userId}`}, 0))`)
}

export async function countActive(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isActive))
  return row?.n ?? 0
}

export async function insertKey(
  db: DbOrTx,
  values: {
    userId: string
    name: string
    keyPrefix: string
    keyHash: string
    scopes: string[]
    expiresAt: Date | null
  },
): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function findOwned(
  db: DbOrTx,
  userId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId)))
    .limit(1)
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}

export async function listOwned(db: DbOrTx, userId: string, page: number, pageSize: number) {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.userId, userId))
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(apiKeys).where(eq(apiKeys.userId, userId)),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function revoke(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
}

/** Name, prefix and revocation of the given keys (any owner), for naming senders. */
export async function findSummaries(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      keyPrefix: apiKeys.keyPrefix,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(inArray(apiKeys.id, [...ids]))
}

/** The key behind a presented hash; one indexed lookup. */
export async function findByHash(db: DbOrTx, keyHash: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1)
  return row
}

/** Writes last_used_at unless another instance already did within the minute. */
export async function touchLastUsed(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    )
}
