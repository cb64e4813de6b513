import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { rateCards } from '../../db/schema/index.js'
import type { RateCardRule } from '../pricing/rate-card-prices.js'

export type RateCardRow = { userId: string; rules: RateCardRule[]; updatedAt: Date }

export async function findForUser(db: DbOrTx, userId: string): Promise<RateCardRow | undefined> {
  const [row] = await db.select().from(rateCards).where(eq(rateCards.userId, userId)).limit(1)
  return row ? { ...row, rules: row.rules as RateCardRule[] } : undefined
}

/** Stores the user's rules, replacing any previous card. */
export async function upsert(db: DbOrTx, userId: string, rules: RateCardRule[]): Promise<RateCardRow> {
  const [row] = await db
    .insert(rateCards)
    .values({ userId, rules })
    .onConflictDoUpdate({ target: rateCards.userId, set: { rules, updatedAt: sql`now()` } })
    .returning()
  if (!row) throw new Error('upsert into rate_cards returned no row')
  return { ...row, rules: row.rules as RateCardRule[] }
}
