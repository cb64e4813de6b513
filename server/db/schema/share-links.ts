import { sql } from 'drizzle-orm'
import { char, check, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'
import { scenarios } from './scenarios.js'
import { users } from './users.js'

/** Read-only links to one scenario's costs (docs/what-if-and-sharing.md). */
export const shareLinks = pgTable(
  'share_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** First 12 characters of the token: enough to recognise a link in a list, useless to open it. */
    tokenPrefix: varchar('token_prefix', { length: 16 }).notNull(),
    /** SHA-256 hex of the whole token; the token itself is never stored. */
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /**
     * Which prices the link shows: `list` (AWS list prices) or `rate_card` (the owner's rate card, as the
     * scenario is priced). Links made before the choice existed keep showing what they showed.
     */
    prices: varchar('prices', { length: 16, enum: ['list', 'rate_card'] })
      .notNull()
      .default('rate_card'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('share_links_scenario_idx').on(t.scenarioId, t.createdAt),
    check('share_links_prices_check', sql`${t.prices} in ('list', 'rate_card')`),
  ],
)
