import { index, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

/**
 * Pricing catalogs written by `mockupaws pricing import`: each row is a whole catalog (the bundled one with
 * offer files applied), so every instance loads the same prices at start. The newest row wins.
 */
export const pricingCatalogs = pgTable(
  'pricing_catalogs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    sourceFile: varchar('source_file', { length: 1024 }).notNull(),
    catalog: jsonb('catalog').notNull(),
  },
  (t) => [index('pricing_catalogs_imported_idx').on(t.importedAt)],
)
