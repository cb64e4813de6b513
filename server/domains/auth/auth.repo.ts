import { and, eq, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { refreshTokens, users } from '../../db/schema/index.js'

export type UserRow = typeof users.$inferSelect
export type RefreshTokenRow = typeof refreshTokens.$inferSelect

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1)
  return row
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1)
  return row
}

/** Inserts a user; returns undefined when the email is already taken (the unique index decides, race-free). */
export async function insertUser(
  db: DbOrTx,
  values: { email: string; passwordHash: string; fullName: string | null },
): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning()
  return row
}

export async function touchLastLogin(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, id)).returning()
  return row
}

export async function updateFullName(db: DbOrTx, id: string, fullName: string): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ fullName, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning()
  return row
}

export async function updatePassword(db: DbOrTx, id: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(users.id, id))
}

export async function insertRefreshToken(
  db: DbOrTx,
  values: { userId: string; familyId: string; tokenHash: string; expiresAt: Date; accessJti: string },
): Promise<void> {
  await db.insert(refreshTokens).values(values)
}

export async function findRefreshToken(db: DbOrTx, tokenHash: string): Promise<RefreshTokenRow | undefined> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1)
  return row
}

/** Marks a live token rotated; false when another request rotated or revoked it first. */
export async function markRotated(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(refreshTokens)
    .set({ rotatedAt: sql`now()` })
    .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id })
  return rows.length === 1
}

export async function revokeFamily(db: DbOrTx, familyId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
}

export async function revokeAllForUser(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
}

/**
 * What decides whether an access token is still good, in one indexed query: the user (active? password
 * changed when?) and whether the session the token was issued with has been revoked (logout, password change,
 * refresh-token reuse). Tokens issued before sessions were recorded have no session row.
 */
export async function findBearerState(db: DbOrTx, userId: string, jti: string) {
  const [row] = await db
    .select({
      isActive: users.isActive,
      passwordChangedAt: users.passwordChangedAt,
      sessionRevokedAt: refreshTokens.revokedAt,
    })
    .from(users)
    .leftJoin(refreshTokens, and(eq(refreshTokens.accessJti, jti), eq(refreshTokens.userId, users.id)))
    .where(eq(users.id, userId))
    .limit(1)
  return row
}
