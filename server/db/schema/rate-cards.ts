import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users.js'

/**
 * One rate card per user (docs/rate-cards-and-snapshots.md): discounts, price overrides and markups the cost
 * engine applies to the catalog prices. The rules are replaced as a whole by `PUT /rate-card`, so they are
 * kept as one validated JSON array rather than rows of their own.
 */
export const rateCards = pgTable('rate_cards', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  rules: jsonb('rules').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
