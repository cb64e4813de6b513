import { count, desc, eq, sql } from 'drizzle-orm'
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
  // Not the catalog itself back: it is megabytes of JSON the caller already holds.
  const [row] = await db.insert(pricingCatalogs).values(values).returning({
    id: pricingCatalogs.id,
    importedAt: pricingCatalogs.importedAt,
    sourceFile: pricingCatalogs.sourceFile,
  })
  if (!row) throw new Error('insert into pricing_catalogs returned no row')
  return { ...row, catalog: values.catalog }
}

export type PricingCatalogSummary = { id: string; importedAt: Date; sourceFile: string; asOf: string }

/** Stored catalogs, newest first, without their (large) content: only the date from its meta. */
export async function listCatalogs(
  db: DbOrTx,
  window: { limit: number; offset: number },
): Promise<PricingCatalogSummary[]> {
  return db
    .select({
      id: pricingCatalogs.id,
      importedAt: pricingCatalogs.importedAt,
      sourceFile: pricingCatalogs.sourceFile,
      asOf: sql<string>`${pricingCatalogs.catalog}->'meta'->>'as_of'`,
    })
    .from(pricingCatalogs)
    .orderBy(desc(pricingCatalogs.importedAt), desc(pricingCatalogs.id))
    .limit(window.limit)
    .offset(window.offset)
}

export async function countCatalogs(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(pricingCatalogs)
  return row?.n ?? 0
}

export async function findCatalog(db: DbOrTx, id: string): Promise<PricingCatalogRow | undefined> {
  const [row] = await db.select().from(pricingCatalogs).where(eq(pricingCatalogs.id, id)).limit(1)
  return row ? { ...row, catalog: row.catalog as Catalog } : undefined
}
