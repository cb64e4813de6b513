import { desc } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { pricingCatalogs } from '../../db/schema/index.js'
import type { Catalog } from './catalog.js'

export type PricingCatalogRow = { id: string; importedAt: Date; sourceFile: string; catalog: Catalog }

/** The most recently imported catalog, or undefined when none was ever imported. */
export async function findLatestCatalog(db: DbOrTx): Promise<PricingCatalogRow | undefined> {
  const [row] = await db.select().from(pricingCatalogs).orderBy(desc(pricingCatalogs.importedAt)).limit(1)
  return row ? { ...row, catalog: row.catalog as Catalog } : undefined
}

export async function insertCatalog(
  db: DbOrTx,
  values: { sourceFile: string; catalog: Catalog },
): Promise<PricingCatalogRow> {
  const [row] = await db.insert(pricingCatalogs).values(values).returning()
  if (!row) throw new Error('insert into pricing_catalogs returned no row')
  return { ...row, catalog: row.catalog as Catalog }
}
